import { useRef, useState, type FormEvent } from 'react';
import { openWithPassphrase } from '../../app/case-actions';
import { TextField } from '../../components/Field';
import { useAppInfoStore } from '../../stores/app-info-store';
import { KeyDialog } from './KeyDialog';
import { RememberCheckbox } from './RememberCheckbox';

interface UnlockCaseDialogProps {
  path: string;
  /** The service's sentence on why the passphrase is needed (it names the file). */
  reason: string;
  onClose: () => void;
}

const WRONG = 'That passphrase does not open this case file; check it and try again.';

/**
 * Asks for the passphrase of an encrypted case file being opened and opens it; a wrong one is said
 * under the field and the person tries again. Cancel leaves everything as it was.
 */
export function UnlockCaseDialog({ path, reason, onClose }: UnlockCaseDialogProps) {
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const canRemember = useAppInfoStore((state) => state.canRememberPassphrases);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (working) return;
    setFailure(null);
    if (passphrase === '') {
      setError('Enter the passphrase of this case file.');
      input.current?.focus();
      return;
    }
    setWorking(true);
    const outcome = await openWithPassphrase(path, passphrase, canRemember && remember);
    setWorking(false);
    if (outcome.kind === 'opened') return onClose();
    if (outcome.kind === 'failed') return setFailure(outcome.message);
    setError(WRONG);
    input.current?.select();
  }

  return (
    <KeyDialog
      title="Open encrypted case file"
      description={reason}
      submitLabel={working ? 'Opening…' : 'Open'}
      working={working}
      failure={failure}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <TextField
        ref={input}
        type="password"
        label="Passphrase"
        name="passphrase"
        value={passphrase}
        error={error}
        autoComplete="current-password"
        spellCheck={false}
        onChange={(event) => {
          setPassphrase(event.target.value);
          setError(null);
        }}
      />
      <RememberCheckbox checked={remember} onChange={setRemember} />
    </KeyDialog>
  );
}
