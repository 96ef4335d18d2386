import { Fragment, useMemo, useState } from 'react';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { HashText } from '../../components/HashText';
import { formatInstant } from '../../lib/time';
import { useLettersStore } from '../../stores/letters-store';
import { useObligationsStore } from '../../stores/obligations-store';
import { auditSentence, targetNames } from './audit-sentences';

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
  const board = useObligationsStore((state) => state.board);
  const letters = useLettersStore((state) => state.letters);
  // Targets named by what the app knows now (notices, letters), then by the entries themselves.
  const names = useMemo(() => {
    const known = new Map<string, string>();
    for (const row of board?.rows ?? [])
      if (row.obligation !== null) known.set(`obligation:${row.ruleId}`, row.obligation.title);
    for (const d of board?.decisionNeeded ?? []) known.set(`obligation:${d.ruleId}`, d.title);
    for (const letter of letters ?? []) known.set(`letter:${letter.id}`, letter.title);
    return targetNames(entries, known);
  }, [board, letters, entries]);

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
            <th scope="col">What happened</th>
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
                  <td className="audit-table__what" title={`${entry.action} · ${entry.target}`}>
                    {auditSentence(entry, names)}
                    {bad && <span className="bad-mark">✕ Fails verification</span>}
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
                    <td colSpan={6}>
                      <dl className="audit-table__raw">
                        <dt>Action</dt>
                        <dd>
                          <code className="action">{entry.action}</code>
                        </dd>
                        <dt>Target</dt>
                        <dd>
                          <code>{entry.target}</code>
                        </dd>
                      </dl>
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
