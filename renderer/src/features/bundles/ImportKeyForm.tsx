import { useRef, useState, type FormEvent } from 'react';
import type { NewCaseKey } from '../../app/case-actions';
import { Button } from '../../components/Button';
import { useAppInfoStore } from '../../stores/app-info-store';
import {
  checkNewPassphrase,
  EMPTY_NEW_PASSPHRASE,
  type NewPassphraseErrors,
} from '../case-key/new-passphrase';
import { NewCaseKeyFields, type NewCaseKeyDraft } from '../case-key/NewCaseKeyFields';
import { useAutoFocus } from './use-auto-focus';

interface ImportKeyFormProps {
  onSubmit: (key: NewCaseKey) => void;
  onBack: () => void;
}

const NEW_KEY: NewCaseKeyDraft = { plaintext: false, passphrase: EMPTY_NEW_PASSPHRASE, remember: false };

/**
 * Import as new case…: how the new case file is to be kept, asked before where to save it. Like
 * New case, it is encrypted with a passphrase unless the person explicitly chooses otherwise.
 */
export function ImportKeyForm({ onSubmit, onBack }: ImportKeyFormProps) {
  const canRemember = useAppInfoStore((state) => state.canRememberPassphrases);
  const passphraseInput = useAutoFocus<HTMLInputElement>();
  const repeatInput = useRef<HTMLInputElement>(null);
  const [key, setKey] = useState<NewCaseKeyDraft>(NEW_KEY);
  const [errors, setErrors] = useState<NewPassphraseErrors>({});

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const found = key.plaintext ? {} : checkNewPassphrase(key.passphrase);
    setErrors(found);
    if (found.passphrase !== undefined) return passphraseInput.current?.focus();
    if (found.repeat !== undefined) return repeatInput.current?.focus();
    onSubmit(
      key.plaintext
        ? { plaintext: true }
        : { passphrase: key.passphrase.passphrase, remember: canRemember && key.remember },
    );
  }

  return (
    <form className="form-stack bundle-step" aria-label="New case file" onSubmit={submit} noValidate>
      <p>The bundle's case becomes a new case file. Choose how to keep it, then where to save it.</p>
      <NewCaseKeyFields
        draft={key}
        errors={errors}
        onChange={(next) => {
          if (next.passphrase !== key.passphrase) setErrors({});
          setKey(next);
        }}
        passphraseRef={passphraseInput}
        repeatRef={repeatInput}
      />
      <div className="bundle-actions">
        <Button type="submit" variant="primary">
          Choose where to save…
        </Button>
        <Button type="button" variant="secondary" onClick={onBack}>
          Back to the report
        </Button>
      </div>
    </form>
  );
}
