import { DATA_ELEMENT_TERMS, type DataElementTerm } from '../../../shared/domain/data-elements';
import type { NoticeFormat } from '../../../shared/domain/notices';
import type { CaseFile } from '../../casefile/case-file';
import { listLetters } from '../../casefile/repos/letters-repo';
import { noticeSettings } from '../../casefile/repos/notices-repo';
import { peopleTableBuilt, recordCount } from '../../casefile/repos/roster-repo';
import type { IndividualNotice, LetterChoice, PlanContext } from '../../notices/plan';
import { evaluateCase } from '../obligations/obligations-service';
import { rebuildPeople } from '../roster/roster-build';

/**
 * A roster built before notices existed has no people rows: they are built once, from the
 * records, with the counts (which come out the same).
 */
export function ensureRosterPeople(file: CaseFile): void {
  if (peopleTableBuilt(file.db) || recordCount(file.db) === 0) return;
  file.transaction((db) => {
    rebuildPeople(db);
  });
}

/** The notices to individuals the board holds now, the approved letters answering them, the settings. */
export function planContext(file: CaseFile, format: NoticeFormat, today: string): PlanContext {
  const result = evaluateCase(file, undefined, today);
  const toPeople = (item: {
    recipient: { kind: string };
    ruleId: string;
    title: string;
    jurisdiction: string;
    rosterGroups: string[];
  }): IndividualNotice[] =>
    item.recipient.kind === 'affected_individuals'
      ? [
          {
            ruleId: item.ruleId,
            title: item.title,
            jurisdiction: item.jurisdiction,
            groups: new Set(item.rosterGroups),
          },
        ]
      : [];
  const letters = new Map<string, LetterChoice[]>();
  // Newest first, so a letter approved later is preferred among several in one language.
  for (const letter of listLetters(file.db).reverse()) {
    if (letter.obligationRuleId === null || letter.approvedVersion === null) continue;
    if (letter.status !== 'approved' && letter.status !== 'sent') continue;
    const choice: LetterChoice = {
      letterId: letter.id,
      title: letter.title,
      templateId: letter.templateId,
      language: letter.language,
      ruleId: letter.obligationRuleId,
      version: letter.approvedVersion,
    };
    letters.set(letter.obligationRuleId, [...(letters.get(letter.obligationRuleId) ?? []), choice]);
  }
  return {
    owed: result.obligations.flatMap(toPeople),
    waiting: result.decisionNeeded.flatMap(toPeople),
    letters,
    settings: noticeSettings(file.db),
    format,
  };
}

const TERMS: ReadonlySet<string> = new Set(DATA_ELEMENT_TERMS);

/** An elements key ("email+password") back to its terms. */
export function termsOfKey(key: string): DataElementTerm[] {
  return key === '' ? [] : key.split('+').filter((t): t is DataElementTerm => TERMS.has(t));
}
