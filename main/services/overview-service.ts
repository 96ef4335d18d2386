import { dataElementLabel } from '../../shared/domain/data-elements';
import { noticeShortName } from '../../shared/obligations/short-name';
import type { Facts } from '../../shared/domain/facts';
import type { LetterRecord } from '../../shared/domain/letters';
import type { BoardRow } from '../../shared/domain/obligation-status';
import type {
  NoticeStage,
  Overview,
  OverviewDecision,
  OverviewFactMissing,
  OverviewNextStep,
  OverviewNotice,
  OverviewWhatNow,
} from '../../shared/domain/overview';
import { EEA_COUNTRY_CODES } from '../../shared/jurisdictions/eea';
import type { OpenDecision, Obligation } from '../../shared/obligations/obligation';
import { isOverdue } from '../../shared/domain/tasks-notes';
import { jurisdictionName } from '../../shared/jurisdictions/jurisdictions';
import type { CaseFile } from '../casefile/case-file';
import { sampledEventTimes } from '../casefile/repos/event-links-repo';
import { getFacts } from '../casefile/repos/facts-repo';
import {
  dataElementsTable,
  eventsTable,
  notesTable,
  partiesTable,
  pendingEvidenceTable,
  tasksTable,
} from '../casefile/repos/tables';
import { evidenceTotals } from '../casefile/repos/evidence-repo';
import { listLetters } from '../casefile/repos/letters-repo';
import { obligationsBoard, type Board } from './obligations/obligations-service';
import { effectivePopulations } from './roster/effective-populations';

const EEA: ReadonlySet<string> = new Set(EEA_COUNTRY_CODES);

/** The case at a glance: key dates, counts, data, open tasks, people by jurisdiction, event ticks. */
export function caseOverview(
  file: CaseFile,
  today: string,
  now: string = new Date().toISOString(),
): Overview {
  const { db } = file;
  const tasks = tasksTable.all(db);
  const open = tasks.filter((t) => t.status !== 'done');
  const populations = effectivePopulations(db).sort((a, b) => b.count - a.count);
  const elements = dataElementsTable.all(db);
  return {
    facts: getFacts(db),
    counts: {
      events: eventsTable.count(db),
      parties: partiesTable.count(db),
      tasks: tasks.length,
      openTasks: open.length,
      overdueTasks: open.filter((t) => isOverdue(t, today)).length,
      notes: notesTable.count(db),
      dataElements: elements.length,
      peopleAffected: populations.reduce((sum, p) => sum + p.count, 0),
      peopleAffectedExact: populations.length > 0 && populations.every((p) => p.exact),
      jurisdictions: populations.length,
      ...evidenceTotals(db),
      pendingEvidence: pendingEvidenceTable.count(db),
    },
    dataElements: elements.map((e) => dataElementLabel(e.term, e.customLabel)),
    openTasks: open.slice(0, 8),
    populations: populations.map((p) => ({ ...p, name: jurisdictionName(p.jurisdiction) })),
    eventTimes: sampledEventTimes(db, 2000),
    whatNow: whatNow(file, today, now),
  };
}

const STAGE_ORDER: Record<NoticeStage, number> = { todo: 0, drafting: 1, approved: 2, sent: 3 };

/** The newest letter answering each rule. */
function lettersByRule(letters: readonly LetterRecord[]): Map<string, LetterRecord> {
  const byRule = new Map<string, LetterRecord>();
  for (const letter of letters) {
    if (letter.obligationRuleId === null) continue;
    const known = byRule.get(letter.obligationRuleId);
    if (known === undefined || letter.updatedAt > known.updatedAt)
      byRule.set(letter.obligationRuleId, letter);
  }
  return byRule;
}

function stageOf(row: BoardRow, letter: LetterRecord | undefined): NoticeStage {
  if (row.status?.status === 'sent' || letter?.status === 'sent') return 'sent';
  if (letter?.status === 'approved') return 'approved';
  if (row.status?.status === 'drafting' || letter !== undefined) return 'drafting';
  return 'todo';
}

function noticeOf(row: BoardRow, obligation: Obligation, letter: LetterRecord | undefined): OverviewNotice {
  const { deadline } = obligation;
  return {
    ruleId: obligation.ruleId,
    title: obligation.title,
    short: noticeShortName(obligation),
    recipient: obligation.recipient.name,
    stage: stageOf(row, letter),
    due: deadline.state === 'fixed' ? deadline.due : null,
    clockAt: deadline.clockAt,
    suggested: deadline.suggested,
    template: obligation.template,
    letter:
      letter === undefined
        ? null
        : { id: letter.id, title: letter.title, status: letter.status, version: letter.latestVersion },
    openDecision: obligation.openDecision?.question ?? null,
  };
}

/** Soonest fixed deadline first, then internal targets, then notices without either. */
function urgency(a: OverviewNotice, b: OverviewNotice): number {
  const key = (n: OverviewNotice): [number, string] =>
    n.due !== null ? [0, n.due] : n.suggested !== null ? [1, n.suggested] : [2, n.title];
  const [ka, kb] = [key(a), key(b)];
  return ka[0] - kb[0] || ka[1].localeCompare(kb[1]);
}

/** One entry per decision: the GDPR risk decision, and each state's harm test. */
function decisionsOf(board: Board): OverviewDecision[] {
  const byKey = new Map<string, OverviewDecision>();
  const add = (decision: OpenDecision, title: string): void => {
    const key =
      decision.kind === 'gdpr_risk'
        ? 'gdpr'
        : decision.kind === 'regime'
          ? `regime:${decision.regimeDecision ?? ''}`
          : `harm:${decision.jurisdiction ?? ''}`;
    const known = byKey.get(key);
    if (known !== undefined) {
      if (!known.notices.includes(title)) known.notices.push(title);
      return;
    }
    byKey.set(key, {
      kind: decision.kind,
      jurisdiction: decision.kind === 'gdpr_risk' ? null : decision.jurisdiction,
      question: decision.question,
      regimeDecision: decision.regimeDecision,
      notices: [title],
    });
  };
  for (const d of board.decisionNeeded) add(d.decision, d.title);
  for (const row of board.rows) {
    if (row.obligation?.openDecision && row.status?.status !== 'sent') {
      add(row.obligation.openDecision, row.obligation.title);
    }
  }
  // The GDPR decision first, then the states by code.
  return [...byKey.values()].sort(
    (a, b) =>
      Number(a.kind !== 'gdpr_risk') - Number(b.kind !== 'gdpr_risk') ||
      (a.jurisdiction ?? '').localeCompare(b.jurisdiction ?? ''),
  );
}

/**
 * The facts without which the rules cannot be evaluated: computed here from the facts (the board
 * says "not owed" where a fact is simply missing; this list says which fact).
 */
export function factsMissing(
  facts: Facts,
  populations: readonly { jurisdiction: string }[],
  dataElements: number,
): OverviewFactMissing[] {
  const missing: OverviewFactMissing[] = [];
  if (facts.awareAt === null) {
    missing.push({
      field: 'awareAt',
      label: 'Awareness time',
      why: 'The notification clocks start here (the 72 hours of GDPR Art. 33); no deadline can be counted without it.',
    });
  }
  if (facts.discoveredAt === null) {
    missing.push({
      field: 'discoveredAt',
      label: 'Discovery time',
      why: 'Some US clocks run from discovery, and the law applied is the law of the discovery day.',
    });
  }
  const eeaPeople = populations.some((p) => p.jurisdiction === 'EU' || EEA.has(p.jurisdiction));
  if (facts.organisation.establishment === '' && (populations.length === 0 || eeaPeople)) {
    missing.push({
      field: 'establishment',
      label: 'Main establishment',
      why: 'It decides the GDPR lead supervisory authority, which receives the Art. 33 notice.',
    });
  }
  if (populations.length === 0) {
    missing.push({
      field: 'populations',
      label: 'People affected by jurisdiction',
      why: 'Which laws apply, and their thresholds, depend on where the people affected live.',
    });
  }
  if (dataElements === 0) {
    missing.push({
      field: 'dataElements',
      label: 'Data elements',
      why: 'Each law notifies only for the kinds of personal data it defines (a US state’s personal information).',
    });
  }
  return missing;
}

function nextStepOf(
  notices: readonly OverviewNotice[],
  decisions: readonly OverviewDecision[],
  missing: readonly OverviewFactMissing[],
): OverviewNextStep | null {
  const none = { ruleId: null, letterId: null, template: null, decision: null, field: null };
  const first = notices[0];
  if (first !== undefined) {
    const base = {
      ...none,
      ruleId: first.ruleId,
      template: first.template,
      letterId: first.letter?.id ?? null,
    };
    const gdpr = decisions.find((d) => d.kind === 'gdpr_risk' && d.notices.includes(first.title));
    const harm = decisions.find((d) => d.kind === 'state_harm' && d.notices.includes(first.title));
    const decision = first.stage === 'todo' ? (gdpr ?? harm ?? null) : null;
    if (decision !== null) {
      return {
        ...base,
        kind: 'decide',
        decision,
        label: decision.kind === 'gdpr_risk' ? 'Record the risk decision' : 'Record the harm decision',
        reason: `${first.short} is the most urgent notice, and a decision nobody has made yet decides whether it is owed.`,
      };
    }
    if (first.stage === 'approved') {
      return {
        ...base,
        kind: 'send',
        label: `Mark the ${first.short} letter sent`,
        reason: `The ${first.short} letter is approved: send it and record when and how.`,
      };
    }
    if (first.stage === 'drafting' && first.letter !== null) {
      return {
        ...base,
        kind: 'approve',
        label: `Review and approve the ${first.short} letter`,
        reason: `The ${first.short} letter is drafted (version ${first.letter.version}); check it and approve it.`,
      };
    }
    return {
      ...base,
      kind: 'draft',
      label: `Draft the ${first.short} letter`,
      reason: `${first.short} is the most urgent notice not yet sent, and it has no letter yet.`,
    };
  }
  const decision = decisions[0];
  if (decision !== undefined) {
    return {
      ...none,
      kind: 'decide',
      decision,
      label: decision.kind === 'gdpr_risk' ? 'Record the risk decision' : 'Record the harm decision',
      reason: `Whether ${decision.notices.join(', ')} ${decision.notices.length === 1 ? 'is' : 'are'} owed turns on it.`,
    };
  }
  const fact = missing[0];
  if (fact !== undefined) {
    return {
      ...none,
      kind: 'fact',
      field: fact.field,
      label: `Enter the ${fact.label.toLowerCase()}`,
      reason: fact.why,
    };
  }
  return null;
}

/** The case's zone: the one its awareness time was entered in, else its discovery time's, else null. */
function caseZone(facts: Facts): string | null {
  return facts.awareAt?.zone ?? facts.discoveredAt?.zone ?? null;
}

/** What is owed and what to do next, counted against `now`. */
export function whatNow(file: CaseFile, today: string, now: string): OverviewWhatNow {
  const board = obligationsBoard(file, undefined, today);
  const letters = lettersByRule(listLetters(file.db));
  const facts = getFacts(file.db);
  const nowMs = Date.parse(now);
  const counts = { owed: 0, overdue: 0, todo: 0, drafting: 0, approved: 0, sent: 0, notRequired: 0 };
  const open: OverviewNotice[] = [];
  for (const row of board.rows) {
    if (row.obligation === null) continue;
    if (row.status?.status === 'not_required') {
      counts.notRequired += 1;
      continue;
    }
    const notice = noticeOf(row, row.obligation, letters.get(row.ruleId));
    counts.owed += 1;
    counts[notice.stage] += 1;
    if (notice.stage === 'sent') continue;
    if (notice.due !== null && Date.parse(notice.due) <= nowMs) counts.overdue += 1;
    open.push(notice);
  }
  open.sort((a, b) => urgency(a, b) || STAGE_ORDER[b.stage] - STAGE_ORDER[a.stage]);
  const decisions = decisionsOf(board);
  const missing = factsMissing(facts, effectivePopulations(file.db), dataElementsTable.count(file.db));
  return {
    now: new Date(nowMs).toISOString(),
    zone: caseZone(facts),
    counts: { ...counts, decisionNeeded: board.decisionNeeded.length },
    notices: open,
    nextDeadlines: open.filter((n) => n.due !== null).slice(0, 3),
    decisions,
    factsMissing: missing,
    nextStep: nextStepOf(open, decisions, missing),
  };
}
