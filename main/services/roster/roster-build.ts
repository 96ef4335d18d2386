import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  addReviewPair,
  apartDecisions,
  clearPeople,
  clearPersonLinks,
  clearUndecidedReview,
  elementSets,
  iterateByKey,
  iterateRecordFacts,
  linkToPerson,
  maxRecordId,
  mergeDecisions,
  readyDatasets,
  replaceGroups,
  type KeyColumn,
} from '../../casefile/repos/roster-repo';
import { PeopleBuilder, type DatasetRole } from '../../roster/people-builder';

/** Pairs suggested from one group of same name, birth date and postal code, at most. */
const SUGGESTIONS_PER_GROUP = 20;

export interface BuildSummary {
  people: number;
  outOfScope: number;
  merged: number;
  suggestions: number;
}

/**
 * Builds the people of the roster again from every record: exact keys merge, decided pairs
 * merge, same name + date of birth + postal code is only suggested; then each person's
 * residency (the best-sourced record's) and exposed elements (all of their records') are
 * counted into groups. Call inside the transaction that changed the records, so the counts and
 * the records never disagree.
 */
export function rebuildPeople(
  db: Database,
  onPhase: (phase: string) => void = () => undefined,
): BuildSummary {
  const datasets = readyDatasets(db);
  const roles = new Map<number, DatasetRole>();
  const seqOf = new Map(datasets.map(({ seq, dataset }) => [dataset.id, seq]));
  for (const { seq, dataset } of datasets) {
    if (!roles.has(seq)) roles.set(seq, { isScope: false, scopedBy: null });
    if (dataset.scopeOf !== null) {
      const target = seqOf.get(dataset.scopeOf);
      roles.set(seq, { isScope: true, scopedBy: null });
      if (target !== undefined) roles.set(target, { isScope: false, scopedBy: seq });
    }
  }
  const builder = new PeopleBuilder(maxRecordId(db) + 1, roles, elementSets(db), apartDecisions(db));
  for (const column of ['account', 'email', 'phone'] as const) {
    onPhase(`Merging by ${column === 'account' ? 'account id' : column === 'email' ? 'e-mail' : 'phone'}`);
    forEachKeyGroup(db, column, (members) => builder.addKeyGroup(members));
  }
  for (const [first, second] of mergeDecisions(db)) builder.mergeDecided(first, second);
  onPhase('Finding possible duplicates');
  forEachKeyGroup(db, 'suggest', (members) =>
    builder.addSuggestionGroup(members.slice(0, SUGGESTIONS_PER_GROUP)),
  );
  onPhase('Counting people');
  for (const [id, dataset, jurisdiction, residency, elements] of iterateRecordFacts(db)) {
    builder.addRecord(id, dataset, jurisdiction, residency, elements);
  }
  onPhase('Saving counts');
  const built = builder.finish(clearPeople(db));
  clearPersonLinks(db);
  linkToPerson(db, built.links);
  clearUndecidedReview(db);
  for (const [first, second] of built.suggestions) addReviewPair(db, first, second);
  replaceGroups(db, built.groups);
  return {
    people: built.people,
    outOfScope: built.outOfScope,
    merged: built.links.length / 2,
    suggestions: built.suggestions.length,
  };
}

/** Calls `group` with each run of records sharing one key (read fully before any write). */
function forEachKeyGroup(
  db: Database,
  column: KeyColumn,
  group: (members: [number, number][]) => void,
): void {
  let key: string | null = null;
  let members: [number, number][] = [];
  for (const [value, id, dataset] of iterateByKey(db, column)) {
    if (value !== key) {
      if (members.length > 1) group(members);
      key = value;
      members = [];
    }
    members.push([id, dataset]);
  }
  if (members.length > 1) group(members);
}
