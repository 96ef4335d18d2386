import { Fragment, useState } from 'react';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { HashText } from '../../components/HashText';
import { formatInstant } from '../../lib/time';

/** Payloads are shown as JSON text, never as markup. */
function prettyPayload(payload: unknown): string {
  try {
    return JSON.stringify(payload, null, 2) ?? 'null';
  } catch {
    return String(payload);
  }
}

interface AuditTableProps {
  entries: AuditEntry[];
  /** The first entry verification refused, marked in its row. */
  badSeq: number | null;
}

export function AuditTable({ entries, badSeq }: AuditTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());

  function toggle(seq: number): void {
    const next = new Set(expanded);
    if (!next.delete(seq)) next.add(seq);
    setExpanded(next);
  }

  return (
    <div className="table-scroll">
      <table className="audit-table">
        <caption className="offscreen">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Seq
            </th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Hash</th>
            <th scope="col">
              <span className="offscreen">Payload</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const open = expanded.has(entry.seq);
            const payloadId = `audit-payload-${entry.seq}`;
            const bad = entry.seq === badSeq;
            const rowClass = [open ? 'is-expanded' : '', bad ? 'is-bad' : ''].filter(Boolean).join(' ');
            return (
              <Fragment key={entry.seq}>
                <tr className={rowClass === '' ? undefined : rowClass}>
                  <td className="num">{entry.seq}</td>
                  <td className="nowrap">
                    <time dateTime={entry.at}>{formatInstant(entry.at, { seconds: true })}</time>
                  </td>
                  <td className="actor" title={entry.actor}>
                    {entry.actor}
                  </td>
                  <td>
                    <code className="action">{entry.action}</code>
                    {bad && <span className="bad-mark">✕ Fails verification</span>}
                  </td>
                  <td className="target" title={entry.target}>
                    <code>{entry.target}</code>
                  </td>
                  <td className="nowrap">
                    <HashText value={entry.hash} label={`hash of entry ${entry.seq}`} keep={6} />
                  </td>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open}
                      aria-controls={open ? payloadId : undefined}
                      aria-label={`${open ? 'Hide' : 'Show'} payload of entry ${entry.seq}`}
                      onClick={() => toggle(entry.seq)}
                    >
                      {open ? 'Hide payload' : 'Payload'}
                    </button>
                  </td>
                </tr>
                {open && (
                  <tr className="audit-table__payload" id={payloadId}>
                    <td colSpan={7}>
                      <pre>{prettyPayload(entry.payload)}</pre>
                      <p className="muted small">
                        Previous hash{' '}
                        <HashText
                          value={entry.prevHash}
                          label={`previous hash of entry ${entry.seq}`}
                          keep={6}
                        />
                      </p>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
