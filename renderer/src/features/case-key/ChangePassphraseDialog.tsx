import { useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../components/Field';
import { useAppInfoStore } from '../../stores/app-info-store';
import { changeOpenCasePassphrase } from './key-actions';
import { KeyDialog } from './KeyDialog';
import { checkNewPassphrase, EMPTY_NEW_PASSPHRASE, type NewPassphraseErrors } from './new-passphrase';
import { NewPassphraseFields } from './NewPassphraseFields';
import { RememberCheckbox } from './RememberCheckbox';

type Errors = NewPassphraseErrors & { current?: string };

/** Re-encrypts the open case file with a new passphrase, once the current one is given again. */
export function ChangePassphraseDialog({
  remembered,
  onClose,
}: {
  remembered: boolean;
  onClose: () => void;
}) {
  const [current, setCurrent] = useState('');
  const [draft, setDraft] = useState(EMPTY_NEW_PASSPHRASE);
  const [remember, setRemember] = useState(remembered);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const canRemember = useAppInfoStore((state) => state.canRememberPassphrases);
  const currentInput = useRef<HTMLInputElement>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);
  const repeatInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (working) return;
    const found: Errors = {
      current: current === '' ? 'Enter the passphrase that opens this case file now.' : undefined,
      ...checkNewPassphrase(draft),
    };
    setErrors(found);
    setFailure(null);
    if (found.current !== undefined) return currentInput.current?.focus();
    if (found.passphrase !== undefined) return passphraseInput.current?.focus();
    if (found.repeat !== undefined) return repeatInput.current?.focus();
    setWorking(true);
    const outcome = await changeOpenCasePassphrase(current, draft.passphrase, canRemember && remember);
    setWorking(false);
    if (outcome === null) return onClose();
    if (outcome.code !== 'WRONG_PASSPHRASE') return setFailure(outcome.message);
    setErrors({ current: outcome.message });
    currentInput.current?.select();
  }

  return (
    <KeyDialog
      title="Change passphrase"
      description="The case file is encrypted again under the new passphrase; copies made before keep the old one."
      submitLabel={working ? 'Changing…' : 'Change passphrase'}
      working={working}
      failure={failure}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <TextField
        ref={currentInput}
        type="password"
        label="Current passphrase"
        name="current-passphrase"
        value={current}
        error={errors.current}
        autoComplete="current-password"
        spellCheck={false}
        onChange={(event) => {
          setCurrent(event.target.value);
          setErrors({ ...errors, current: undefined });
        }}
      />
      <NewPassphraseFields
        label="New passphrase"
        draft={draft}
        errors={errors}
        onChange={(next) => {
          setDraft(next);
          setErrors({ ...errors, passphrase: undefined, repeat: undefined });
        }}
        passphraseRef={passphraseInput}
        repeatRef={repeatInput}
      />
      <RememberCheckbox checked={remember} onChange={setRemember} />
    </KeyDialog>
  );
}
