import { TASK_STATUS_LABELS, type Task } from '../../../../shared/domain/tasks-notes';
import { markup, type SafeHtml } from '../../../formats/html/html-template';
import { EMPTY, emptyState, lines, muted, section } from './blocks';
import { noticeStatusLabel } from './obligations';
import type { BundleIndexModel } from './model';
import { table } from './table';
import { plural } from '../../../../shared/text/plural';

// The index page's Tasks, flagging the ones overdue when the bundle was exported.

/**
 * A task linked to a notice is shown as that link, with the notice's status: whether a notice
 * was sent is the obligation's record alone, so a task never claims it (done or not).
 */
function linkedStatus(model: BundleIndexModel, ruleId: string): SafeHtml {
  const { rows, decisionNeeded, notTriggered } = model.obligations;
  const row = rows.find((r) => r.ruleId === ruleId);
  const other = [...decisionNeeded, ...notTriggered].find((d) => d.ruleId === ruleId);
  const title = row?.obligation?.title ?? row?.notTriggered?.title ?? other?.title ?? ruleId;
  const state =
    row !== undefined
      ? noticeStatusLabel(row)
      : decisionNeeded.some((d) => d.ruleId === ruleId)
        ? 'decision needed'
        : 'not owed on the facts recorded';
  return lines([
    markup`For the notice <a href="#obligations">${title}</a>`,
    muted(`The notice's status: ${state}`),
  ]);
}

function taskRow(model: BundleIndexModel, task: Task, exportDay: string): SafeHtml[] {
  const linked = task.obligationRuleId !== null;
  const overdue = !linked && task.status !== 'done' && task.due !== null && task.due < exportDay;
  const flag = overdue ? markup` <span class="overdue">Overdue when exported</span>` : EMPTY;
  return [
    markup`${task.title}`,
    markup`${task.owner}`,
    markup`${task.due ?? 'No date'}`,
    task.obligationRuleId === null
      ? markup`${TASK_STATUS_LABELS[task.status]}${flag}`
      : linkedStatus(model, task.obligationRuleId),
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
          rows: model.tasks.map((t) => taskRow(model, t, exportDay)),
        });
  return section({ id: 'tasks', heading: 'Tasks', body });
}
