import { useState } from 'react';
import { TASK_STATUSES, TASK_STATUS_LABELS, type Task } from '../../../../shared/domain/tasks-notes';
import { SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { optionsOf, pick } from '../../lib/options';
import { useObligationsStore } from '../../stores/obligations-store';
import { useTasksNotesStore } from '../../stores/tasks-notes-store';

const STATUS_OPTIONS = optionsOf(TASK_STATUSES, TASK_STATUS_LABELS);
const NO_NOTICE = '';

/** The notices a task can serve: every row of the board, and the task's own link if the board lacks it. */
function noticeOptions(
  rows: readonly {
    ruleId: string;
    obligation: { title: string } | null;
    notTriggered: { title: string } | null;
  }[],
  current: string | null,
): { value: string; label: string }[] {
  const options = rows.map((row) => ({
    value: row.ruleId,
    label: row.obligation?.title ?? row.notTriggered?.title ?? row.ruleId,
  }));
  if (current !== null && !options.some((o) => o.value === current))
    options.push({ value: current, label: current });
  return [{ value: NO_NOTICE, label: 'None' }, ...options];
}

/** Title, owner, due date and status of one task, saved together. */
export function EditTaskDialog({ task, onClose }: { task: Task; onClose: () => void }) {
  const updateTask = useTasksNotesStore((state) => state.updateTask);
  const [title, setTitle] = useState(task.title);
  const [owner, setOwner] = useState(task.owner);
  const [due, setDue] = useState(task.due ?? '');
  const [status, setStatus] = useState(task.status);
  const [notice, setNotice] = useState(task.obligationRuleId ?? NO_NOTICE);
  const rows = useObligationsStore((state) => state.board?.rows);
  const [titleError, setTitleError] = useState<string | null>(null);

  function save(): Promise<string | null> | undefined {
    if (title.trim() === '') {
      setTitleError('Title cannot be empty');
      return undefined;
    }
    const patch = {
      title: title.trim(),
      owner: owner.trim(),
      due: due === '' ? null : due,
      status,
      obligationRuleId: notice === NO_NOTICE ? null : notice,
    };
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
      <SelectField
        label="For the notice"
        value={notice}
        options={noticeOptions(rows ?? [], task.obligationRuleId)}
        hint="Link the task to the notice it serves. Whether the notice was sent stays the notice's status."
        onChange={(event) => setNotice(event.target.value)}
      />
    </FormDialog>
  );
}
