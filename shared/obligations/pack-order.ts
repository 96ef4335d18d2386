/** What says which of two rule packs is newer: its id, version and publication date. */
export interface PackStamp {
  id: string;
  version: string;
  published: string;
}

/**
 * Compares two pack versions ("2026.12", "2027.1.2", "2027.01-rc1"): split on "." and "-", each
 * part of digits compared as a number (so "2026.9" < "2026.10"), other parts as text; a version
 * that runs out of parts first is the lower ("2026.12" < "2026.12.1"). Negative, 0 or positive.
 */
export function comparePackVersions(a: string, b: string): number {
  const left = a.split(/[.-]/);
  const right = b.split(/[.-]/);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = /^\d+$/.test(x) && /^\d+$/.test(y) ? compareDigits(x, y) : compareText(x, y);
    if (order !== 0) return order;
  }
  return 0;
}

/** Numbers of any length, without losing precision: fewer significant digits is smaller. */
function compareDigits(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  return a.length !== b.length ? a.length - b.length : compareText(a, b);
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function named(pack: PackStamp): string {
  return `${pack.id} ${pack.version} (published ${pack.published})`;
}

/**
 * Why `candidate` may not replace the `active` pack, as one sentence, or null when it may. The
 * ordering: a pack published before the active one is older, whatever its id; with the same id
 * its version must also be higher (the same version again is not an update). A pack with
 * another id published on or after the active one's date may replace it (a publisher's own pack
 * taking over from the shipped one).
 */
export function olderPackRefusal(active: PackStamp, candidate: PackStamp): string | null {
  if (candidate.published < active.published) {
    return `Rule pack ${named(candidate)} is older than the active pack ${named(active)}, so it was not installed.`;
  }
  if (candidate.id !== active.id) return null;
  const order = comparePackVersions(candidate.version, active.version);
  if (order === 0) {
    return `Rule pack ${named(candidate)} is already the active pack, so there is nothing to install.`;
  }
  if (order < 0) {
    return `Rule pack ${named(candidate)} is older than the active pack ${named(active)} (a lower version), so it was not installed.`;
  }
  return null;
}
