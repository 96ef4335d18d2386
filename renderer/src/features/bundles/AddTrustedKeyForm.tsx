import { useState, type FormEvent } from 'react';
import { publicKeySchema } from '../../../../shared/domain/bundle';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useSigningStore } from './signing-store';

/** Paste a colleague's public key and say whose it is; problems are shown beside the field at fault. */
export function AddTrustedKeyForm() {
  const trust = useSigningStore((state) => state.trust);
  const [publicKey, setPublicKey] = useState('');
  const [label, setLabel] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [labelError, setLabelError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const key = publicKey.replace(/\s+/g, '');
    const name = label.trim();
    const badKey = publicKeySchema.safeParse(key).success
      ? null
      : 'That is not an Ed25519 public key: paste the 44 characters of base64 (ending in =) your colleague sent.';
    const badName = name === '' ? 'Say whose key this is.' : null;
    setKeyError(badKey);
    setLabelError(badName);
    setFailure(null);
    setAdded(null);
    if (badKey !== null || badName !== null) return;
    setBusy(true);
    const problem = await trust(key, name);
    setBusy(false);
    if (problem !== null) return setFailure(problem);
    setPublicKey('');
    setLabel('');
    setAdded(`Bundles signed by ${name} now verify as trusted.`);
  }

  return (
    <form className="bundle-add-key" aria-label="Add a trusted key" onSubmit={(event) => void submit(event)}>
      <h3 className="bundle-subtitle">Add a trusted key</h3>
      <div className="bundle-add-key__fields">
        <TextField
          label="Public key"
          className="mono"
          value={publicKey}
          error={keyError}
          autoComplete="off"
          spellCheck={false}
          placeholder="44 characters of base64"
          onChange={(event) => setPublicKey(event.target.value)}
        />
        <TextField
          label="Whose key"
          value={label}
          error={labelError}
          maxLength={200}
          autoComplete="off"
          placeholder="Name and organisation"
          onChange={(event) => setLabel(event.target.value)}
        />
      </div>
      <div className="bundle-actions">
        <Button type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Trust this key'}
        </Button>
      </div>
      {failure !== null && (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      )}
      {added !== null && (
        <p className="muted" role="status">
          {added}
        </p>
      )}
    </form>
  );
}
