import type { ReactNode } from 'react';
import { draftSlot, isString } from '../lib/kept-drafts';
import { noProblem, sameText, useAutosave } from '../lib/use-autosave';
import type { SaveKey } from '../stores/workspace-store';
import { FieldFrame } from './Field';

interface AutosaveTextFieldProps {
  label: string;
  saveKey: SaveKey;
  stored: string;
  save: (text: string) => Promise<boolean>;
  validate?: (text: string) => string | null;
  /** A textarea of this many rows instead of a one-line input. */
  rows?: number;
  type?: 'text' | 'email' | 'tel';
  maxLength?: number;
  hint?: ReactNode;
  placeholder?: string;
  autoComplete?: string;
  className?: string;
}

/** A labelled text field (or textarea) that saves itself after a pause and on blur. */
export function AutosaveTextField(props: AutosaveTextFieldProps) {
  const { label, saveKey, stored, save, validate = noProblem, rows, hint, className } = props;
  const field = useAutosave<string>({
    saveKey,
    stored,
    same: sameText,
    validate,
    save,
    ...draftSlot(saveKey, isString),
  });
  return (
    <div className={className}>
      <FieldFrame label={label} error={field.error} hint={hint}>
        {({ inputId, describedBy, invalid }) => {
          const common = {
            id: inputId,
            value: field.draft,
            maxLength: props.maxLength,
            placeholder: props.placeholder,
            autoComplete: props.autoComplete ?? 'off',
            'aria-invalid': invalid || undefined,
            'aria-describedby': describedBy,
            onBlur: field.commit,
          };
          return rows === undefined ? (
            <input
              {...common}
              type={props.type ?? 'text'}
              className="field__control"
              onChange={(event) => field.change(event.target.value)}
            />
          ) : (
            <textarea
              {...common}
              rows={rows}
              className="field__control field__control--area"
              onChange={(event) => field.change(event.target.value)}
            />
          );
        }}
      </FieldFrame>
    </div>
  );
}
