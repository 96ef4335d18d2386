import { useId } from 'react';
import type { BundleVerification } from '../../../../shared/domain/bundle';
import { HashText } from '../../components/HashText';
import { formatCount } from '../../../../shared/text/count';
import { plural } from '../../../../shared/text/plural';

const STATUS_TEXT: Record<BundleVerification['audit']['status'], { tone: string; text: string }> = {
  ok: { tone: 'ok', text: 'Intact: every entry follows from the one before, up to the signed head.' },
  broken: { tone: 'fail', text: 'Broken: an entry does not follow from the one before it.' },
  'head-mismatch': {
    tone: 'fail',
    text: 'The log does not end at the head the bundle was signed with.',
  },
  'not-checked': { tone: 'muted', text: 'Not checked: the snapshot could not be read.' },
};

/** The audit log carried in the bundle: recomputed chain, its head, and entries withheld. */
export function AuditFacts({ audit }: { audit: BundleVerification['audit'] }) {
  const headingId = useId();
  const status = STATUS_TEXT[audit.status];
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="bundle-subtitle">
        Audit chain
      </h3>
      <p className={`bundle-line bundle-line--${status.tone}`}>{status.text}</p>
      <dl className="facts bundle-facts">
        <dt>Entries</dt>
        <dd className="num">{formatCount(audit.entries)}</dd>
        <dt>Head</dt>
        <dd>
          {audit.head === null ? (
            <span className="muted">None</span>
          ) : (
            <HashText value={audit.head} label="audit head" />
          )}
        </dd>
        {audit.expectedHead !== null && audit.expectedHead !== audit.head && (
          <>
            <dt>Signed head</dt>
            <dd>
              <HashText value={audit.expectedHead} label="signed audit head" />
            </dd>
          </>
        )}
        <dt>Withheld entries</dt>
        <dd className="num">
          {audit.withheld === 0
            ? 'None'
            : `${plural(audit.withheld, 'entry', 'entries')} about privileged notes: linked, payload withheld`}
        </dd>
      </dl>
    </section>
  );
}
