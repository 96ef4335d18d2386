import type { Ref } from 'react';
import { TextField } from '../../components/Field';
import type { NewPassphraseDraft, NewPassphraseErrors } from './new-passphrase';
import { StrengthHint } from './StrengthHint';

interface NewPassphraseFieldsProps {
  draft: NewPassphraseDraft;
  errors: NewPassphraseErrors;
  onChange: (draft: NewPassphraseDraft) => void;
  /** "Passphrase", or "New passphrase" when one is being replaced. */
  label?: string;
  passphraseRef?: Ref<HTMLInputElement>;
  repeatRef?: Ref<HTMLInputElement>;
}

/** A new passphrase typed twice, with its strength in words; errors sit under the field they are about. */
export function NewPassphraseFields({
  draft,
  errors,
  onChange,
  label = 'Passphrase',
  passphraseRef,
  repeatRef,
}: NewPassphraseFieldsProps) {
  return (
    <>
      <TextField
        ref={passphraseRef}
        type="password"
        label={label}
        name="new-passphrase"
        value={draft.passphrase}
        error={errors.passphrase}
        hint={<StrengthHint passphrase={draft.passphrase} />}
        autoComplete="new-password"
        spellCheck={false}
        onChange={(event) => onChange({ ...draft, passphrase: event.target.value })}
      />
      <TextField
        ref={repeatRef}
        type="password"
        label={`Repeat ${label.toLowerCase()}`}
        name="repeat-passphrase"
        value={draft.repeat}
        error={errors.repeat}
        autoComplete="new-password"
        spellCheck={false}
        onChange={(event) => onChange({ ...draft, repeat: event.target.value })}
      />
    </>
  );
}
