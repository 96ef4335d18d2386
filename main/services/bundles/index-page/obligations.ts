import type { BoardRow } from '../../../../shared/domain/obligation-status';
import { tasksOfObligation } from '../../../../shared/domain/tasks-notes';
import { jurisdictionName } from '../../../../shared/jurisdictions/jurisdictions';
import { suggestionText } from '../../../../shared/obligations/decisions';
import type { Obligation } from '../../../../shared/obligations/obligation';
import { markup, type SafeHtml } from '../../../formats/html/html-template';
import type { Board } from '../../obligations/obligations-service';
import { EMPTY, emptyState, lines, muted, section, warn } from './blocks';
import type { BundleIndexModel } from './model';
import { table } from './table';
import { caseZone, instantIn, utcText } from './text';
import { plural } from '../../../../shared/text/plural';

// The index page's Obligations: notices owed with UTC deadlines, those awaiting the risk decision,
// and the rules that owe nothing here.

const STATUS_LABELS = { todo: 'To do', drafting: 'Drafting', sent: 'Sent', not_required: 'Not required' };

/** A notice's status in one word: the obligation's recorded status is the only record of it. */
export function noticeStatusLabel(row: BoardRow | undefined): string {
  return STATUS_LABELS[row?.status?.status ?? 'todo'];
}

/** The tasks linked to this notice, named as links: a task's own status never speaks for the notice. */
function linkedTasks(model: BundleIndexModel, ruleId: string): SafeHtml {
  const titles = tasksOfObligation(model.tasks, ruleId).map((t) => t.title);
  return titles.length === 0
    ? EMPTY
    : muted(`Linked ${titles.length === 1 ? 'task' : 'tasks'}: ${titles.join('; ')}`);
}

function isOpen(row: BoardRow): boolean {
  return row.status === null || row.status.status === 'todo' || row.status.status === 'drafting';
}

function deadlineCell(obligation: Obligation, zone: string, overdue: boolean): SafeHtml {
  const { deadline } = obligation;
  if (deadline.state === 'fixed' && deadline.due !== null) {
    return lines([
      markup`<strong>${utcText(deadline.due)}</strong>`,
      muted(instantIn(deadline.due, zone)),
      overdue ? markup`<span class="overdue">Overdue when exported</span>` : EMPTY,
      muted(deadline.wording),
    ]);
  }
  const target =
    deadline.suggested === null
      ? EMPTY
      : muted(`Internal target (not a legal date): ${utcText(deadline.suggested)}`);
  const state = deadline.state === 'waiting' ? 'Waiting for its start' : 'No fixed date';
  return lines([markup`<strong>${state}</strong>`, muted(deadline.wording), target]);
}

function statusCell(row: BoardRow, tasks: SafeHtml = EMPTY): SafeHtml {
  const s = row.status;
  if (s === null) return lines([markup`To do`, muted('No status recorded'), tasks]);
  return lines([
    markup`<strong>${STATUS_LABELS[s.status]}</strong>`,
    s.status === 'sent' && s.sentAt !== null ? markup`${utcText(s.sentAt)} via ${s.channel}` : EMPTY,
    s.rationale === '' ? EMPTY : markup`<span class="prose">${s.rationale}</span>`,
    s.note === '' ? EMPTY : muted(s.note),
    muted(`Recorded ${utcText(s.recordedAt)} by ${s.recordedBy}`),
    row.review === null ? EMPTY : warn(row.review),
    tasks,
  ]);
}

function citationCell(obligation: Obligation): SafeHtml {
  return lines([
    markup`${obligation.citation}`,
    obligation.verification === 'unverified' ? warn('Rule text not yet verified') : EMPTY,
  ]);
}

function obligationRow(model: BundleIndexModel, row: BoardRow, zone: string): SafeHtml[] {
  const exportedAt = model.bundle.exportedAt;
  const tasks = linkedTasks(model, row.ruleId);
  const o = row.obligation;
  if (o === null) {
    const title = row.notTriggered?.title ?? row.ruleId;
    const why = muted(`No longer owed: ${row.notTriggered?.reason ?? ''}`);
    return [markup`<strong>${title}</strong>`, EMPTY, why, statusCell(row, tasks), EMPTY];
  }
  const overdue = isOpen(row) && o.deadline.due !== null && o.deadline.due < exportedAt;
  const channel = o.recipient.channel === '' ? EMPTY : muted(`Channel: ${o.recipient.channel}`);
  return [
    lines([markup`<strong>${o.title}</strong>`, muted(`${o.law} · ${jurisdictionName(o.jurisdiction)}`)]),
    lines([markup`${o.recipient.name}`, channel]),
    deadlineCell(o, zone, overdue),
    statusCell(row, tasks),
    citationCell(o),
  ];
}

function obligationsIntro(board: Board, zone: string): SafeHtml {
  const risk = board.risk ?? 'none confirmed';
  return markup`<p>Law applied as of ${board.asOf} (rule pack ${board.packId} ${board.packVersion}); risk decision: ${risk}. Deadlines are given in UTC, with the local time in ${zone}, the zone the discovery was recorded in.</p><p class="muted">${board.disclaimer}</p>`;
}

function notOwedTable(board: Board): SafeHtml {
  if (board.notTriggered.length === 0) return EMPTY;
  return table({
    caption: 'Rules considered that owe nothing here',
    compact: true,
    columns: [{ heading: 'Rule' }, { heading: 'Jurisdiction' }, { heading: 'Why not' }],
    rows: board.notTriggered.map((n) => [
      lines([
        markup`${n.title}`,
        n.verification === 'unverified' ? warn('Rule text not yet verified') : EMPTY,
      ]),
      markup`${jurisdictionName(n.jurisdiction)}`,
      markup`${n.reason}`,
    ]),
  });
}

/** Notices neither owed nor not owed until a person confirms the risk decision they turn on. */
function decisionNeededTable(board: Board): SafeHtml {
  if (board.decisionNeeded.length === 0) return EMPTY;
  return table({
    caption: 'Decision needed: notices that wait for the risk decision',
    compact: true,
    columns: [{ heading: 'Notice' }, { heading: 'Who would be told' }, { heading: 'Decision needed' }],
    rows: board.decisionNeeded.map((d) => [
      lines([
        markup`<strong>${d.title}</strong>`,
        d.verification === 'unverified' ? warn('Rule text not yet verified') : EMPTY,
      ]),
      markup`${d.recipient.name}`,
      lines([markup`${d.decision.question}`, muted(d.decision.reason), muted(suggestionText(d.decision))]),
    ]),
  });
}

export function obligationsSection(model: BundleIndexModel): SafeHtml {
  const board = model.obligations;
  const zone = caseZone(model.facts);
  const owed =
    board.rows.length === 0
      ? emptyState('No notices are owed on the recorded facts.')
      : table({
          caption: `${plural(board.rows.length, 'notice')} to give`,
          columns: [
            { heading: 'Notice' },
            { heading: 'Who must be told' },
            { heading: 'Deadline', className: 'deadline' },
            { heading: 'Status' },
            { heading: 'Citation' },
          ],
          rows: board.rows.map((row) => obligationRow(model, row, zone)),
        });
  return section({
    id: 'obligations',
    heading: 'Obligations',
    body: markup`${obligationsIntro(board, zone)}${owed}${decisionNeededTable(board)}${notOwedTable(board)}`,
  });
}
