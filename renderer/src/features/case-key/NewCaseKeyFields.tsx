import { useId, type Ref } from 'react';
import type { NewPassphraseDraft, NewPassphraseErrors } from './new-passphrase';
import { NewPassphraseFields } from './NewPassphraseFields';
import { RememberCheckbox } from './RememberCheckbox';

/** How the new case file is to be kept: encrypted with a passphrase, or plaintext by explicit choice. */
export interface NewCaseKeyDraft {
  plaintext: boolean;
  passphrase: NewPassphraseDraft;
  remember: boolean;
}

interface NewCaseKeyFieldsProps {
  draft: NewCaseKeyDraft;
  errors: NewPassphraseErrors;
  onChange: (draft: NewCaseKeyDraft) => void;
  passphraseRef?: Ref<HTMLInputElement>;
  repeatRef?: Ref<HTMLInputElement>;
}

/**
 * The New case dialog's encryption part: the passphrase twice with its strength, Remember, and
 * the explicit "Don't encrypt" choice, which switches the passphrase off and says what it risks.
 */
export function NewCaseKeyFields({
  draft,
  errors,
  onChange,
  passphraseRef,
  repeatRef,
}: NewCaseKeyFieldsProps) {
  const riskId = useId();
  return (
    <fieldset className="key-fieldset">
      <legend className="key-fieldset__legend">Encryption</legend>
      <fieldset className="key-fieldset__group" disabled={draft.plaintext}>
        <NewPassphraseFields
          draft={draft.passphrase}
          errors={draft.plaintext ? {} : errors}
          onChange={(passphrase) => onChange({ ...draft, passphrase })}
          passphraseRef={passphraseRef}
          repeatRef={repeatRef}
        />
        <RememberCheckbox
          checked={draft.remember}
          onChange={(remember) => onChange({ ...draft, remember })}
        />
      </fieldset>
      <div className="key-option">
        <label className="check">
          <input
            type="checkbox"
            name="plaintext"
            checked={draft.plaintext}
            aria-describedby={riskId}
            onChange={(event) => onChange({ ...draft, plaintext: event.target.checked })}
          />
          <span>Don't encrypt this case file</span>
        </label>
        <p
          className={draft.plaintext ? 'key-option__detail key-option__detail--risk' : 'key-option__detail'}
          id={riskId}
        >
          Anyone who gets a copy of the file can read everything in it.
        </p>
      </div>
    </fieldset>
  );
}
