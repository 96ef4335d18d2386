import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useSigningStore } from './signing-store';
import { useAutoFocus } from './use-auto-focus';

interface TrustSignerFormProps {
  publicKey: string;
  fingerprint: string;
  /** After the key is trusted (the caller verifies again). */
  onTrusted: () => void;
  onCancel: () => void;
}

/** Asks who the signer is, then adds their public key to the trusted keys. */
export function TrustSignerForm({ publicKey, fingerprint, onTrusted, onCancel }: TrustSignerFormProps) {
  const trust = useSigningStore((state) => state.trust);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useAutoFocus<HTMLInputElement>();

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const name = label.trim();
    if (name === '') return setError('Say whose key this is, such as the colleague who sent the bundle.');
    setBusy(true);
    const failure = await trust(publicKey, name);
    setBusy(false);
    if (failure !== null) return setError(failure);
    onTrusted();
  }

  return (
    <form className="bundle-trust" aria-label="Trust this signer" onSubmit={(event) => void submit(event)}>
      <p>
        Trust it only if the sender confirmed this fingerprint to you another way (in person, by phone); it
        ends in <code className="mono">{fingerprint.slice(-8)}</code>.
      </p>
      <TextField
        ref={input}
        label="Whose key is this?"
        value={label}
        error={error}
        maxLength={200}
        autoComplete="off"
        hint="Shown in verification reports: “Signed by …”."
        onChange={(event) => {
          setLabel(event.target.value);
          setError(null);
        }}
      />
      <div className="bundle-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {busy ? 'Trusting…' : 'Trust and verify again'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
