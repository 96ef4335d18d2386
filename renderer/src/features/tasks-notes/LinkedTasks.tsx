import { useEffect, useState } from 'react';
import type { BoardRow } from '../../../../shared/domain/obligation-status';
import { tasksOfObligation, TASK_STATUS_LABELS, type Task } from '../../../../shared/domain/tasks-notes';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useContentChanged } from '../../lib/use-content-changed';
import { todayInUserZone } from '../../lib/zoned-display';
import { useTasksNotesStore } from '../../stores/tasks-notes-store';
import { MarkNoticeSentOffer, offersMarkSent } from './MarkNoticeSentOffer';
import './linked-tasks.css';

/**
 * The tasks that serve one notice, on its detail: tick one done and, while the notice is not
 * sent, Breachdesk offers to record it sent (the task itself never says so); "Create a task"
 * adds one already linked.
 */
export function LinkedTasks({ row, title }: { row: BoardRow; title: string }) {
  const tasks = useTasksNotesStore((state) => state.tasks);
  const loadTasks = useTasksNotesStore((state) => state.loadTasks);
  const updateTask = useTasksNotesStore((state) => state.updateTask);
  const [creating, setCreating] = useState(false);
  const [offer, setOffer] = useState<Task | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (tasks === null) void loadTasks();
  }, [tasks, loadTasks]);
  useContentChanged(['tasks'], loadTasks);
  const linked = tasksOfObligation(tasks ?? [], row.ruleId);
  const headingId = `obl-tasks-${row.ruleId}`;

  async function toggle(task: Task, done: boolean): Promise<void> {
    setFailure(null);
    const problem = await updateTask(null, task.id, { status: done ? 'done' : 'open' });
    if (problem !== null) setFailure(problem);
    else if (done && offersMarkSent(row.status?.status)) setOffer(task);
  }

  return (
    <section className="obl-tasks" aria-labelledby={headingId}>
      <h4 id={headingId} className="obl-content__title">
        Tasks for this notice
      </h4>
      {tasks !== null && linked.length === 0 && (
        <p className="obl-muted">No task yet. Whether the notice was sent is its status above.</p>
      )}
      {linked.length > 0 && (
        <ul className="obl-tasks__list">
          {linked.map((task) => (
            <li key={task.id} className="obl-tasks__item">
              <label className="obl-tasks__check">
                <input
                  type="checkbox"
                  checked={task.status === 'done'}
                  onChange={(event) => void toggle(task, event.target.checked)}
                />
                <span className={task.status === 'done' ? 'obl-tasks__done' : undefined}>{task.title}</span>
              </label>
              <span className="obl-muted">
                {' '}
                · {TASK_STATUS_LABELS[task.status]}
                {task.owner !== '' && ` · ${task.owner}`}
                {task.due !== null && (
                  <>
                    {' '}
                    · due <time dateTime={task.due}>{task.due}</time>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Button small onClick={() => setCreating(true)}>
        Create a task…
      </Button>
      {failure !== null && (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      )}
      {creating && <CreateLinkedTaskDialog row={row} title={title} onClose={() => setCreating(false)} />}
      {offer !== null && (
        <MarkNoticeSentOffer
          ruleId={row.ruleId}
          noticeTitle={title}
          taskTitle={offer.title}
          initialChannel={row.status?.channel || row.obligation?.recipient.channel || ''}
          onClose={() => setOffer(null)}
        />
      )}
    </section>
  );
}

/** A new task for this notice: its title, owner and due date (the notice's deadline day to start with). */
function CreateLinkedTaskDialog({
  row,
  title,
  onClose,
}: {
  row: BoardRow;
  title: string;
  onClose: () => void;
}) {
  const createTask = useTasksNotesStore((state) => state.createTask);
  const due = row.obligation?.deadline.due ?? null;
  const [taskTitle, setTaskTitle] = useState(title);
  const [owner, setOwner] = useState('');
  const [dueDay, setDueDay] = useState(due === null ? '' : todayInUserZone(new Date(due)));
  const [titleError, setTitleError] = useState<string | null>(null);

  function save(): Promise<string | null> | undefined {
    if (taskTitle.trim() === '') {
      setTitleError('Title cannot be empty');
      return undefined;
    }
    return createTask({
      title: taskTitle.trim(),
      owner: owner.trim(),
      due: dueDay === '' ? null : dueDay,
      obligationRuleId: row.ruleId,
    });
  }

  return (
    <FormDialog
      title="Create a task"
      description={`For the notice “${title}”. The task tracks the work; the notice's status records whether it was sent.`}
      submitLabel="Create task"
      onClose={onClose}
      submit={save}
    >
      <TextField
        label="Task"
        value={taskTitle}
        maxLength={300}
        autoComplete="off"
        error={titleError}
        onChange={(event) => {
          setTaskTitle(event.target.value);
          setTitleError(null);
        }}
      />
      <TextField
        label="Owner"
        value={owner}
        maxLength={200}
        autoComplete="off"
        onChange={(event) => setOwner(event.target.value)}
      />
      <TextField
        label="Due date"
        type="date"
        value={dueDay}
        hint={due === null ? 'Leave empty for no due date.' : "Starts at the notice's deadline day."}
        onChange={(event) => setDueDay(event.target.value)}
      />
    </FormDialog>
  );
}
