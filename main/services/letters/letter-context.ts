import type { LetterCheckResult, LetterRecord } from '../../../shared/domain/letters';
import { activeRulePack } from '../obligations/active-pack';
import type { ContentItem, Rule } from '../../../shared/obligations/rule-pack';
import { checkLetter } from '../../../shared/letters/checks';
import type { LetterTimeline } from '../../../shared/letters/date-claims';
import type { LetterDocument } from '../../../shared/letters/document';
import type { MergeFieldId } from '../../../shared/letters/merge-fields';
import { mergeValues } from '../../../shared/letters/merge-values';
import type { LetterTemplate } from '../../../shared/letters/template';
import { servesRule, templateById } from '../../../shared/letters/templates';
import { genericTemplateIdFor } from '../../../shared/letters/obligation-template';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { getCaseRecord } from '../../casefile/repos/case-repo';
import { getFacts } from '../../casefile/repos/facts-repo';
import { dataElementsTable } from '../../casefile/repos/tables';
import { BODY_FONT_PT } from '../../letters/render/letter-style';
import { peopleCountedBy } from '../obligations/obligations-service';
import { effectivePopulations } from '../roster/effective-populations';

export function requireTemplate(id: string): LetterTemplate {
  const template = templateById(id);
  if (template === null)
    throw new BreachdeskError('NOT_FOUND', `There is no letter template called ${JSON.stringify(id)}.`);
  return template;
}

/** The case values a letter merges, as the case stands now (the letter's date: sent, or today). */
export function valuesFor(
  file: CaseFile,
  letter: LetterRecord,
  today: string,
): Record<MergeFieldId, string | null> {
  const { db } = file;
  return mergeValues({
    record: getCaseRecord(db),
    facts: getFacts(db),
    dataElements: dataElementsTable.all(db),
    populations: effectivePopulations(db),
    // A letter answering a notice names the people that notice's law counts.
    peopleCounted:
      letter.obligationRuleId === null ? null : peopleCountedBy(file, letter.obligationRuleId, today),
    jurisdiction: letter.jurisdiction,
    letterDate: letter.sentAt?.slice(0, 10) ?? today,
    recipient: letter.recipient,
    language: letter.language,
  });
}

/** The case's recorded moments and the letter's date, for the dates-and-durations check. */
export function timelineFor(file: CaseFile, letter: LetterRecord, today: string): LetterTimeline {
  const facts = getFacts(file.db);
  return {
    discoveredAt: facts.discoveredAt,
    awareAt: facts.awareAt,
    containedAt: facts.containedAt,
    exposureStart: facts.exposureStart,
    exposureEnd: facts.exposureEnd,
    letterDate: letter.sentAt?.slice(0, 10) ?? today,
    sentAt: letter.sentAt,
  };
}

/**
 * The rules whose content a letter is checked against. A template serves the rules it lists and
 * every rule of the pack that names it as its template. A letter linked to one of those rules
 * answers that rule only (a generic attorney-general letter for Texas: the Texas rule). Otherwise
 * it answers the rules it serves in the letter's jurisdiction (a generic letter drafted for
 * US-TX: the Texas rules, not those of every state); a letter left at its template's own
 * jurisdiction (a generic letter for the whole "US") answers the rules its template lists and
 * those of exactly that jurisdiction.
 */
export function rulesOf(
  template: LetterTemplate,
  letter: Pick<LetterRecord, 'jurisdiction' | 'obligationRuleId'>,
): Rule[] {
  // A rule naming no template is served by the generic one for its recipient, when linked to it.
  const served = activeRulePack().rules.filter(
    (rule) =>
      servesRule(template, rule) ||
      (rule.id === letter.obligationRuleId &&
        rule.template === null &&
        genericTemplateIdFor(rule) === template.id),
  );
  const linked = served.filter((rule) => rule.id === letter.obligationRuleId);
  if (linked.length > 0) return linked;
  const inPlace = (rule: Rule) => rule.jurisdiction === letter.jurisdiction;
  if (letter.jurisdiction !== template.jurisdiction) return served.filter(inPlace);
  return served.filter((rule) => template.ruleIds.includes(rule.id) || inPlace(rule));
}

function unique(items: ContentItem[]): ContentItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id) !== undefined);
}

export function checksFor(
  letter: LetterRecord,
  doc: LetterDocument,
  values: Record<MergeFieldId, string | null>,
  timeline?: LetterTimeline,
): LetterCheckResult[] {
  const template = requireTemplate(letter.templateId);
  const rules = rulesOf(template, letter);
  return checkLetter({
    doc,
    template,
    values,
    requiredContent: unique(rules.flatMap((rule) => rule.requiredContent)),
    prohibitedContent: unique(rules.flatMap((rule) => rule.prohibitedContent)),
    bodyFontPt: BODY_FONT_PT,
    ...(timeline === undefined ? {} : { timeline }),
  });
}
