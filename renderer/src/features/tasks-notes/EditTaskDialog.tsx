import { useState, type FormEvent } from 'react';
import { TASK_STATUSES, TASK_STATUS_LABELS, type Task } from '../../../../shared/domain/tasks-notes';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { optionsOf, pick } from '../../lib/options';
import { useTasksNotesStore } from '../../stores/tasks-notes-store';

const STATUS_OPTIONS = optionsOf(TASK_STATUSES, TASK_STATUS_LABELS);

/** Title, owner, due date and status of one task, saved together. */
export function EditTaskDialog({ task, onClose }: { task: Task; onClose: () => void }) {
  const updateTask = useTasksNotesStore((state) => state.updateTask);
  const [title, setTitle] = useState(task.title);
  const [owner, setOwner] = useState(task.owner);
  const [due, setDue] = useState(task.due ?? '');
  const [status, setStatus] = useState(task.status);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (title.trim() === '') return setTitleError('Title cannot be empty');
    setBusy(true);
    const patch = { title: title.trim(), owner: owner.trim(), due: due === '' ? null : due, status };
    const problem = await updateTask(null, task.id, patch);
    setBusy(false);
    if (problem === null) onClose();
    else setFailure(problem);
  }

  return (
    <Modal
      title="Edit task"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="edit-task-form" variant="primary" disabled={busy}>
            Save task
          </Button>
        </>
      }
    >
      <form id="edit-task-form" className="form-stack" onSubmit={(event) => void save(event)}>
        <TextField
          label="Task"
          value={title}
          maxLength={300}
          autoComplete="off"
          error={titleError}
          onChange={(event) => {
            setTitle(event.target.value);
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
          value={due}
          hint="Leave empty for no due date."
          onChange={(event) => setDue(event.target.value)}
        />
        <SelectField
          label="Status"
          value={status}
          options={STATUS_OPTIONS}
          onChange={(event) => setStatus(pick(TASK_STATUSES, event.target.value) ?? status)}
        />
        {failure !== null && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
      </form>
    </Modal>
  );
}
