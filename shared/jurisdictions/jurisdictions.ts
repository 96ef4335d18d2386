import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { z } from 'zod';
import { CA_SUBDIVISIONS } from './ca-provinces';
import { US_SUBDIVISIONS } from './us-states';

countries.registerLocale(english);

export interface Jurisdiction {
  code: string;
  name: string;
}

/**
 * Codes that are not a single country but that breach counts need: "EU" is the ISO 3166-1
 * exceptionally reserved code for the European Union, "ZZ" the user-assigned "unknown" code.
 */
const GROUPS: Readonly<Record<string, string>> = {
  EU: 'European Union (member states not listed separately)',
  ZZ: 'Rest of world / unknown',
};

/** Every jurisdiction a population row may name, sorted by name: countries, US states, groups. */
export const JURISDICTIONS: readonly Jurisdiction[] = [
  ...Object.entries(countries.getNames('en', { select: 'official' })),
  ...Object.entries(US_SUBDIVISIONS),
  ...Object.entries(CA_SUBDIVISIONS),
  ...Object.entries(GROUPS),
]
  .map(([code, name]) => ({
    code,
    name: code.startsWith('US-') ? `${name} (US)` : code.startsWith('CA-') ? `${name} (Canada)` : name,
  }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

const byCode = new Map(JURISDICTIONS.map((j) => [j.code, j]));

export function jurisdictionName(code: string): string {
  return byCode.get(code)?.name ?? code;
}

export function isJurisdictionCode(code: string): boolean {
  return byCode.has(code);
}

export const jurisdictionCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isJurisdictionCode, 'Unknown jurisdiction code (use ISO 3166 codes such as FR or US-CA)');

/** Matches a search text against code and name, for the searchable picker. */
export function searchJurisdictions(query: string, limit = 20): Jurisdiction[] {
  const q = query.trim().toLowerCase();
  if (q === '') return JURISDICTIONS.slice(0, limit);
  const exact = JURISDICTIONS.filter((j) => j.code.toLowerCase() === q);
  const rest = JURISDICTIONS.filter(
    (j) =>
      j.code.toLowerCase() !== q && (j.name.toLowerCase().includes(q) || j.code.toLowerCase().startsWith(q)),
  );
  return [...exact, ...rest].slice(0, limit);
}
