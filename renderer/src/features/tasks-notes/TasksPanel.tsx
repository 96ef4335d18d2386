import { useEffect, useState, type FormEvent } from 'react';
import type { Task } from '../../../../shared/domain/tasks-notes';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useObligationsStore } from '../../stores/obligations-store';
import { useToday } from '../obligations/format';
import { useTasksNotesStore } from '../../stores/tasks-notes-store';
import { TaskRow } from './TaskRow';

/** Open work first, by due date; done tasks last. */
function byDue(a: Task, b: Task): number {
  const done = Number(a.status === 'done') - Number(b.status === 'done');
  if (done !== 0) return done;
  if (a.due !== b.due) return a.due === null ? 1 : b.due === null ? -1 : a.due.localeCompare(b.due);
  return a.title.localeCompare(b.title, 'en');
}

/** The task table with an add form above it; status changes in place, the rest through Edit. */
export function TasksPanel() {
  const tasks = useTasksNotesStore((state) => state.tasks);
  const createTask = useTasksNotesStore((state) => state.createTask);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The app's one "today": the demo case's own day, unless shown as of today.
  const today = useToday();
  const rows = [...(tasks ?? [])].sort(byDue);
  // Linked tasks show their notice's status, and Edit offers the notices to link: the board says both.
  const boardLoaded = useObligationsStore((state) => state.board !== null);
  const loadBoard = useObligationsStore((state) => state.load);
  useEffect(() => {
    if (!boardLoaded) void loadBoard();
  }, [boardLoaded, loadBoard]);

  async function add(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (title.trim() === '') return setTitleError('Title cannot be empty');
    setBusy(true);
    const problem = await createTask({
      title: title.trim(),
      owner: owner.trim(),
      due: due === '' ? null : due,
    });
    setBusy(false);
    setFailure(problem);
    if (problem === null) {
      setTitle('');
      setOwner('');
      setDue('');
    }
  }

  return (
    <section className="panel" aria-labelledby="tasks-heading">
      <h3 id="tasks-heading" className="panel__title">
        Tasks
      </h3>
      <p className="panel__intro">
        Overdue means not done and due before today ({today}, on this computer&apos;s calendar).
      </p>
      <form className="inline-form" onSubmit={(event) => void add(event)} aria-label="Add a task">
        <TextField
          label="Task"
          value={title}
          maxLength={300}
          autoComplete="off"
          error={titleError}
          placeholder="e.g. Confirm deletion"
          onChange={(event) => {
            setTitle(event.target.value);
            setTitleError(null);
          }}
        />
        <div className="owner-input">
          <TextField
            label="Owner"
            value={owner}
            maxLength={200}
            autoComplete="off"
            onChange={(event) => setOwner(event.target.value)}
          />
        </div>
        <TextField
          label="Due date"
          type="date"
          value={due}
          onChange={(event) => setDue(event.target.value)}
        />
        <Button type="submit" variant="primary" disabled={busy}>
          Add task
        </Button>
      </form>
      {failure !== null && (
        <p className="inline-error form-error" role="alert">
          {failure}
        </p>
      )}
      {tasks !== null && rows.length === 0 && (
        <p className="empty">No tasks yet. Add what has to be done, who does it and by when.</p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table tasks-table">
            <caption className="offscreen">Tasks</caption>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="offscreen">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((task) => (
                <TaskRow key={task.id} task={task} today={today} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
