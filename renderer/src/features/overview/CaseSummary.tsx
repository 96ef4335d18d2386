import type { Overview } from '../../../../shared/domain/overview';
import { isOverdue, TASK_STATUS_LABELS } from '../../../../shared/domain/tasks-notes';
import type { ZonedTime } from '../../../../shared/time/zoned-time';
import { formatAsEntered, formatZonedTime, todayInUserZone } from '../../lib/zoned-display';
import { formatCount } from '../../../../shared/text/count';

function When({ time }: { time: ZonedTime | null }) {
  if (time === null) return <span className="muted">Not recorded</span>;
  const entered = formatAsEntered(time);
  return (
    <>
      <time dateTime={time.utc}>{formatZonedTime(time)}</time>
      {entered !== null && <span className="muted small"> ({entered})</span>}
    </>
  );
}

/** Key dates, counts, data elements and open tasks of the case, read from overview.get. */
export function CaseSummary({ overview }: { overview: Overview }) {
  const { facts, counts } = overview;
  const today = todayInUserZone();
  const stats: [string, string, string?][] = [
    ['Jurisdictions', formatCount(counts.jurisdictions)],
    ['Data elements', formatCount(counts.dataElements)],
    ['Events', formatCount(counts.events)],
    ['Parties', formatCount(counts.parties)],
    [
      'Open tasks',
      formatCount(counts.openTasks),
      counts.overdueTasks > 0 ? `${formatCount(counts.overdueTasks)} overdue` : undefined,
    ],
    ['Notes', formatCount(counts.notes)],
    ['Evidence', `${formatCount(counts.evidence)} files`],
  ];
  if (counts.pendingEvidence > 0) stats.push(['Files to attach', formatCount(counts.pendingEvidence)]);

  return (
    <div className="summary">
      <div className="summary__people">
        <p className="summary__people-label">People affected</p>
        <p className="summary__people-count num">{formatCount(counts.peopleAffected)}</p>
        {counts.peopleAffected > 0 && !counts.peopleAffectedExact && (
          <p className="summary__estimate">
            <span aria-hidden="true">⚠ </span>Estimate, to be verified
          </p>
        )}
      </div>
      <dl className="facts summary__dates">
        <dt>Discovered</dt>
        <dd>
          <When time={facts.discoveredAt} />
        </dd>
        <dt>Aware (clocks start)</dt>
        <dd>
          <When time={facts.awareAt} />
        </dd>
        <dt>Contained</dt>
        <dd>
          <When time={facts.containedAt} />
        </dd>
        <dt>Exposure window</dt>
        <dd>
          <When time={facts.exposureStart} /> → <When time={facts.exposureEnd} />
        </dd>
      </dl>
      <dl className="summary__stats">
        {stats.map(([label, value, note]) => (
          <div key={label} className="summary__stat">
            <dt>{label}</dt>
            <dd className="num">
              {value}
              {note !== undefined && <span className="overdue summary__note">{note}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <div className="summary__elements">
        <h4 className="summary__subtitle">Data elements</h4>
        {overview.dataElements.length === 0 ? (
          <p className="muted">None recorded yet (People &amp; data).</p>
        ) : (
          <ul className="chip-list" aria-label="Data elements">
            {overview.dataElements.map((label) => (
              <li key={label} className="chip">
                {label}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="summary__tasks">
        <h4 className="summary__subtitle">Open tasks</h4>
        {overview.openTasks.length === 0 ? (
          <p className="muted">No open tasks.</p>
        ) : (
          <ul className="summary__task-list">
            {overview.openTasks.map((task) => {
              const overdue = isOverdue(task, today);
              return (
                <li
                  key={task.id}
                  className={overdue ? 'summary__task summary__task--overdue' : 'summary__task'}
                >
                  <span className="summary__task-title">{task.title}</span>
                  <span className="muted small">
                    {task.owner === '' ? 'No owner' : task.owner} · {TASK_STATUS_LABELS[task.status]}
                  </span>
                  <span className="small num">
                    {task.due === null ? 'No due date' : `Due ${task.due}`}
                    {overdue && <strong className="overdue"> · Overdue</strong>}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
