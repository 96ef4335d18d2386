import { useId, useState } from 'react';
import type { NoticeStatusView } from '../../../../../shared/domain/notices';
import { plural } from '../../../../../shared/text/plural';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { useLettersStore } from '../../../stores/letters-store';
import { useWorkspaceStore } from '../../../stores/workspace-store';
import { jurisdictionLabel, todayIso } from './format';
import { useNoticesStore } from './notices-store';

type Row = NoticeStatusView['substitute'][number];

const AVAILABLE_LABELS: Record<Row['available'], string> = {
  yes: 'Available',
  if_cost_or_contact: 'Only if notice would cost too much or contact details are lacking',
  no: 'Not available',
};

/** Per notice to individuals: the people not reached, whether the law allows substitute notice, and its drafts. */
export function SubstituteNotices({ rows }: { rows: readonly Row[] }) {
  const id = useId();
  if (rows.length === 0) return null;
  return (
    <section className="notices-group" aria-labelledby={`${id}-title`}>
      <h5 id={`${id}-title`} className="notices-group__title">
        Substitute notice
      </h5>
      <p className="muted">
        For the people a notice did not reach (bounced, returned, unreachable), some laws allow notice on the
        website and in the media instead.
      </p>
      <ul className="notices-substitutes">
        {rows.map((row) => (
          <SubstituteRow key={row.ruleId} row={row} />
        ))}
      </ul>
    </section>
  );
}

function SubstituteRow({ row }: { row: Row }) {
  const create = useLettersStore((state) => state.create);
  const showSection = useWorkspaceStore((state) => state.showSection);
  const record = useNoticesStore((state) => state.recordSubstitute);
  const [recording, setRecording] = useState(false);
  const [postedOn, setPostedOn] = useState(todayIso());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = useId();

  async function draft(templateId: 'substitute-web-notice' | 'substitute-media-notice'): Promise<void> {
    setBusy(true);
    setError(null);
    const failure = await create({
      templateId,
      jurisdiction: row.jurisdiction,
      recipient: { name: '', address: '' },
    });
    setBusy(false);
    if (failure !== null) setError(failure);
    else showSection('letters');
  }

  async function save(): Promise<void> {
    if (postedOn === '') {
      setError('Type the date the substitute notice was given, as YYYY-MM-DD.');
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await record(postedOn, row.ruleId);
    setBusy(false);
    if (failure !== null) setError(failure);
    else {
      setRecording(false);
      setDone(`Substitute notice given on ${postedOn} recorded.`);
    }
  }

  return (
    <li className="notices-substitute" aria-labelledby={`${id}-title`}>
      <div className="notices-substitute__head">
        <span id={`${id}-title`} className="notices-list__title">
          {row.title}
        </span>
        <span className="muted">{jurisdictionLabel(row.jurisdiction)}</span>
      </div>
      <dl className="roster-counts num">
        <div>
          <dt>Not reached</dt>
          <dd>{plural(row.unreached, 'person', 'people')}</dd>
        </div>
        <div>
          <dt>Substitute notice</dt>
          <dd className={row.available === 'yes' ? 'notices-yes' : undefined}>
            {AVAILABLE_LABELS[row.available]}
          </dd>
        </div>
      </dl>
      {row.text !== '' && (
        <p className="notices-substitute__text">
          {row.text} <span className="muted">({row.citation})</span>
        </p>
      )}
      <div className="notices-actions">
        <Button small disabled={busy} onClick={() => void draft('substitute-web-notice')}>
          Draft website notice
        </Button>
        <Button small disabled={busy} onClick={() => void draft('substitute-media-notice')}>
          Draft media notice
        </Button>
        {!recording && (
          <Button small disabled={busy || row.available !== 'yes'} onClick={() => setRecording(true)}>
            Record substitute notice given…
          </Button>
        )}
      </div>
      {row.available !== 'yes' && (
        <p className="field__hint">
          It can be recorded once the law allows substitute notice for this notice.
        </p>
      )}
      {recording && (
        <form
          className="notices-record"
          aria-label={`Record substitute notice for ${row.title}`}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <TextField
            type="date"
            label="Given on"
            value={postedOn}
            onChange={(event) => setPostedOn(event.target.value)}
          />
          <div className="notices-actions">
            <Button type="submit" small variant="primary" disabled={busy}>
              Record
            </Button>
            <Button small onClick={() => setRecording(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {done !== null && (
        <p className="muted" role="status">
          {done}
        </p>
      )}
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
