import { useState, type FormEvent } from 'react';
import {
  PARTY_ACTION_KINDS,
  PARTY_ACTION_LABELS,
  type Party,
  type PartyAction,
} from '../../../../shared/domain/parties';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField, TextField } from '../../components/Field';
import { ZonedTimeInput } from '../../components/ZonedTimeInput';
import { optionsOf, pick } from '../../lib/options';
import { parseTimeDraft, type TimeDraft } from '../../lib/time-draft';
import { formatAsEntered, formatZonedTime } from '../../lib/zoned-display';
import { usePartiesStore } from '../../stores/parties-store';
import { useZoneStore } from '../../stores/zone-store';

const KIND_OPTIONS = optionsOf(PARTY_ACTION_KINDS, PARTY_ACTION_LABELS);

/** What was asked of or received from a party, and when: a dated list with add and remove. */
export function PartyActions({ party }: { party: Party }) {
  const addAction = usePartiesStore((state) => state.addAction);
  const lastZone = useZoneStore((state) => state.lastZone);
  const [kind, setKind] = useState<PartyAction['kind']>('deletion_requested');
  const [time, setTime] = useState<TimeDraft>({ text: '', zone: lastZone, approximate: false });
  const [note, setNote] = useState('');
  const [timeError, setTimeError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<PartyAction | null>(null);
  const actions = [...party.actions].sort((a, b) => a.at.utc.localeCompare(b.at.utc));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const parsed = parseTimeDraft(time, false);
    if (!parsed.ok || parsed.time === null)
      return setTimeError(parsed.ok ? 'Enter a date and time' : parsed.reason);
    setTimeError(null);
    setBusy(true);
    const problem = await addAction(party.id, { kind, at: parsed.time, note: note.trim() });
    setBusy(false);
    setFailure(problem);
    if (problem === null) {
      setTime({ text: '', zone: time.zone, approximate: false });
      setNote('');
    }
  }

  return (
    <section className="panel" aria-labelledby="party-actions-heading">
      <h3 id="party-actions-heading" className="panel__title">
        Actions
      </h3>
      {actions.length === 0 ? (
        <p className="empty">
          No actions yet. Record what was asked of {party.name} or received from it (a deletion request, its
          confirmation), with the date.
        </p>
      ) : (
        <ol className="dated-list" aria-label={`Actions with ${party.name}`}>
          {actions.map((action) => (
            <li key={action.id} className="dated-list__item">
              <time
                className="dated-list__time"
                dateTime={action.at.utc}
                title={formatAsEntered(action.at) ?? undefined}
              >
                {formatZonedTime(action.at)}
              </time>
              <span className="dated-list__body">
                <span className="dated-list__title">{PARTY_ACTION_LABELS[action.kind]}</span>
                {action.note !== '' && <span className="dated-list__note">{action.note}</span>}
              </span>
              <Button
                small
                variant="quiet"
                aria-label={`Remove ${PARTY_ACTION_LABELS[action.kind]} of ${formatZonedTime(action.at)}`}
                onClick={() => setRemoving(action)}
              >
                Remove
              </Button>
            </li>
          ))}
        </ol>
      )}
      <form className="action-form" onSubmit={(event) => void submit(event)} aria-label="Add an action">
        <h4 className="panel__subtitle">Add an action</h4>
        <div className="action-form__grid">
          <SelectField
            label="Action"
            value={kind}
            options={KIND_OPTIONS}
            onChange={(event) => setKind(pick(PARTY_ACTION_KINDS, event.target.value) ?? 'other')}
          />
          <ZonedTimeInput legend="When" value={time} error={timeError} onChange={setTime} />
          <div className="span-all">
            <TextField
              label="Note"
              value={note}
              maxLength={2000}
              autoComplete="off"
              placeholder="e.g. by e-mail to their DPO; written confirmation requested"
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
        </div>
        {failure !== null && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
        <div className="inv-actions">
          <Button type="submit" disabled={busy}>
            Add action
          </Button>
        </div>
      </form>
      {removing !== null && (
        <RemoveActionDialog party={party} action={removing} onClose={() => setRemoving(null)} />
      )}
    </section>
  );
}

function RemoveActionDialog(props: { party: Party; action: PartyAction; onClose: () => void }) {
  const removeAction = usePartiesStore((state) => state.removeAction);
  const { party, action } = props;
  const label = PARTY_ACTION_LABELS[action.kind];
  return (
    <ConfirmDialog
      title={`Remove “${label}”?`}
      confirmLabel="Remove action"
      onConfirm={() => removeAction(action.id)}
      onClose={props.onClose}
    >
      <p>
        The action “{label}” of {formatZonedTime(action.at)} will be removed from {party.name}. The removal is
        recorded in the audit log.
      </p>
    </ConfirmDialog>
  );
}
