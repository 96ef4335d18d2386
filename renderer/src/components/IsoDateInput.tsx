import { useState, type ChangeEvent, type InputHTMLAttributes, type Ref } from 'react';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether text is a real calendar date written YYYY-MM-DD (2020-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What is wrong with a typed date, in one sentence; null when it is empty or a date. */
export function isoDateProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || isIsoDate(trimmed)) return null;
  return ISO_DATE.test(trimmed)
    ? `${trimmed} is not a date in the calendar.`
    : 'Type the date as YYYY-MM-DD, e.g. 2020-11-16.';
}

export interface IsoDateInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'onChange'
> {
  /** The date (YYYY-MM-DD) or ''. */
  value: string;
  /** Called with an event whose value is a date or '' only: text being typed is kept here. */
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  /** Told the sentence saying what is wrong with the text typed, or null. */
  onProblem?: (problem: string | null) => void;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A date typed as YYYY-MM-DD, the format Breachdesk shows dates in everywhere (a browser's date
 * picker would show the system's format, such as mm/dd/yyyy). Ordinary text editing; the value
 * reaches the form only when it is a real date or empty, and what is wrong is said on leaving
 * the field (or once ten characters are typed).
 */
export function IsoDateInput({
  value,
  onChange,
  onProblem,
  onBlur,
  className,
  ref,
  ...input
}: IsoDateInputProps) {
  const [draft, setDraft] = useState(value);
  const [shownFor, setShownFor] = useState(value);
  // A value set from outside (a reset, another case) replaces the text being typed.
  if (shownFor !== value) {
    setShownFor(value);
    if (draft.trim() !== value) setDraft(value);
  }

  function tell(text: string, leaving: boolean): void {
    const problem = isoDateProblem(text);
    onProblem?.(problem !== null && (leaving || text.trim().length >= 10) ? problem : null);
  }

  return (
    <input
      ref={ref}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder="YYYY-MM-DD"
      maxLength={10}
      className={className}
      {...input}
      value={draft}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        tell(text, false);
        const trimmed = text.trim();
        if (trimmed === '' || isIsoDate(trimmed)) {
          setShownFor(trimmed);
          onChange(event);
        }
      }}
      onBlur={(event) => {
        tell(event.target.value, true);
        onBlur?.(event);
      }}
    />
  );
}
