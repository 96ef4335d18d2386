import { useRef, useState, type FormEvent } from 'react';
import { useAppInfoStore } from '../../stores/app-info-store';
import { encryptOpenCase } from './key-actions';
import { KeyDialog } from './KeyDialog';
import { checkNewPassphrase, EMPTY_NEW_PASSPHRASE, type NewPassphraseErrors } from './new-passphrase';
import { NewPassphraseFields } from './NewPassphraseFields';
import { RememberCheckbox } from './RememberCheckbox';

/** Encrypts the open plaintext case file in place with a new passphrase. */
export function EncryptCaseDialog({ onClose }: { onClose: () => void }) {
  const [draft, setDraft] = useState(EMPTY_NEW_PASSPHRASE);
  const [remember, setRemember] = useState(false);
  const [errors, setErrors] = useState<NewPassphraseErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const canRemember = useAppInfoStore((state) => state.canRememberPassphrases);
  const passphraseInput = useRef<HTMLInputElement>(null);
  const repeatInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (working) return;
    const found = checkNewPassphrase(draft);
    setErrors(found);
    setFailure(null);
    if (found.passphrase !== undefined) return passphraseInput.current?.focus();
    if (found.repeat !== undefined) return repeatInput.current?.focus();
    setWorking(true);
    const outcome = await encryptOpenCase(draft.passphrase, canRemember && remember);
    setWorking(false);
    if (outcome === null) onClose();
    else setFailure(outcome.message);
  }

  return (
    <KeyDialog
      title="Encrypt case file"
      description="From now on the case file can be read only with its passphrase."
      submitLabel={working ? 'Encrypting…' : 'Encrypt'}
      working={working}
      failure={failure}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <NewPassphraseFields
        draft={draft}
        errors={errors}
        onChange={(next) => {
          setDraft(next);
          setErrors({});
        }}
        passphraseRef={passphraseInput}
        repeatRef={repeatInput}
      />
      <RememberCheckbox checked={remember} onChange={setRemember} />
      <p className="key-note">
        Copies of this file made before now (backups, files sent to others) are not encrypted and stay
        readable by anyone who has them.
      </p>
    </KeyDialog>
  );
}
