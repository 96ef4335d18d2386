import { useId } from 'react';
import type { Party } from '../../../../shared/domain/parties';
import { PRECISIONS, type Precision } from '../../../../shared/time/zoned-time';
import { SelectField, TextField } from '../../components/Field';
import { PRECISION_LABELS } from '../../lib/zoned';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { FieldFrame } from '../../components/Field';
import { writtenPrecision, type DraftErrors, type EventDraft } from './event-draft';

interface EventFieldsProps {
  draft: EventDraft;
  errors: DraftErrors;
  parties: readonly Party[];
  onChange: (patch: Partial<EventDraft>) => void;
  /** Leaving a field: the editor saves at once instead of waiting for the pause. */
  onBlur?: () => void;
}

const PRECISION_OPTIONS = PRECISIONS.map((value) => ({ value, label: PRECISION_LABELS[value] }));

const TIME_HINT = 'Wall-clock time in the zone below: 2020-11-12 14:05, or a day (2020-11-12) or month.';

/** The fields of an event, shared by the "new event" form and the editor of a selected event. */
export function EventFields({ draft, errors, parties, onChange, onBlur }: EventFieldsProps) {
  const detailId = useId();
  const approximateId = useId();

  function changeTime(time: string): void {
    // The precision follows what was written ("2020-11" is a month) until the user picks another.
    const written = writtenPrecision(time);
    onChange(written === null ? { time } : { time, precision: written });
  }

  function toggleParty(id: string, linked: boolean): void {
    const others = draft.partyIds.filter((partyId) => partyId !== id);
    onChange({ partyIds: linked ? [...others, id] : others });
  }

  return (
    <div className="event-fields">
      <div className="event-fields__when">
        <TextField
          label="Time"
          value={draft.time}
          error={errors.time}
          hint={TIME_HINT}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => changeTime(event.target.value)}
          onBlur={onBlur}
        />
        <FieldFrame label="Time zone">
          {({ inputId }) => (
            <TimeZoneSelect
              id={inputId}
              value={draft.zone}
              onChange={(zone) => onChange({ zone })}
              onBlur={onBlur}
            />
          )}
        </FieldFrame>
        <SelectField
          label="Precision"
          value={draft.precision}
          options={PRECISION_OPTIONS}
          onChange={(event) => onChange({ precision: event.target.value as Precision })}
          onBlur={onBlur}
        />
        <TextField
          label="End (optional)"
          value={draft.end}
          error={errors.end}
          hint="For a period, such as logs reviewed over three days."
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange({ end: event.target.value })}
          onBlur={onBlur}
        />
        <div className="check">
          <input
            id={approximateId}
            type="checkbox"
            checked={draft.approximate}
            onChange={(event) => onChange({ approximate: event.target.checked })}
            onBlur={onBlur}
          />
          <label htmlFor={approximateId}>Approximate (an estimate, to be verified)</label>
        </div>
      </div>
      <TextField
        label="Title"
        value={draft.title}
        error={errors.title}
        maxLength={300}
        autoComplete="off"
        onChange={(event) => onChange({ title: event.target.value })}
        onBlur={onBlur}
      />
      <div className="field">
        <label className="field__label" htmlFor={detailId}>
          Detail
        </label>
        <textarea
          id={detailId}
          className="field__control field__control--area"
          value={draft.detail}
          rows={4}
          maxLength={20_000}
          onChange={(event) => onChange({ detail: event.target.value })}
          onBlur={onBlur}
        />
      </div>
      <TextField
        label="Source"
        value={draft.source}
        hint="Where this is known from: a log, an e-mail, an interview."
        maxLength={500}
        autoComplete="off"
        onChange={(event) => onChange({ source: event.target.value })}
        onBlur={onBlur}
      />
      <TextField
        label="Tags"
        value={draft.tags}
        error={errors.tags}
        hint="Separate tags with commas."
        autoComplete="off"
        onChange={(event) => onChange({ tags: event.target.value })}
        onBlur={onBlur}
      />
      <fieldset className="event-fields__parties">
        <legend className="field__label">Linked parties</legend>
        {parties.length === 0 ? (
          <p className="field__hint">No parties are recorded yet; add them in the Parties section.</p>
        ) : (
          parties.map((party) => (
            <PartyCheck
              key={party.id}
              party={party}
              checked={draft.partyIds.includes(party.id)}
              onToggle={(linked) => toggleParty(party.id, linked)}
              onBlur={onBlur}
            />
          ))
        )}
      </fieldset>
      {errors.form !== undefined && (
        <p className="inline-error" role="alert">
          {errors.form}
        </p>
      )}
    </div>
  );
}

function PartyCheck(props: {
  party: Party;
  checked: boolean;
  onToggle: (linked: boolean) => void;
  onBlur: (() => void) | undefined;
}) {
  const id = useId();
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onToggle(event.target.checked)}
        onBlur={props.onBlur}
      />
      <label htmlFor={id}>{props.party.name}</label>
    </div>
  );
}
