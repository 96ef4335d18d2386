import { useId, type ReactNode } from 'react';
import type { ZonedTime } from '../../../shared/time/zoned-time';
import { draftSlot } from '../lib/kept-drafts';
import {
  draftOf,
  isTimeDraft,
  parseTimeDraft,
  sameDraft,
  TIME_FORMAT_HINT,
  type TimeDraft,
} from '../lib/time-draft';
import { useAutosave } from '../lib/use-autosave';
import { formatAsEntered, formatZonedTime } from '../lib/zoned-display';
import { useZoneStore } from '../stores/zone-store';
import type { SaveKey } from '../stores/workspace-store';
import { TimeZoneSelect } from './TimeZoneSelect';

interface ZonedTimeFieldProps {
  legend: string;
  saveKey: SaveKey;
  value: ZonedTime | null;
  /** Empty text means "unknown" and saves null. */
  nullable: boolean;
  hint?: ReactNode;
  save: (time: ZonedTime | null) => Promise<boolean>;
}

/**
 * A moment entered as wall-clock text in an IANA zone, optionally approximate; saves itself.
 * Under it, what is stored, with its zone (and this computer's reading when that differs).
 */
export function ZonedTimeField({ legend, saveKey, value, nullable, hint, save }: ZonedTimeFieldProps) {
  const lastZone = useZoneStore((state) => state.lastZone);
  const remember = useZoneStore((state) => state.remember);
  const id = useId();
  const slot = draftSlot(saveKey, isTimeDraft);
  const field = useAutosave<TimeDraft>({
    saveKey,
    stored: draftOf(value, lastZone),
    same: sameDraft,
    validate: (draft) => {
      const parsed = parseTimeDraft(draft, nullable);
      return parsed.ok ? null : parsed.reason;
    },
    save: (draft) => {
      const parsed = parseTimeDraft(draft, nullable);
      return parsed.ok ? save(parsed.time) : Promise.resolve(false);
    },
    ...slot,
  });
  const { draft, error } = field;
  const invalid = error !== null;
  const described = [invalid ? `${id}-error` : '', `${id}-readout`, hint === undefined ? '' : `${id}-hint`]
    .filter(Boolean)
    .join(' ');

  function changeZone(zone: string): void {
    remember(zone);
    field.change({ ...draft, zone }, draft.text.trim() !== '');
  }

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
          value={draft.text}
          aria-invalid={invalid || undefined}
          aria-describedby={described}
          onChange={(event) => field.change({ ...draft, text: event.target.value })}
          onBlur={field.commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') field.commit();
          }}
        />
        <TimeZoneSelect
          className="time-field__zone"
          aria-label="Time zone"
          value={draft.zone}
          onChange={changeZone}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={draft.approximate}
            onChange={(event) => field.change({ ...draft, approximate: event.target.checked }, true)}
          />
          Approximate
        </label>
      </div>
      {invalid && (
        <p className="field__error" id={`${id}-error`}>
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
      <p className="time-field__readout" id={`${id}-readout`}>
        <Readout value={value} nullable={nullable} />
      </p>
      {hint !== undefined && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </fieldset>
  );
}

function Readout({ value, nullable }: { value: ZonedTime | null; nullable: boolean }) {
  if (value === null) {
    return (
      <span className="muted">
        {nullable ? 'Unknown — leave empty until known.' : 'Not set.'} Format: {TIME_FORMAT_HINT}.
      </span>
    );
  }
  const entered = formatAsEntered(value);
  return (
    <>
      <span className="muted">Recorded: </span>
      <time dateTime={value.utc}>{formatZonedTime(value)}</time>
      {entered !== null && <span className="muted"> ({entered})</span>}
    </>
  );
}
