import { useId } from 'react';

interface RationaleFieldProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  rows?: number;
  maxLength?: number;
  error?: string | null;
  placeholder?: string;
}

/** A labelled multi-line text field for the reasons behind a choice. */
export function RationaleField({
  label,
  value,
  onChange,
  rows = 2,
  maxLength = 5_000,
  error = null,
  placeholder,
}: RationaleFieldProps) {
  const id = useId();
  const invalid = error !== null && error !== '';
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="field__control field__control--area"
        rows={rows}
        maxLength={maxLength}
        value={value}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {invalid && (
        <p className="field__error" id={`${id}-error`}>
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
    </div>
  );
}
