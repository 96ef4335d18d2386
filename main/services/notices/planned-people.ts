import type { RosterField } from '../../../shared/domain/roster';
import { rosterGroupKey } from '../../../shared/domain/roster';
import { rosterJurisdiction } from '../../../shared/obligations/facts-needed';
import type { CaseFile } from '../../casefile/case-file';
import { anyNotices, noticeHistory, peoplePage, personRecordData } from '../../casefile/repos/notices-repo';
import type { PlannedPerson } from '../../notices/plan';
import { personValues } from '../../notices/person-values';
import { termsOfKey } from './notice-context';

const PAGE = 2_000;

/**
 * Every affected person with what a run decides from: their residency and element combination
 * (as the rules counted them), their values merged from their records, and their earlier notices.
 * Read a page at a time: memory does not grow with the number of people.
 */
export function* plannedPeople(file: CaseFile): Generator<PlannedPerson> {
  const { db } = file;
  const history = anyNotices(db);
  let after = 0;
  for (;;) {
    const page = peoplePage(db, after, PAGE);
    if (page.length === 0) return;
    for (const [id, jurisdiction, , elements] of page) {
      const records = personRecordData(db, id).map(
        (data) => JSON.parse(data) as Partial<Record<RosterField, string>>,
      );
      yield {
        id,
        groupKey: rosterGroupKey(rosterJurisdiction(jurisdiction), elements),
        jurisdiction,
        elements: termsOfKey(elements),
        values: personValues(records),
        history: history ? noticeHistory(db, id) : [],
      };
    }
    after = page[page.length - 1]?.[0] ?? after;
  }
}
