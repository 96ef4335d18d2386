import { useState } from 'react';
import { TASK_STATUSES, TASK_STATUS_LABELS, type Task } from '../../../../shared/domain/tasks-notes';
import { SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
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

  function save(): Promise<string | null> | undefined {
    if (title.trim() === '') {
      setTitleError('Title cannot be empty');
      return undefined;
    }
    const patch = { title: title.trim(), owner: owner.trim(), due: due === '' ? null : due, status };
    return updateTask(null, task.id, patch);
  }

  return (
    <FormDialog title="Edit task" submitLabel="Save task" onClose={onClose} submit={save}>
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
    </FormDialog>
  );
}
