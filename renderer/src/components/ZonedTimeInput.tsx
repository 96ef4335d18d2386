import { useId } from 'react';
import { TIME_FORMAT_HINT, type TimeDraft } from '../lib/time-draft';
import { useZoneStore } from '../stores/zone-store';
import { TimeZoneSelect } from './TimeZoneSelect';

interface ZonedTimeInputProps {
  legend: string;
  value: TimeDraft;
  onChange: (value: TimeDraft) => void;
  error?: string | null;
  /** Offer "Approximate" (when the schema allows it). */
  approximate?: boolean;
}

/** Wall-clock text and its IANA zone, for forms that save on submit (the zone picked is remembered). */
export function ZonedTimeInput({ legend, value, onChange, error, approximate = true }: ZonedTimeInputProps) {
  const remember = useZoneStore((state) => state.remember);
  const id = useId();
  const invalid = error !== undefined && error !== null;
  return (
    <fieldset className={invalid ? 'time-field time-field--invalid' : 'time-field'}>
      <legend className="field__label">{legend}</legend>
      <div className="time-field__row">
        <input
          type="text"
          className="field__control time-field__text"
          aria-label="Date and time"
          placeholder="YYYY-MM-DD HH:MM"
          autoComplete="off"
          spellCheck={false}
          value={value.text}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : `${id}-hint`}
          onChange={(event) => onChange({ ...value, text: event.target.value })}
        />
        <TimeZoneSelect
          className="time-field__zone"
          aria-label="Time zone"
          value={value.zone}
          onChange={(zone) => {
            remember(zone);
            onChange({ ...value, zone });
          }}
        />
        {approximate && (
          <label className="check">
            <input
              type="checkbox"
              checked={value.approximate}
              onChange={(event) => onChange({ ...value, approximate: event.target.checked })}
            />
            Approximate
          </label>
        )}
      </div>
      {invalid ? (
        <p className="field__error" id={`${id}-error`}>
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      ) : (
        <p className="field__hint" id={`${id}-hint`}>
          {TIME_FORMAT_HINT}
        </p>
      )}
    </fieldset>
  );
}
