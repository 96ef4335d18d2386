import { z } from 'zod';
import { patchSchemaOf } from './patch';

export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export const TASK_STATUS_LABELS: Record<(typeof TASK_STATUSES)[number], string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
};

const isoDate = z.iso.date();
const stamps = {
  createdAt: z.iso.datetime({ offset: false }),
  updatedAt: z.iso.datetime({ offset: false }),
};

const taskFields = {
  title: z.string().trim().min(1, 'Title cannot be empty').max(300),
  owner: z.string().max(200).default(''),
  /** A calendar date (YYYY-MM-DD); overdue from the day after. */
  due: isoDate.nullable().default(null),
  status: z.enum(TASK_STATUSES).default('open'),
  /**
   * The obligation (rule id) this task serves, or null. The link is all a task says about a
   * notice: whether the notice was sent is the obligation's status alone, never the task's.
   */
  obligationRuleId: z.string().trim().min(1).max(200).nullable().default(null),
};
export const taskInputSchema = z.object(taskFields).strict();
export const taskPatchSchema = patchSchemaOf(taskFields);
export const taskSchema = z.object({ id: z.uuid(), ...taskFields, ...stamps });
export type Task = z.output<typeof taskSchema>;

/** The tasks linked to one obligation, in the order given. */
export function tasksOfObligation<T extends Pick<Task, 'obligationRuleId'>>(
  tasks: readonly T[],
  ruleId: string,
): T[] {
  return tasks.filter((task) => task.obligationRuleId === ruleId);
}

/** Overdue: not done and due before `today` (a YYYY-MM-DD date in the user's zone). */
export function isOverdue(task: Pick<Task, 'due' | 'status'>, today: string): boolean {
  return task.status !== 'done' && task.due !== null && task.due < today;
}

const noteFields = {
  title: z.string().trim().min(1, 'Title cannot be empty').max(300),
  /** Markdown; shown rendered as text elements, never as raw HTML. */
  body: z.string().max(200_000).default(''),
  /** Privileged & confidential (attorney-client or work product): kept out of bundles by default. */
  privileged: z.boolean().default(false),
};
export const noteInputSchema = z.object(noteFields).strict();
export const notePatchSchema = patchSchemaOf(noteFields);
export const noteSchema = z.object({ id: z.uuid(), ...noteFields, ...stamps });
export type Note = z.output<typeof noteSchema>;
