import type { ObligationStatus } from '../../../shared/domain/obligation-status';
import { TASK_STATUS_LABELS, type Task } from '../../../shared/domain/tasks-notes';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

type Board = ChannelOutput<'obligations.board'>;

/** The notice a task serves, with its status: the only record of whether the notice was sent. */
interface LinkedNotice {
  ruleId: string;
  title: string;
  status: ObligationStatus['status'] | 'decision_needed' | 'not_owed';
}

function noticeOf(board: Board, ruleId: string): LinkedNotice {
  const row = board.rows.find((r) => r.ruleId === ruleId);
  if (row !== undefined)
    return {
      ruleId,
      title: row.obligation?.title ?? row.notTriggered?.title ?? ruleId,
      status: row.status?.status ?? 'todo',
    };
  const waiting = board.decisionNeeded.find((d) => d.ruleId === ruleId);
  if (waiting !== undefined) return { ruleId, title: waiting.title, status: 'decision_needed' };
  const title = board.notTriggered.find((n) => n.ruleId === ruleId)?.title ?? ruleId;
  return { ruleId, title, status: 'not_owed' };
}

const NOTICE_WORDS: Record<LinkedNotice['status'], string> = {
  todo: 'to do',
  drafting: 'drafting',
  sent: 'sent',
  not_required: 'not required',
  decision_needed: 'decision needed',
  not_owed: 'not owed on the facts recorded',
};

function describe(task: Task, notice: LinkedNotice | null): string {
  const details = [task.owner, task.due === null ? '' : `due ${task.due}`].filter((d) => d !== '');
  const line = `${TASK_STATUS_LABELS[task.status].padEnd(11)} ${task.title}${details.length === 0 ? '' : ` (${details.join(', ')})`}`;
  return notice === null
    ? line
    : `${line}\n            for the notice: ${notice.title} [${notice.ruleId}]: notice ${NOTICE_WORDS[notice.status]}`;
}

function obligationOption(value: string | boolean | string[] | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.trim() === '')
    throw new CliFailure('--obligation needs a rule id (see `breachdesk obligations FILE`).', EXIT.usage);
  return value.trim();
}

export const tasksListCommand: Command = {
  name: 'tasks list',
  summary: 'List the tasks, each linked task with its notice and the notice status',
  help: `Usage: breachdesk tasks list FILE [--obligation RULE_ID] [--json]

Lists the case's tasks: status, title, owner and due date. A task linked to an obligation names
its notice and the notice's status, which is the only record of whether the notice was sent (a
task marked done does not say so). --obligation lists only the tasks linked to that rule.
--json prints [{task, notice}] with notice null for tasks not linked.

Example:
  breachdesk tasks list incident-2020-11.bdcase --obligation gdpr-art33-lead-authority`,
  options: { ...JSON_OPTION, obligation: { type: 'string' } },
  positionals: 1,
  run: ({ positionals, values }) => {
    const only = obligationOption(values.obligation);
    return withCase(positionals[0] ?? '', async (host) => {
      const tasks = (await host.call('tasks.list', {})).filter(
        (t) => only === null || t.obligationRuleId === only,
      );
      const board = tasks.some((t) => t.obligationRuleId !== null)
        ? await host.call('obligations.board', {})
        : null;
      const listed = tasks.map((task) => ({
        task,
        notice:
          task.obligationRuleId === null || board === null ? null : noticeOf(board, task.obligationRuleId),
      }));
      if (values.json === true) printJson(listed);
      else if (listed.length === 0) process.stdout.write('No tasks.\n');
      else process.stdout.write(`${listed.map(({ task, notice }) => describe(task, notice)).join('\n')}\n`);
      return EXIT.ok;
    });
  },
};

export const tasksAddCommand: Command = {
  name: 'tasks add',
  summary: 'Add a task, optionally linked to the obligation it serves',
  help: `Usage: breachdesk tasks add FILE TITLE [--owner NAME] [--due YYYY-MM-DD] [--obligation RULE_ID] [--json]

Adds a task (status open). --obligation links it to a notice by its rule id (as
\`breachdesk obligations FILE --json\` gives it); an id the rule pack does not have is refused
(exit 2). Completing the task does not mark the notice sent: record that with the notice's status.
The same through the api: breachdesk api FILE tasks.create '{"title":…,"obligationRuleId":…}'.

Example:
  breachdesk tasks add incident-2020-11.bdcase "File the Art. 33 notice in the IMY e-service" --owner DPO --due 2020-11-19 --obligation gdpr-art33-lead-authority`,
  options: {
    ...JSON_OPTION,
    owner: { type: 'string' },
    due: { type: 'string' },
    obligation: { type: 'string' },
  },
  positionals: 2,
  run: ({ positionals, values }) => {
    const obligationRuleId = obligationOption(values.obligation);
    return withCase(positionals[0] ?? '', async (host) => {
      const task = await host.call('tasks.create', {
        title: positionals[1] ?? '',
        owner: typeof values.owner === 'string' ? values.owner : '',
        due: typeof values.due === 'string' ? values.due : null,
        status: 'open',
        obligationRuleId,
      });
      if (values.json === true) printJson(task);
      else process.stdout.write(`Added task ${task.id}: ${task.title}\n`);
      return EXIT.ok;
    });
  },
};
