import type { AnswerSheet, AnswerSheetField } from '../../../shared/forms/answer-sheet';
import type { FormDefinition } from '../../../shared/forms/form-schema';
import { formById } from '../../../shared/forms/forms';
import { placeOfSource } from '../../../shared/forms/sources';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { EngineResult } from '../../../shared/obligations/obligation';
import type { Rule } from '../../../shared/obligations/rule-pack';
import type { CaseFile } from '../../casefile/case-file';
import { getCaseRecord } from '../../casefile/repos/case-repo';
import { getFacts } from '../../casefile/repos/facts-repo';
import { obligationStatuses } from '../../casefile/repos/obligations-repo';
import { dataElementsTable } from '../../casefile/repos/tables';
import type { PiiField } from '../../notices/pii-scan';
import { rosterPiiIndex } from '../notices/pii-guard';
import { activeRulePack } from '../obligations/active-pack';
import { evaluateCase } from '../obligations/obligations-service';
import { effectivePopulations } from '../roster/effective-populations';
import { answerSheetRenderInput, exportAnswerSheetPdf } from './answer-sheet-pdf';
import { resolveSource, type SheetCase } from './resolve-source';

const FIELD_WORDS: Record<PiiField, string> = {
  name: 'a name',
  email: 'an e-mail address',
  phone: 'a phone number',
  account: 'an account id',
};

/** The rule, the stage (if one is asked for) and the form the notice is made on. */
function formOf(
  ruleId: string,
  stageId: string | null,
): { rule: Rule; form: FormDefinition; stageIndex: number } {
  const rule = activeRulePack().rules.find((r) => r.id === ruleId);
  if (rule === undefined)
    throw new BreachdeskError('NOT_FOUND', `There is no rule called ${JSON.stringify(ruleId)}.`);
  const stageIndex = stageId === null ? -1 : rule.stages.findIndex((s) => s.id === stageId);
  if (stageId !== null && stageIndex < 0)
    throw new BreachdeskError('NOT_FOUND', `${rule.title} has no stage called ${JSON.stringify(stageId)}.`);
  const formId = stageIndex < 0 ? rule.form : (rule.stages[stageIndex]?.form ?? null);
  if (formId === null) {
    const what = stageIndex < 0 ? rule.title : `${rule.stages[stageIndex]?.title ?? ''} (${rule.title})`;
    throw new BreachdeskError('NOT_FOUND', `${what} is not made on a regulator form Breachdesk knows.`);
  }
  const form = formById(formId);
  if (form === null)
    throw new BreachdeskError(
      'NOT_FOUND',
      `${rule.title} names the form ${formId}, which Breachdesk does not have.`,
    );
  return { rule, form, stageIndex };
}

/** A recipient's name as the board shows it (the lead authority named), else as the rule words it. */
function recipientName(rule: Rule, result: EngineResult): string {
  const owed =
    result.obligations.find((o) => o.ruleId === rule.id) ??
    result.decisionNeeded.find((d) => d.ruleId === rule.id);
  return (
    owed?.recipient.name ??
    rule.recipient.name.replaceAll('{leadAuthority}', 'the lead supervisory authority')
  );
}

/** The case as the sheet may read it, for this rule and stage. */
function sheetCase(file: CaseFile, rule: Rule, stageIndex: number, today: string): SheetCase {
  const { db } = file;
  const facts = getFacts(db);
  const result = evaluateCase(file, undefined, today);
  const pack = activeRulePack();
  const obligation = result.obligations.find((o) => o.ruleId === rule.id) ?? null;
  const waiting = result.decisionNeeded.find((d) => d.ruleId === rule.id) ?? null;
  const stage = stageIndex < 0 ? null : (obligation?.stages[stageIndex] ?? null);
  const previous = stageIndex > 0 ? (obligation?.stages[stageIndex - 1] ?? null) : null;
  // Statuses of a stage are kept under "ruleId/stageId".
  const sent = obligationStatuses(db).flatMap((s) => {
    const [sentRuleId, sentStageId] = s.ruleId.split('/');
    const sentRule = pack.rules.find((r) => r.id === sentRuleId);
    if (s.status !== 'sent' || s.sentAt === null || sentRule === undefined) return [];
    const stageTitle = sentRule.stages.find((st) => st.id === sentStageId)?.title ?? null;
    return [{ rule: sentRule, stageTitle, at: s.sentAt }];
  });
  const toIndividuals = (r: Rule) => r.recipient.kind === 'affected_individuals';
  return {
    facts,
    organisation: getCaseRecord(db).organisation,
    caseId: getCaseRecord(db).id,
    dataElements: dataElementsTable.all(db),
    populations: effectivePopulations(db),
    risk: result.risk,
    notice:
      obligation !== null
        ? {
            residents: obligation.residents,
            fromRoster: obligation.population.fromRoster,
            handEntered: obligation.population.handEntered,
            deadline: stage?.deadline ?? obligation.deadline,
          }
        : waiting !== null
          ? { residents: waiting.residents, fromRoster: 0, handEntered: 0, deadline: null }
          : null,
    recipient: recipientName(rule, result),
    reportTitle: stageIndex < 0 ? rule.title : (rule.stages[stageIndex]?.title ?? rule.title),
    previousStageSentAt: previous?.sentAt ?? null,
    laterStage: stageIndex > 0,
    individualsNotifiedAt: sent
      .filter((s) => toIndividuals(s.rule) && s.rule.jurisdiction === rule.jurisdiction)
      .map((s) => s.at)
      .sort(),
    otherNoticesSent: sent
      .filter((s) => s.rule.id !== rule.id && !toIndividuals(s.rule))
      .map((s) => ({
        recipient: `${recipientName(s.rule, result)}${s.stageTitle === null ? '' : ` (${s.stageTitle})`}`,
        sentAt: s.at,
      }))
      .sort((a, b) => a.sentAt.localeCompare(b.sentAt)),
    today,
    zone: facts.discoveredAt?.zone ?? facts.awareAt?.zone ?? 'UTC',
  };
}

/**
 * The regulator's form for a notice (or one stage of a staged report), pre-filled from the case:
 * each field with its value, where the value came from, or "missing". Values come only from
 * facts, counts, data-element labels and the organisation's own details, and each is checked
 * against every name, e-mail, phone and account id of the roster: a value holding one is
 * withheld, saying so, so no affected person's details can be copied onto a form.
 */
export function answerSheet(
  file: CaseFile,
  ruleId: string,
  stageId: string | null,
  today: string,
): AnswerSheet {
  const { rule, form, stageIndex } = formOf(ruleId, stageId);
  return fillForm(file, form, rule, stageIndex, today);
}

/** `form` filled from the case for the notice `rule` (its stage `stageIndex`, or -1 for the notice). */
export function fillForm(
  file: CaseFile,
  form: FormDefinition,
  rule: Rule,
  stageIndex: number,
  today: string,
): AnswerSheet {
  const sheet = sheetCase(file, rule, stageIndex, today);
  const index = rosterPiiIndex(file);
  const fields = form.fields.map((field): AnswerSheetField => {
    const resolved = resolveSource(field.source, field.format, sheet);
    const hits = resolved.missing ? [] : index.scan(resolved.value);
    const base = { id: field.id, label: field.label, section: field.section, help: field.help };
    if (hits.length === 0) return { ...base, ...resolved };
    const kinds = [...new Set(hits.map((h) => FIELD_WORDS[h.field]))].join(', ');
    return {
      ...base,
      value: '',
      source: placeOfSource(field.source),
      missing: true,
      help: `Withheld: it holds personal data of people in the roster (${kinds}). Remove it from ${placeOfSource(field.source)} and open the sheet again.${field.help === '' ? '' : ` ${field.help}`}`,
    };
  });
  const stage = stageIndex < 0 ? null : (rule.stages[stageIndex] ?? null);
  return {
    formId: form.id,
    title: form.title,
    regulator: form.regulator,
    recipient: sheet.recipient,
    ruleId: rule.id,
    jurisdiction: rule.jurisdiction,
    ruleTitle: rule.title,
    stageId: stage?.id ?? null,
    stageTitle: stage?.title ?? null,
    citation: form.source.citation,
    references: form.source.references,
    note: form.note,
    preparedOn: today,
    fields,
    missingCount: fields.filter((f) => f.missing).length,
  };
}

/** Writes the notice's answer sheet as a PDF at `path`; says where, and how many fields are missing. */
export async function saveAnswerSheetPdf(
  file: CaseFile,
  ruleId: string,
  stageId: string | null,
  today: string,
  target: { path: string; overwrite: boolean; now: Date },
): Promise<{ path: string; missingCount: number }> {
  const sheet = answerSheet(file, ruleId, stageId, today);
  const input = answerSheetRenderInput(
    sheet,
    getCaseRecord(file.db).organisation,
    getFacts(file.db).organisation.address,
  );
  const path = await exportAnswerSheetPdf(file, input, target.path, target.overwrite, target.now);
  return { path, missingCount: sheet.missingCount };
}
