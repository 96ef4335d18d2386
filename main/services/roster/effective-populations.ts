import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Population } from '../../../shared/domain/populations';
import { UNKNOWN_RESIDENCY } from '../../../shared/domain/roster';
import { rosterRowId } from '../../../shared/roster/roster-row-id';
import { rosterGroups } from '../../casefile/repos/roster-repo';
import { populationsTable } from '../../casefile/repos/tables';

/**
 * People affected per jurisdiction as the case knows them: each hand-entered row (it overrides
 * the roster for its jurisdiction), then the roster's people of every other jurisdiction, exact
 * because they were counted from the data. People of unknown residency are counted under ZZ.
 * What the overview, the status report, letters and search show; the obligations read the
 * roster's groups themselves, so each law counts only the people its definition reaches.
 */
export function effectivePopulations(db: Database): Population[] {
  const hand = populationsTable.all(db);
  const entered = new Set(hand.map((p) => p.jurisdiction));
  const counted = new Map<string, number>();
  for (const group of rosterGroups(db)) {
    const code = group.jurisdiction === UNKNOWN_RESIDENCY ? 'ZZ' : group.jurisdiction;
    if (entered.has(code)) continue;
    counted.set(code, (counted.get(code) ?? 0) + group.people);
  }
  const fromRoster = [...counted].map(([jurisdiction, count]) => ({
    id: rosterRowId(jurisdiction),
    jurisdiction,
    count,
    exact: true,
  }));
  return [...hand, ...fromRoster].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction));
}
