import type { EvidenceItem } from '../../../../shared/domain/evidence';
import { Button } from '../../components/Button';
import { HashText } from '../../components/HashText';
import { formatInstant } from '../../lib/time';
import { useRunningJob } from '../../jobs/job-store';
import { useEvidenceJobsStore } from '../../stores/evidence/jobs-store';
import { CustodyPanel } from './CustodyPanel';
import { EvidenceMetadata } from './EvidenceMetadata';
import { KIND_LABELS, textStateOf } from './format';
import { EvidencePreview } from './preview/EvidencePreview';
import { formatBytes } from '../../../../shared/text/bytes';
import { formatCount } from '../../../../shared/text/count';

/** The selected item: what was taken in (read-only), what people say about it, its preview and custody. */
export function EvidenceDetail({ item, line }: { item: EvidenceItem; line: number | null }) {
  const exportItem = useEvidenceJobsStore((state) => state.exportItem);
  const busy = useRunningJob('evidence') !== null;
  const modified = item.fileTimes.modified;
  const created = item.fileTimes.created;

  return (
    <>
      <section className="panel ev-panel" aria-labelledby="ev-detail-heading">
        <header className="detail__header ev-detail__header">
          <div className="ev-detail__heading">
            <h3 id="ev-detail-heading" className="panel__title ev-detail__name">
              {item.name}
            </h3>
            <p className="muted small">
              {KIND_LABELS[item.kind]} · {formatBytes(item.size)} · kept byte for byte in the case file
            </p>
          </div>
          <Button small onClick={() => void exportItem(item)} disabled={busy}>
            Export…
          </Button>
        </header>
        <dl className="ev-facts">
          <dt>Original path</dt>
          <dd className="mono ev-facts__path">{item.originalPath}</dd>
          <dt>Size</dt>
          <dd className="num">
            {formatCount(item.size)} bytes <span className="muted">({formatBytes(item.size)})</span>
          </dd>
          <dt>Type</dt>
          <dd>
            <span className="mono">{item.mediaType}</span>{' '}
            <span className="kind-tag">{KIND_LABELS[item.kind]}</span>
            {item.encoding !== null && <span className="muted"> · {item.encoding}</span>}
          </dd>
          <dt>SHA-256</dt>
          <dd>
            <HashText value={item.sha256} keep={32} label={`SHA-256 of ${item.name}`} />
          </dd>
          <dt>File times</dt>
          <dd className="num">
            {modified === null && created === null ? (
              <span className="muted">Not known</span>
            ) : (
              <>
                {modified !== null && (
                  <span>
                    Modified <time dateTime={modified}>{formatInstant(modified, { seconds: true })}</time>
                  </span>
                )}
                {modified !== null && created !== null && <span className="muted"> · </span>}
                {created !== null && (
                  <span>
                    Created <time dateTime={created}>{formatInstant(created, { seconds: true })}</time>
                  </span>
                )}
              </>
            )}
          </dd>
          <dt>Added</dt>
          <dd className="num">
            <time dateTime={item.addedAt}>{formatInstant(item.addedAt, { seconds: true })}</time> by{' '}
            {item.addedBy}
          </dd>
          <dt>Text</dt>
          <dd>{textStateOf(item)}</dd>
        </dl>
      </section>
      <EvidenceMetadata item={item} />
      <section className="panel ev-panel ev-preview-panel" aria-labelledby="ev-preview-heading">
        <h3 id="ev-preview-heading" className="panel__title">
          Preview
        </h3>
        <EvidencePreview item={item} line={line} />
      </section>
      <CustodyPanel item={item} />
    </>
  );
}
