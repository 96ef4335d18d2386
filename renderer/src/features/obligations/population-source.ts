import type { PopulationProvenance } from '../../../../shared/obligations/obligation';
import { formatCount } from '../../../../shared/text/count';

/**
 * Where a notice's count of people came from, in words: "1,240 from the roster (260 in the
 * roster whose data does not count); 610 entered by hand". Null when nobody is counted, as the
 * "why" sentence already says so.
 */
export function populationSource(population: PopulationProvenance): string | null {
  const { handEntered, fromRoster, rosterNotCounted } = population;
  const parts: string[] = [];
  if (fromRoster > 0 || rosterNotCounted > 0) {
    const notCounted =
      rosterNotCounted > 0
        ? ` (${formatCount(rosterNotCounted)} in the roster whose data does not count)`
        : '';
    parts.push(`${formatCount(fromRoster)} from the roster${notCounted}`);
  }
  if (handEntered > 0) parts.push(`${formatCount(handEntered)} entered by hand`);
  return parts.length === 0 ? null : parts.join('; ');
}
