import { useId, useState } from 'react';
import { formatCount } from '../../../../../shared/text/count';
import { plural } from '../../../../../shared/text/plural';
import { Button } from '../../../components/Button';
import { useNoticesStore, type TrackKind } from './notices-store';

const SHOWN_ROWS = 200;

const KIND_LABELS: Record<TrackKind, string> = { bounces: 'Bounces', returned: 'Returned mail' };

/** Reads back what came of the notices: bounces (delivery reports, CSV) or a mail house's returned letters. */
export function Tracking() {
  const track = useNoticesStore((state) => state.track);
  const last = useNoticesStore((state) => state.trackResult);
  const [busy, setBusy] = useState<TrackKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function read(kind: TrackKind): Promise<void> {
    setBusy(kind);
    setError(null);
    setError(await track(kind));
    setBusy(null);
  }

  return (
    <section className="panel notices-block" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="panel__subtitle">
        What came back
      </h4>
      <p className="muted">
        Delivery reports (.eml) or CSV lists of outcomes from the mail system, and the mail house&apos;s list
        of returned letters: each person&apos;s latest notice takes the outcome.
      </p>
      <div className="notices-actions">
        <Button disabled={busy !== null} onClick={() => void read('bounces')}>
          {busy === 'bounces' ? 'Reading bounces…' : 'Read bounces…'}
        </Button>
        <Button disabled={busy !== null} onClick={() => void read('returned')}>
          {busy === 'returned' ? 'Reading returned mail…' : 'Read returned mail…'}
        </Button>
      </div>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {last !== null && (
        <div className="notices-result" aria-label="Tracking result" role="group">
          <p className="notice" role="status">
            {KIND_LABELS[last.kind]}: read {plural(last.result.entries, 'entry', 'entries')} from{' '}
            {plural(last.result.files, 'file')}; {formatCount(last.result.matched)} matched a notice.
          </p>
          <dl className="roster-counts num" aria-label="Tracking counts">
            <div>
              <dt>Matched</dt>
              <dd>{formatCount(last.result.matched)}</dd>
            </div>
            <div>
              <dt>Unmatched</dt>
              <dd>{formatCount(last.result.unmatched)}</dd>
            </div>
            {Object.entries(last.result.byOutcome).map(([outcome, count]) => (
              <div key={outcome}>
                <dt>{outcome.charAt(0).toUpperCase() + outcome.slice(1)}</dt>
                <dd>{formatCount(count)}</dd>
              </div>
            ))}
          </dl>
          {last.result.badRows.length > 0 && (
            <>
              <ul className="import-errors" aria-label="Rows not read">
                {last.result.badRows.slice(0, SHOWN_ROWS).map((row) => (
                  <li key={`${row.file}:${row.line}:${row.message}`}>
                    <span className="import-errors__line">
                      {row.file}, line {formatCount(row.line)}
                    </span>{' '}
                    {row.message}
                  </li>
                ))}
              </ul>
              {last.result.badRows.length > SHOWN_ROWS && (
                <p className="muted">And {plural(last.result.badRows.length - SHOWN_ROWS, 'more row')}.</p>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
