import { TASK_STATUS_LABELS, type Task } from '../../../../shared/domain/tasks-notes';
import { markup, type SafeHtml } from '../../../formats/html/html-template';
import { EMPTY, emptyState, section } from './blocks';
import type { BundleIndexModel } from './model';
import { table } from './table';
import { plural } from '../../../../shared/text/plural';

// The index page's Tasks, flagging the ones overdue when the bundle was exported.

function taskRow(task: Task, exportDay: string): SafeHtml[] {
  const overdue = task.status !== 'done' && task.due !== null && task.due < exportDay;
  const flag = overdue ? markup` <span class="overdue">Overdue when exported</span>` : EMPTY;
  return [
    markup`${task.title}`,
    markup`${task.owner}`,
    markup`${task.due ?? 'No date'}`,
    markup`${TASK_STATUS_LABELS[task.status]}${flag}`,
  ];
}

export function tasksSection(model: BundleIndexModel): SafeHtml {
  const exportDay = model.bundle.exportedAt.slice(0, 10);
  const body =
    model.tasks.length === 0
      ? emptyState('No tasks in this bundle.')
      : table({
          caption: plural(model.tasks.length, 'task'),
          columns: [
            { heading: 'Task' },
            { heading: 'Owner' },
            { heading: 'Due', className: 'when' },
            { heading: 'Status' },
          ],
          rows: model.tasks.map((t) => taskRow(t, exportDay)),
        });
  return section({ id: 'tasks', heading: 'Tasks', body });
}
