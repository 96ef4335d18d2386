import { useId } from 'react';
import { FieldFrame, TextField } from '../../components/Field';
import type { EnvelopeChoice, EnvelopeErrors } from './envelope-choice';
import { recipientLines } from './envelope-choice';
import { useSigningInfo } from './signing-store';

interface EnvelopeOptionsProps {
  choice: EnvelopeChoice;
  errors: EnvelopeErrors;
  onChange: (choice: EnvelopeChoice) => void;
}

/**
 * "Encrypt the bundle (age)": the whole zip sealed in an age envelope, to a passphrase typed
 * twice or to people's age recipients, one a line (this installation's can be added).
 */
export function EnvelopeOptions({ choice, errors, onChange }: EnvelopeOptionsProps) {
  const detailId = useId();
  const name = useId();
  const edit = (change: Partial<EnvelopeChoice>) => onChange({ ...choice, ...change });
  return (
    <div className="bundle-envelope">
      <fieldset className="choice-group">
        <legend className="field__label">Encryption</legend>
        <div>
          <label className="check">
            <input
              type="checkbox"
              checked={choice.encrypt}
              aria-describedby={detailId}
              onChange={(event) => edit({ encrypt: event.target.checked })}
            />
            Encrypt the bundle (age)
          </label>
          <p className="bundle-options__detail" id={detailId}>
            Seals the whole zip in an age envelope, saved as <code>.zip.age</code>: only the passphrase or the
            recipients’ age keys open it, in Breachdesk or with the standard <code>age</code> tool. The bag
            inside stays a standard BagIt zip.
          </p>
        </div>
        {choice.encrypt && (
          <div className="bundle-envelope__fields">
            <div className="bundle-envelope__kinds" role="radiogroup" aria-label="Encrypt to">
              <label className="check">
                <input
                  type="radio"
                  name={name}
                  checked={choice.kind === 'passphrase'}
                  onChange={() => edit({ kind: 'passphrase' })}
                />
                With a passphrase
              </label>
              <label className="check">
                <input
                  type="radio"
                  name={name}
                  checked={choice.kind === 'recipients'}
                  onChange={() => edit({ kind: 'recipients' })}
                />
                To people’s age keys
              </label>
            </div>
            {choice.kind === 'passphrase' ? (
              <>
                <TextField
                  label="Passphrase"
                  type="password"
                  autoComplete="new-password"
                  value={choice.passphrase}
                  error={errors.passphrase}
                  hint="Give it to the recipient by another way than the bundle (a call, in person). Five or more random words resist guessing."
                  onChange={(event) => edit({ passphrase: event.target.value })}
                />
                <TextField
                  label="Repeat the passphrase"
                  type="password"
                  autoComplete="new-password"
                  value={choice.repeat}
                  error={errors.repeat}
                  onChange={(event) => edit({ repeat: event.target.value })}
                />
              </>
            ) : (
              <RecipientsField
                value={choice.recipients}
                error={errors.recipients}
                onChange={(recipients) => edit({ recipients })}
              />
            )}
          </div>
        )}
      </fieldset>
    </div>
  );
}

/** Age recipients, one a line, with a button that adds this installation's own. */
function RecipientsField({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { info } = useSigningInfo();
  const own = info?.ageRecipient ?? null;
  const listed = own !== null && recipientLines(value).includes(own);
  return (
    <FieldFrame
      label="Age recipients, one a line"
      error={error}
      hint={
        <>
          Each begins with <code>age1</code>: colleagues find theirs under Signing keys… or with{' '}
          <code>breachdesk keys list</code>; <code>age-keygen</code> makes one for anyone else.
          {own !== null && !listed && (
            <>
              {' '}
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(value.trim() === '' ? own : `${value.trimEnd()}\n${own}`)}
              >
                Add this installation’s recipient
              </button>
            </>
          )}
        </>
      }
    >
      {({ inputId, describedBy, invalid }) => (
        <textarea
          id={inputId}
          className="field__control field__control--area mono"
          rows={3}
          spellCheck={false}
          autoComplete="off"
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
