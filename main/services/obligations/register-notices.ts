import type { BoardRow } from '../../../shared/domain/obligation-status';
import type { RegisterSection } from '../../../shared/domain/register';
import { tasksOfObligation, type Task } from '../../../shared/domain/tasks-notes';
import { RISK_WORDS } from '../../../shared/obligations/decisions';
import type { OpenDecision } from '../../../shared/obligations/obligation';
import { instantInZoneText } from '../../../shared/time/zoned-time';
import type { Board } from './obligations-service';

/** The register's words for a rule's verification: ⚠ whatever the rule's answer (DOMAIN.md). */
function verificationText(verification: 'verified' | 'unverified'): string {
  return verification === 'unverified' ? '⚠ to be verified' : 'verified';
}

function suggestionCell(decision: OpenDecision): string {
  if (decision.kind === 'state_harm') {
    return 'none (a person decides the harm test and records it with its basis)';
  }
  return decision.suggestion === null
    ? 'none yet (severity not assessed)'
    : `${RISK_WORDS[decision.suggestion]} (severity calculator, not confirmed)`;
}

/**
 * A notice's status in the register's words: the obligation's recorded status is the only record
 * of whether it was sent (a task linked to it never says so).
 */
export function noticeStatusText(status: BoardRow['status'], zone: string): string {
  if (status === null) return 'to do';
  if (status.status === 'sent')
    return `sent ${status.sentAt === null ? '' : instantInZoneText(status.sentAt, zone)} via ${status.channel}`;
  return status.status.replace('_', ' ');
}

/** The tasks linked to a notice, named as links (their own status is not a claim about the notice). */
function linkedTasksCell(tasks: readonly Pick<Task, 'title' | 'obligationRuleId'>[], ruleId: string): string {
  return tasksOfObligation(tasks, ruleId)
    .map((t) => t.title)
    .join('; ');
}

/**
 * The register's notification sections, in three states: the notices owed with what was done,
 * the notices whose answer waits for a risk decision nobody has confirmed (never listed as not
 * owed), and the rules that owe nothing here with the reason. Tasks linked to a notice are named
 * in its row, under the notice's status.
 */
export function noticeSections(
  board: Board,
  zone: string,
  tasks: readonly Pick<Task, 'title' | 'obligationRuleId'>[] = [],
): RegisterSection[] {
  const owed: RegisterSection = {
    heading: 'Notifications and decisions',
    fields: [
      { label: 'Law applied as of', value: board.asOf },
      { label: 'Rule pack', value: `${board.packId} ${board.packVersion}` },
    ],
    table: {
      columns: ['Notice', 'Recipient', 'Due', 'Status', 'Rationale or note', 'Verification', 'Linked tasks'],
      rows: board.rows.map((row) => [
        row.obligation?.title ?? row.notTriggered?.title ?? row.ruleId,
        row.obligation?.recipient.name ?? '',
        row.obligation === null
          ? 'no longer owed'
          : row.obligation.deadline.due === null
            ? row.obligation.deadline.wording
            : instantInZoneText(row.obligation.deadline.due, zone),
        noticeStatusText(row.status, zone),
        row.status?.rationale || row.status?.note || '',
        verificationText(row.obligation?.verification ?? row.notTriggered?.verification ?? 'verified'),
        linkedTasksCell(tasks, row.ruleId),
      ]),
    },
  };
  // Owed notices an unmade decision could still lift (Art. 33) are listed here too, as owed.
  const waiting = [
    ...board.decisionNeeded.map((d) => ({ ...d, state: 'decision needed: not owed until decided' })),
    ...board.rows.flatMap(({ obligation }) =>
      obligation === null || obligation.openDecision === null
        ? []
        : [
            {
              ...obligation,
              decision: obligation.openDecision,
              state: 'owed unless decided otherwise',
            },
          ],
    ),
  ];
  const decisions: RegisterSection = {
    heading: 'Decisions needed',
    fields: [],
    table: {
      columns: ['Notice', 'Recipient', 'State', 'Decision needed', 'Suggestion', 'Verification'],
      rows: waiting.map((w) => [
        w.title,
        w.recipient.name,
        w.state,
        `${w.decision.question} ${w.decision.reason}`,
        suggestionCell(w.decision),
        verificationText(w.verification),
      ]),
    },
  };
  const notOwed: RegisterSection = {
    heading: 'Notices not owed',
    fields: [],
    table: {
      columns: ['Rule', 'Why not', 'Verification'],
      rows: board.notTriggered.map((n) => [n.title, n.reason, verificationText(n.verification)]),
    },
  };
  return [owed, decisions, notOwed];
}
