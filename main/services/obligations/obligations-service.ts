import { unreachedByJurisdiction } from '../../casefile/repos/notices-repo';
import { rosterGroups } from '../../casefile/repos/roster-repo';
import type { z } from 'zod';
import type { LetterRecord } from '../../../shared/domain/letters';
import type {
  BoardRow,
  NoticeLetter,
  ObligationStatus,
  ObligationStatusInput,
} from '../../../shared/domain/obligation-status';
import { templateForRule } from '../../../shared/letters/obligation-template';
import { templateById } from '../../../shared/letters/templates';
import { sourceReferences } from '../../../shared/obligations/source-titles';
import type { obligationsContract } from '../../../shared/ipc/obligations-contract';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { activeRulePack } from './active-pack';
import { defaultAsOf, evaluateObligations, type EngineCase } from '../../../shared/obligations/engine';
import type { EngineResult, RiskLevel } from '../../../shared/obligations/obligation';
import type { CaseFile } from '../../casefile/case-file';
import { getFacts } from '../../casefile/repos/facts-repo';
import { listLetters } from '../../casefile/repos/letters-repo';
import { assessments, obligationStatuses, putObligationStatus } from '../../casefile/repos/obligations-repo';
import { dataElementsTable, populationsTable } from '../../casefile/repos/tables';
import { changeWithAudit } from '../audited';
import type { ServiceContext } from '../context';
import { recordedHarmFindings } from './harm-service';

export type Board = z.output<(typeof obligationsContract)['obligations.board']['output']>;

/**
 * The risk level of the newest assessment version that carries a confirmed decision, and, while
 * there is none, the level the calculator suggests in the newest version (shown, never applied).
 */
function riskOf(file: CaseFile): Pick<EngineCase, 'risk' | 'suggestedRisk'> {
  const versions = assessments(file.db);
  const risk = versions.find((a) => a.decision !== null)?.decision?.risk ?? null;
  return { risk, suggestedRisk: risk === null ? (versions[0]?.suggestedRisk ?? null) : null };
}

function engineCase(file: CaseFile, statuses: readonly ObligationStatus[]): EngineCase {
  const sentAt: Record<string, string> = {};
  for (const s of statuses) if (s.status === 'sent' && s.sentAt !== null) sentAt[s.ruleId] = s.sentAt;
  return {
    facts: getFacts(file.db),
    dataElements: dataElementsTable.all(file.db),
    populations: populationsTable.all(file.db),
    // People found in the exposed datasets, by jurisdiction and their own exposed elements.
    roster: rosterGroups(file.db),
    // People whose notice did not reach them: where the law allows, they open substitute notice.
    unreached: unreachedByJurisdiction(file.db),
    ...riskOf(file),
    harmFindings: recordedHarmFindings(file),
    sentAt,
  };
}

/** What the case owes under the law as of `asOf` (default: the day of discovery). */
export function evaluateCase(
  file: CaseFile,
  asOf: string | undefined,
  today: string,
  statuses: readonly ObligationStatus[] = obligationStatuses(file.db),
): EngineResult & { defaultAsOf: string; risk: RiskLevel | null } {
  const input = engineCase(file, statuses);
  const fallback = defaultAsOf(input.facts, today);
  return {
    ...evaluateObligations(input, activeRulePack(), asOf ?? fallback),
    defaultAsOf: fallback,
    risk: input.risk,
  };
}

/**
 * The people a rule counts in this case (law as of the day of discovery): only those whose own
 * exposed data meets its definition when they come from the roster. Null when the rule is
 * neither owed nor waiting on a decision, so a letter falls back to the jurisdiction's people.
 */
export function peopleCountedBy(file: CaseFile, ruleId: string, today: string): number | null {
  const result = evaluateCase(file, undefined, today);
  const found =
    result.obligations.find((o) => o.ruleId === ruleId) ??
    result.decisionNeeded.find((d) => d.ruleId === ruleId);
  return found?.residents ?? null;
}

/**
 * The board: every obligation with the status people recorded, and every recorded status whose
 * obligation the engine no longer sees, kept and flagged for review instead of dropped.
 */
export function obligationsBoard(file: CaseFile, asOf: string | undefined, today: string): Board {
  const statuses = obligationStatuses(file.db);
  const result = evaluateCase(file, asOf, today, statuses);
  const byRule = new Map(statuses.map((s) => [s.ruleId, s]));
  const letters = lettersByRule(listLetters(file.db));
  const rows: BoardRow[] = result.obligations.map((obligation) => {
    const status = byRule.get(obligation.ruleId) ?? null;
    return {
      ruleId: obligation.ruleId,
      obligation,
      notTriggered: null,
      status,
      stageStatuses: stageStatusesOf(
        obligation.ruleId,
        obligation.stages.map((s) => s.id),
        byRule,
      ),
      review: reviewOf(status, obligation.deadline.due),
      ...lettersOf(obligation.ruleId, letters),
    };
  });
  const stageIds = new Map(activeRulePack().rules.map((rule) => [rule.id, rule.stages.map((s) => s.id)]));
  for (const notTriggered of result.notTriggered) {
    // A staged report recorded stage by stage is kept too, by its stages' statuses.
    const stageStatuses = stageStatusesOf(
      notTriggered.ruleId,
      stageIds.get(notTriggered.ruleId) ?? [],
      byRule,
    );
    const status = byRule.get(notTriggered.ruleId) ?? latest(Object.values(stageStatuses));
    if (status === null) continue;
    rows.push({
      ruleId: notTriggered.ruleId,
      obligation: null,
      notTriggered,
      status,
      stageStatuses,
      review: `No longer owed on the current facts: ${notTriggered.reason} The status recorded on ${status.recordedAt.slice(0, 10)} is kept; review it.`,
      ...lettersOf(notTriggered.ruleId, letters),
    });
  }
  return {
    asOf: result.asOf,
    defaultAsOf: result.defaultAsOf,
    packId: result.packId,
    packVersion: result.packVersion,
    disclaimer: activeRulePack().disclaimer,
    risk: result.risk,
    rows,
    decisionNeeded: result.decisionNeeded.map((d) => ({ ...d, status: byRule.get(d.ruleId) ?? null })),
    notTriggered: result.notTriggered.filter((n) => !byRule.has(n.ruleId)),
    uncovered: result.uncovered,
    factsNeeded: result.factsNeeded,
    pending: result.pending,
  };
}

/** The statuses recorded for each stage of a staged report, by stage id. */
function stageStatusesOf(
  ruleId: string,
  stageIds: readonly string[],
  byRule: ReadonlyMap<string, ObligationStatus>,
): Record<string, ObligationStatus> {
  const found: Record<string, ObligationStatus> = {};
  for (const stageId of stageIds) {
    const status = byRule.get(`${ruleId}/${stageId}`);
    if (status !== undefined) found[stageId] = status;
  }
  return found;
}

/** The most recently recorded of some statuses, or null when there are none. */
function latest(statuses: readonly ObligationStatus[]): ObligationStatus | null {
  return statuses.reduce<ObligationStatus | null>(
    (newest, s) => (newest === null || s.recordedAt > newest.recordedAt ? s : newest),
    null,
  );
}

function lettersByRule(records: readonly LetterRecord[]): Map<string, NoticeLetter[]> {
  const byRule = new Map<string, NoticeLetter[]>();
  const sorted = [...records].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const letter of sorted) {
    if (letter.obligationRuleId === null) continue;
    const list = byRule.get(letter.obligationRuleId) ?? [];
    list.push({
      id: letter.id,
      title: letter.title,
      status: letter.status,
      version: letter.latestVersion,
      approvedVersion: letter.approvedVersion,
      templateId: letter.templateId,
      templateTitle: templateById(letter.templateId)?.title ?? letter.templateId,
    });
    byRule.set(letter.obligationRuleId, list);
  }
  return byRule;
}

const LETTER_RANK: Record<NoticeLetter['status'], number> = { draft: 1, in_review: 2, approved: 3, sent: 4 };

/** The notice's template, its letters and their state, and its sources with their titles. */
function lettersOf(
  ruleId: string,
  letters: ReadonlyMap<string, NoticeLetter[]>,
): Pick<BoardRow, 'template' | 'templateUnavailable' | 'letters' | 'letterState' | 'sources'> {
  const rule = activeRulePack().rules.find((r) => r.id === ruleId);
  const choice = rule === undefined ? null : templateForRule(rule);
  const own = letters.get(ruleId) ?? [];
  // The most advanced letter; among equals, the newest.
  const lead = own.reduce<NoticeLetter | null>(
    (best, l) => (best === null || LETTER_RANK[l.status] >= LETTER_RANK[best.status] ? l : best),
    null,
  );
  return {
    template:
      choice === null || choice.template === null
        ? null
        : { id: choice.template.id, title: choice.template.title, generic: choice.generic },
    templateUnavailable: choice === null ? 'The rule is not in the rule pack.' : choice.reason,
    letters: own,
    letterState:
      lead === null
        ? { state: 'none', letterId: null, version: null }
        : { state: lead.status, letterId: lead.id, version: lead.version },
    sources: rule === undefined ? [] : sourceReferences(activeRulePack(), rule.jurisdiction, rule.sources),
  };
}

function reviewOf(status: ObligationStatus | null, due: string | null): string | null {
  if (status === null) return null;
  if (!status.basis.triggered) {
    return 'This notice was not owed when its status was recorded; the facts have changed since. Review the status.';
  }
  if (status.basis.due !== due) {
    const was = status.basis.due === null ? 'not fixed' : status.basis.due;
    return `The deadline changed since the status was recorded (it was ${was}). Review the status.`;
  }
  return null;
}

/** Records what people did about an obligation; the engine's answer at that moment is kept with it. */
export function setObligationStatus(
  file: CaseFile,
  ctx: ServiceContext,
  target: { ruleId: string; stageId: string | null },
  asOf: string | undefined,
  input: ObligationStatusInput,
  today: string,
): ObligationStatus {
  const { ruleId, stageId } = target;
  const pack = activeRulePack();
  const rule = pack.rules.find((r) => r.id === ruleId);
  if (rule === undefined) {
    throw new BreachdeskError('NOT_FOUND', `There is no rule called ${JSON.stringify(ruleId)}.`);
  }
  if (stageId !== null && !rule.stages.some((stage) => stage.id === stageId)) {
    throw new BreachdeskError(
      'NOT_FOUND',
      rule.stages.length === 0
        ? `${rule.title} is a single notice, without stages.`
        : `${rule.title} has no stage called ${JSON.stringify(stageId)} (its stages: ${rule.stages.map((s) => s.id).join(', ')}).`,
    );
  }
  const key = stageId === null ? ruleId : `${ruleId}/${stageId}`;
  const result = evaluateCase(file, asOf, today);
  const obligation = result.obligations.find((o) => o.ruleId === ruleId) ?? null;
  const stage = stageId === null ? null : (obligation?.stages.find((s) => s.id === stageId) ?? null);
  const reason =
    result.notTriggered.find((n) => n.ruleId === ruleId)?.reason ??
    result.decisionNeeded.find((d) => d.ruleId === ruleId)?.decision.reason ??
    '';
  return changeWithAudit(file, ctx, (db, at) => {
    const previous = obligationStatuses(db).find((s) => s.ruleId === key) ?? null;
    const status: ObligationStatus = {
      ruleId: key,
      status: input.status,
      sentAt: input.status === 'sent' ? input.sentAt : null,
      channel: input.status === 'sent' ? input.channel : '',
      rationale: input.status === 'not_required' ? input.rationale : '',
      note: input.note,
      recordedAt: at,
      recordedBy: ctx.actor,
      basis: {
        triggered: obligation !== null,
        due: (stage ?? obligation)?.deadline.due ?? null,
        why: obligation?.why ?? reason,
      },
      pack: { id: result.packId, version: result.packVersion },
    };
    putObligationStatus(db, status);
    return {
      result: status,
      audit: {
        action: 'obligation.status_recorded',
        target: `obligation:${key}`,
        payload: {
          from: previous?.status ?? null,
          to: status.status,
          sentAt: status.sentAt,
          channel: status.channel,
          rationale: status.rationale,
          note: status.note,
          asOf: result.asOf,
          pack: status.pack,
        },
      },
    };
  });
}
