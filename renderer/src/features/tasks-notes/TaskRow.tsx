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
import { EditTaskDialog } from './EditTaskDialog';

/** One task; overdue ones say so in red with a label, not by colour alone. */
export function TaskRow({ task, today }: { task: Task; today: string }) {
  const updateTask = useTasksNotesStore((state) => state.updateTask);
  const removeTask = useTasksNotesStore((state) => state.removeTask);
  const statusKey = `tasks.${task.id}.status` as const;
  const statusProblem = useWorkspaceStore((state) => state.problems[statusKey]);
  const [dialog, setDialog] = useState<'none' | 'edit' | 'remove'>('none');
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
      <th scope="row">{task.title}</th>
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
            if (status !== null) void updateTask(statusKey, task.id, { status });
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
