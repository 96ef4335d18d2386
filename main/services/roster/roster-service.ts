import type { DataElementTerm } from '../../../shared/domain/data-elements';
import {
  elementsKey,
  RESIDENCY_SOURCES,
  UNKNOWN_RESIDENCY,
  type PersonRecord,
  type ResidencySource,
  type ReviewPair,
  type RosterField,
  type RosterGroup,
  type RosterLookupKey,
  type RosterPerson,
  type RosterStats,
} from '../../../shared/domain/roster';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import {
  decideReview,
  elementSets,
  keyInDataset,
  purgeRecords,
  readyDatasets,
  recordById,
  recordCount,
  recordsByKey,
  recordsOfPerson,
  reviewRow,
  reviewRows,
  rosterGroups,
  rosterStateValue,
  setRosterStateValue,
  undecidedReviewCount,
  type KeyColumn,
  type StoredRecord,
} from '../../casefile/repos/roster-repo';
import { normaliseAccountId, normaliseEmail, normalisePhone } from '../../roster/normalise';
import { changeWithAudit } from '../audited';
import type { ServiceContext } from '../context';
import { rebuildPeople } from './roster-build';

/** The roster's counts: what the board, the People & data tab and `roster stats` show. */
export function rosterStats(file: CaseFile): RosterStats {
  const { db } = file;
  const groups = rosterGroups(db);
  const byJurisdiction: Record<string, number> = {};
  const residencySource = Object.fromEntries(RESIDENCY_SOURCES.map((s) => [s, 0])) as Record<
    ResidencySource,
    number
  >;
  const byElements: Record<string, number> = {};
  let people = 0;
  for (const group of groups) {
    people += group.people;
    byJurisdiction[group.jurisdiction] = (byJurisdiction[group.jurisdiction] ?? 0) + group.people;
    residencySource[group.source] += group.people;
    const key = elementsKey(group.elements);
    byElements[key] = (byElements[key] ?? 0) + group.people;
  }
  const datasets = readyDatasets(db).map((d) => d.dataset);
  return {
    people,
    // A bundle without the roster's records carries its counts but none of its datasets.
    records: datasets.length === 0 ? 0 : recordCount(db),
    datasets,
    byJurisdiction,
    residencySource,
    byElements,
    reviewQueue: undecidedReviewCount(db),
    groups,
    purgedAt: rosterStateValue(db, 'purgedAt'),
  };
}

/** The counts the obligations engine reads (no personal value). */
export function rosterGroupsOf(file: CaseFile): RosterGroup[] {
  return rosterGroups(file.db);
}

/**
 * The people with exactly this e-mail, account id or phone (normalised as at import). Exact
 * only: the roster is not browsed or searched by fragments, so a lookup shows one person.
 */
export function findPeople(file: CaseFile, key: RosterLookupKey, value: string): RosterPerson[] {
  const { db } = file;
  const probes = lookupProbes(key, value);
  if (probes.length === 0) {
    throw new BreachdeskError(
      'INVALID_INPUT',
      `That is not ${key === 'email' ? 'an e-mail address' : key === 'phone' ? 'a phone number' : 'an account id'}.`,
    );
  }
  const context = lookupContext(file);
  const personIds = new Set<number>();
  for (const [column, normalised] of probes) {
    for (const record of recordsByKey(db, column, normalised)) {
      if (record.data === null) continue;
      personIds.add(record.person);
    }
  }
  return [...personIds].sort((a, b) => a - b).map((id) => personOf(file, id, context));
}

function lookupProbes(key: RosterLookupKey, value: string): [KeyColumn, string][] {
  if (key === 'email') {
    const email = normaliseEmail(value);
    return email === null ? [] : [['email', email]];
  }
  if (key === 'phone') {
    const phone = normalisePhone(value, null);
    return phone === null ? [] : [['phone', phone.e164]];
  }
  const account = normaliseAccountId(value);
  return account === null
    ? []
    : [
        ['account', account],
        ['account', `person:${account}`],
      ];
}

interface LookupContext {
  names: Map<number, string>;
  scopes: Map<number, number>;
  sets: Map<number, DataElementTerm[]>;
}

function lookupContext(file: CaseFile): LookupContext {
  const datasets = readyDatasets(file.db);
  const seqById = new Map(datasets.map((d) => [d.dataset.id, d.seq]));
  const scopes = new Map<number, number>();
  for (const { seq, dataset } of datasets) {
    const target = dataset.scopeOf === null ? undefined : seqById.get(dataset.scopeOf);
    if (target !== undefined) scopes.set(target, seq);
  }
  return {
    names: new Map(datasets.map((d) => [d.seq, d.dataset.name])),
    scopes,
    sets: elementSets(file.db),
  };
}

function personOf(file: CaseFile, id: number, context: LookupContext): RosterPerson {
  const records = recordsOfPerson(file.db, id).map((r) => personRecordOf(file, r, context));
  const best = [...records].sort(
    (a, b) =>
      RESIDENCY_SOURCES.indexOf(a.source) - RESIDENCY_SOURCES.indexOf(b.source) || a.recordId - b.recordId,
  )[0];
  const elements = [...new Set(records.flatMap((r) => r.elements))].sort();
  return {
    id,
    jurisdiction: best?.jurisdiction ?? UNKNOWN_RESIDENCY,
    source: best?.source ?? 'unknown',
    elements,
    affected: records.some((r) => r.inScope !== false),
    records,
  };
}

function personRecordOf(file: CaseFile, record: StoredRecord, context: LookupContext): PersonRecord {
  const scope = context.scopes.get(record.dataset);
  const inScope =
    scope === undefined
      ? null
      : (['account', 'email', 'phone'] as const).some((column) => {
          const value = record[column];
          return value !== null && keyInDataset(file.db, column, value, scope);
        });
  return {
    recordId: record.id,
    dataset: context.names.get(record.dataset) ?? 'unknown dataset',
    line: record.line,
    values: record.data === null ? {} : (JSON.parse(record.data) as Partial<Record<RosterField, string>>),
    jurisdiction: record.jurisdiction,
    source: RESIDENCY_SOURCES[record.residency] ?? 'unknown',
    elements: context.sets.get(record.elements) ?? [],
    inScope,
  };
}

/** The pairs waiting for a person's decision (same name, date of birth and postal code). */
export function reviewQueue(file: CaseFile, limit = 200): ReviewPair[] {
  const context = lookupContext(file);
  return reviewRows(file.db, true, limit).flatMap((row) => {
    const first = recordById(file.db, row.first);
    const second = recordById(file.db, row.second);
    if (first === null || second === null) return [];
    return [
      {
        id: row.id,
        first: personRecordOf(file, first, context),
        second: personRecordOf(file, second, context),
        decision: row.decision,
      },
    ];
  });
}

/**
 * Merges a suggested pair into one person, or keeps them apart for good; the people and counts
 * are built again in the same transaction. Audited by record ids, never by values.
 */
export function decideReviewPair(
  file: CaseFile,
  ctx: ServiceContext,
  id: number,
  decision: 'merge' | 'apart',
): RosterStats {
  changeWithAudit(file, ctx, (db, at) => {
    const row = reviewRow(db, id);
    if (row === null) throw new BreachdeskError('NOT_FOUND', 'That pair is no longer in the review queue.');
    if (row.decision !== null)
      throw new BreachdeskError('ALREADY_EXISTS', 'That pair has already been decided.');
    decideReview(db, id, decision, ctx.actor, at);
    const built = rebuildPeople(db);
    return {
      result: undefined,
      audit: {
        action: decision === 'merge' ? 'roster.review_merged' : 'roster.review_kept_apart',
        target: `roster-review:${id}`,
        payload: { records: [row.first, row.second], people: built.people },
      },
    };
  });
  return rosterStats(file);
}

/**
 * Deletes every record of the roster (the personal data), keeping the datasets' descriptions
 * and the counts the obligations were decided on. Freed pages are overwritten.
 */
export function purgeRoster(file: CaseFile, ctx: ServiceContext): RosterStats {
  const before = rosterStats(file);
  if (before.records === 0 && before.purgedAt !== null) {
    throw new BreachdeskError('INVALID_INPUT', 'The roster has already been purged.');
  }
  const secureDelete = file.db.pragma('secure_delete', { simple: true }) as number;
  file.db.pragma('secure_delete = ON');
  try {
    changeWithAudit(file, ctx, (db, at) => {
      const records = purgeRecords(db);
      setRosterStateValue(db, 'purgedAt', at);
      return {
        result: undefined,
        audit: {
          action: 'roster.purged',
          target: 'roster',
          payload: {
            recordsDeleted: records,
            peopleCountsKept: before.people,
            datasets: before.datasets.length,
          },
        },
      };
    });
  } finally {
    file.db.pragma(`secure_delete = ${secureDelete === 0 ? 'OFF' : 'ON'}`);
  }
  return rosterStats(file);
}
