import {
  useId,
  useState,
  type ChangeEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
} from 'react';
import { IsoDateInput } from './IsoDateInput';

interface FieldFrameProps {
  label: string;
  error?: string | null;
  hint?: ReactNode;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** Label, control, hint and inline error, wired together for assistive technology. */
export function FieldFrame({ label, error, hint, children }: FieldFrameProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const invalid = error !== undefined && error !== null && error !== '';
  const describedBy =
    [invalid ? errorId : '', hint !== undefined ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      {children({ inputId, describedBy, invalid })}
      {invalid && (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
      {hint !== undefined && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  error?: string | null;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A labelled text field. `type="date"` is a date typed as YYYY-MM-DD (see IsoDateInput), never the
 * browser's picker with the system's format: onChange then sees only real dates or ''.
 */
export function TextField(props: TextFieldProps) {
  return props.type === 'date' ? <DateTextField {...props} /> : <PlainTextField {...props} />;
}

function PlainTextField({ label, error, hint, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          type="text"
          className={['field__control', className ?? ''].filter(Boolean).join(' ')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

function DateTextField({
  label,
  error,
  hint,
  className,
  value,
  onChange,
  type: _type,
  ...input
}: TextFieldProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const shown = problem ?? error;
  return (
    <FieldFrame label={label} error={shown} hint={hint ?? 'YYYY-MM-DD'}>
      {({ inputId, describedBy, invalid }) => (
        <IsoDateInput
          id={inputId}
          className={['field__control', 'field__control--date', className ?? ''].filter(Boolean).join(' ')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          {...input}
          value={typeof value === 'string' ? value : ''}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange?.(event)}
          onProblem={setProblem}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string | null;
  hint?: ReactNode;
}

export function SelectField({ label, options, error, hint, className, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          className={['field__control', 'field__control--select', className ?? ''].filter(Boolean).join(' ')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
