const COUNT_MAX = 10_000_000_000;

/** Reads "1240", "1,240" or "1 240" as a whole number of people; null when it is not one. */
export function parseCount(text: string): number | null {
  const digits = text.trim().replace(/[\s,'_\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) && value <= COUNT_MAX ? value : null;
}

export const COUNT_PROBLEM = 'Enter a whole number of people (for example 1240 or 1,240)';
