/**
 * The id of a jurisdiction's row of people counted from the roster (derived, never stored): a
 * UUID carrying the code's letters, so main (search, overview) and the renderer (landing on the
 * Roster tab's bar) name the same row without sharing state. Codes are at most six characters
 * ("US-CA", "ZZ").
 */
const PREFIX = '00000000-0000-4000-8000-';

export function rosterRowId(jurisdiction: string): string {
  const hex = [...jurisdiction.slice(0, 6)]
    .map((char) => (char.charCodeAt(0) & 0xff).toString(16).padStart(2, '0'))
    .join('');
  return `${PREFIX}${hex.padStart(12, '0')}`;
}

/** Whether a people row's id is a roster row's rather than a hand-entered count's. */
export function isRosterRowId(id: string): boolean {
  return id.startsWith(PREFIX);
}
