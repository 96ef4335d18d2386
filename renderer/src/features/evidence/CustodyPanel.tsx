import { useState, type FormEvent } from 'react';
import type { CustodyAction, EvidenceItem } from '../../../../shared/domain/evidence';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { ZonedTimeInput } from '../../components/ZonedTimeInput';
import { pick } from '../../lib/options';
import { formatInstant } from '../../lib/time';
import { parseTimeDraft, type TimeDraft } from '../../lib/time-draft';
import { useCustodyStore } from '../../stores/evidence/custody-store';
import { useZoneStore } from '../../stores/zone-store';

const CUSTODY_LABELS: Record<CustodyAction, string> = {
  collected: 'Collected',
  received: 'Received',
  transferred: 'Transferred',
  exported: 'Exported',
  verified: 'Verified',
};

const PERSON_ACTIONS = ['collected', 'received', 'transferred'] as const;
const ACTION_OPTIONS = PERSON_ACTIONS.map((value) => ({ value, label: CUSTODY_LABELS[value] }));

/**
 * The item's chain of custody: every hand it passed through, oldest first. Entries are only ever
 * added; Breachdesk records intake, exports and verifications itself.
 */
export function CustodyPanel({ item }: { item: EvidenceItem }) {
  const custody = useCustodyStore((state) => state.custody);
  const custodyError = useCustodyStore((state) => state.custodyError);
  const entries = custody?.id === item.id ? custody.entries : null;
  const sorted = entries === null ? null : [...entries].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <section className="panel ev-panel" aria-labelledby="ev-custody-heading">
      <h3 id="ev-custody-heading" className="panel__title">
        Chain of custody
      </h3>
      <p className="muted small ev-panel__intro">
        Entries cannot be changed or removed. Exports and verifications are recorded by Breachdesk.
      </p>
      {custodyError !== null && (
        <p className="inline-error" role="alert">
          {custodyError}
        </p>
      )}
      {sorted === null ? (
        custodyError === null && <p className="muted">Reading the chain of custody…</p>
      ) : sorted.length === 0 ? (
        <p className="empty small">
          No custody entries yet. Record who collected, received or transferred it.
        </p>
      ) : (
        <ol className="ev-custody" aria-label={`Chain of custody of ${item.name}`}>
          {sorted.map((entry) => (
            <li key={entry.id} className="ev-custody__entry">
              <time className="ev-custody__time num" dateTime={entry.at}>
                {formatInstant(entry.at, { seconds: true })}
              </time>
              <span className={`ev-custody__action ev-custody__action--${entry.action}`}>
                {CUSTODY_LABELS[entry.action]}
              </span>
              <span className="ev-custody__actor">{entry.actor}</span>
              {(entry.note !== '' || entry.automatic) && (
                <span className="ev-custody__note">
                  {entry.automatic && <span className="ev-custody__auto">recorded by Breachdesk</span>}
                  {entry.automatic && entry.note !== '' && ' '}
                  {entry.note}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      <CustodyForm item={item} />
    </section>
  );
}

function CustodyForm({ item }: { item: EvidenceItem }) {
  const addCustody = useCustodyStore((state) => state.addCustody);
  const lastZone = useZoneStore((state) => state.lastZone);
  const [action, setAction] = useState<(typeof PERSON_ACTIONS)[number]>('received');
  const [actor, setActor] = useState('');
  const [time, setTime] = useState<TimeDraft>({ text: '', zone: lastZone, approximate: false });
  const [note, setNote] = useState('');
  const [actorError, setActorError] = useState<string | null>(null);
  const [timeError, setTimeError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const who = actor.trim();
    const parsed = parseTimeDraft(time, true);
    setActorError(who === '' ? 'Say who' : null);
    setTimeError(parsed.ok ? null : parsed.reason);
    if (who === '' || !parsed.ok) return;
    const at = parsed.time === null ? new Date().toISOString() : parsed.time.utc;
    setBusy(true);
    const problem = await addCustody({ evidenceId: item.id, action, actor: who, at, note: note.trim() });
    setBusy(false);
    setFailure(problem);
    if (problem === null) {
      setTime({ text: '', zone: time.zone, approximate: false });
      setNote('');
    }
  }

  return (
    <form className="action-form" aria-label="Record custody" onSubmit={(event) => void submit(event)}>
      <h4 className="panel__subtitle">Record custody</h4>
      <div className="ev-custody-form">
        <SelectField
          label="Action"
          value={action}
          options={ACTION_OPTIONS}
          onChange={(event) => setAction(pick(PERSON_ACTIONS, event.target.value) ?? 'received')}
        />
        <TextField
          label="Actor"
          value={actor}
          error={actorError}
          maxLength={200}
          autoComplete="off"
          placeholder="Who, and for whom"
          onChange={(event) => setActor(event.target.value)}
        />
        <div className="span-all">
          <ZonedTimeInput
            legend="When (empty for now)"
            value={time}
            error={timeError}
            onChange={setTime}
            approximate={false}
          />
        </div>
        <div className="span-all">
          <TextField
            label="Note"
            value={note}
            maxLength={5000}
            autoComplete="off"
            placeholder="e.g. handed over on an encrypted USB stick, receipt signed"
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
          Record entry
        </Button>
      </div>
    </form>
  );
}
