import type { LetterCheckResult, LetterRecord } from '../../../shared/domain/letters';
import { DEFAULT_RULE_PACK } from '../../../shared/obligations/default-pack';
import type { ContentItem } from '../../../shared/obligations/rule-pack';
import { checkLetter } from '../../../shared/letters/checks';
import type { LetterDocument } from '../../../shared/letters/document';
import type { MergeFieldId } from '../../../shared/letters/merge-fields';
import { mergeValues } from '../../../shared/letters/merge-values';
import type { LetterTemplate } from '../../../shared/letters/template';
import { templateById } from '../../../shared/letters/templates';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { getCaseRecord } from '../../casefile/repos/case-repo';
import { getFacts } from '../../casefile/repos/facts-repo';
import { dataElementsTable, populationsTable } from '../../casefile/repos/tables';
import { BODY_FONT_PT } from '../../letters/render/letter-style';

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
    populations: populationsTable.all(db),
    jurisdiction: letter.jurisdiction,
    letterDate: letter.sentAt?.slice(0, 10) ?? today,
    recipient: letter.recipient,
    language: letter.language,
  });
}

/**
 * Required content of the obligation the letter answers, or, when it is linked to none, of every
 * obligation its template serves (so a generic attorney-general letter for Texas is checked
 * against the Texas rule only).
 */
function requiredContentOf(template: LetterTemplate, ruleId: string | null): ContentItem[] {
  const seen = new Set<string>();
  const wanted = ruleId !== null && template.ruleIds.includes(ruleId) ? [ruleId] : template.ruleIds;
  return DEFAULT_RULE_PACK.rules
    .filter((rule) => wanted.includes(rule.id))
    .flatMap((rule) => rule.requiredContent)
    .filter((item) => !seen.has(item.id) && seen.add(item.id) !== undefined);
}

export function checksFor(
  letter: LetterRecord,
  doc: LetterDocument,
  values: Record<MergeFieldId, string | null>,
): LetterCheckResult[] {
  const template = requireTemplate(letter.templateId);
  return checkLetter({
    doc,
    template,
    values,
    requiredContent: requiredContentOf(template, letter.obligationRuleId),
    bodyFontPt: BODY_FONT_PT,
  });
}
