import { useState } from 'react';
import {
  isOverdue,
  TASK_STATUSES,
  TASK_STATUS_LABELS,
  type Task,
} from '../../../../shared/domain/tasks-notes';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { pick } from '../../lib/options';
import { useTasksNotesStore } from '../../stores/tasks-notes-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { useObligationsStore } from '../../stores/obligations-store';
import { statusText } from '../obligations/format';
import { EditTaskDialog } from './EditTaskDialog';
import { MarkNoticeSentOffer, offersMarkSent } from './MarkNoticeSentOffer';

/** One task; overdue ones say so in red with a label, not by colour alone. */
export function TaskRow({ task, today }: { task: Task; today: string }) {
  const updateTask = useTasksNotesStore((state) => state.updateTask);
  const removeTask = useTasksNotesStore((state) => state.removeTask);
  const statusKey = `tasks.${task.id}.status` as const;
  const statusProblem = useWorkspaceStore((state) => state.problems[statusKey]);
  const [dialog, setDialog] = useState<'none' | 'edit' | 'remove' | 'offer'>('none');
  const notice = useObligationsStore((state) =>
    task.obligationRuleId === null
      ? undefined
      : state.board?.rows.find((row) => row.ruleId === task.obligationRuleId),
  );
  const noticeTitle = notice?.obligation?.title ?? notice?.notTriggered?.title ?? task.obligationRuleId;
  const requested = useTasksNotesStore((state) => state.taskToOpen === task.id);
  const openTask = useTasksNotesStore((state) => state.openTask);
  const closeDialog = () => {
    setDialog('none');
    if (requested) openTask(null);
  };
  const overdue = isOverdue(task, today);
  const classes = [overdue ? 'is-overdue' : '', task.status === 'done' ? 'is-done' : ''].filter(Boolean);

  return (
    <tr className={classes.join(' ') || undefined}>
      <th scope="row">
        {task.title}
        {noticeTitle !== null && (
          <span className="task-notice">
            For the notice: {noticeTitle}
            {notice !== undefined &&
              ` · notice ${statusText(notice.status).replace(/^./, (c) => c.toLowerCase())}`}
          </span>
        )}
      </th>
      <td>{task.owner === '' ? <span className="muted">—</span> : task.owner}</td>
      <td className="nowrap">
        {task.due === null ? (
          <span className="muted">No due date</span>
        ) : (
          <span className={overdue ? 'overdue' : undefined}>
            <time dateTime={task.due}>{task.due}</time>
            {overdue && (
              <>
                {' '}
                <span className="badge badge--overdue">Overdue</span>
              </>
            )}
          </span>
        )}
      </td>
      <td>
        <select
          className="field__control field__control--select field__control--compact"
          aria-label={`Status of ${task.title}`}
          aria-invalid={statusProblem !== undefined || undefined}
          title={statusProblem}
          value={task.status}
          onChange={(event) => {
            const status = pick(TASK_STATUSES, event.target.value);
            if (status === null) return;
            void updateTask(statusKey, task.id, { status }).then((problem) => {
              if (
                problem === null &&
                status === 'done' &&
                notice !== undefined &&
                offersMarkSent(notice.status?.status)
              )
                setDialog('offer');
            });
          }}
        >
          {TASK_STATUSES.map((status) => (
            <option key={status} value={status}>
              {TASK_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </td>
      <td className="data-table__actions">
        <Button small variant="quiet" aria-label={`Edit ${task.title}`} onClick={() => setDialog('edit')}>
          Edit…
        </Button>
        <Button small variant="quiet" aria-label={`Remove ${task.title}`} onClick={() => setDialog('remove')}>
          Remove
        </Button>
        {(dialog === 'edit' || requested) && <EditTaskDialog task={task} onClose={closeDialog} />}
        {dialog === 'offer' && notice !== undefined && (
          <MarkNoticeSentOffer
            ruleId={notice.ruleId}
            noticeTitle={noticeTitle ?? notice.ruleId}
            taskTitle={task.title}
            initialChannel={notice.status?.channel || notice.obligation?.recipient.channel || ''}
            onClose={() => setDialog('none')}
          />
        )}
        {dialog === 'remove' && (
          <ConfirmDialog
            title="Remove this task?"
            confirmLabel="Remove task"
            onConfirm={() => removeTask(task.id)}
            onClose={() => setDialog('none')}
          >
            <p>
              The task “{task.title}”{task.owner === '' ? '' : ` (${task.owner})`} will be removed from this
              case. The removal is recorded in the audit log.
            </p>
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}
