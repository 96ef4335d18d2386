import type { RosterField } from '../../shared/domain/roster';

/** One person's values as a notice needs them, merged from their records (first non-empty wins). */
export interface PersonValues {
  name: string | null;
  accountId: string | null;
  email: string | null;
  /** The address block as printed on the envelope, or null without a usable postal address. */
  postalLines: string[] | null;
  /** The language their records name ("fr", "French", "fr-CA"), as read. */
  language: string | null;
  country: string | null;
}

type RecordValues = Partial<Record<RosterField, string>>;

function first(records: readonly RecordValues[], field: RosterField): string | null {
  for (const record of records) {
    const value = record[field]?.trim();
    if (value !== undefined && value !== '') return value;
  }
  return null;
}

/**
 * Merges the records a person was built from. A postal address is usable when it has a street
 * and a postal code or city; its lines follow the record that holds the street, so parts of two
 * different addresses are never mixed.
 */
export function personValues(records: readonly RecordValues[]): PersonValues {
  const given = first(records, 'givenName');
  const family = first(records, 'familyName');
  const name = first(records, 'fullName') ?? ([given, family].filter((p) => p !== null).join(' ') || null);
  const withStreet = records.find((r) => (r.street ?? '').trim() !== '');
  return {
    name,
    accountId: first(records, 'accountId') ?? first(records, 'personId'),
    email: first(records, 'email')?.toLowerCase() ?? null,
    postalLines: withStreet === undefined ? null : postalLines(name, withStreet),
    language: first(records, 'language'),
    country: first(records, 'country'),
  };
}

function postalLines(name: string | null, record: RecordValues): string[] | null {
  const street = (record.street ?? '').trim();
  const city = (record.city ?? '').trim();
  const region = (record.region ?? '').trim();
  const postalCode = (record.postalCode ?? '').trim();
  const country = (record.country ?? '').trim();
  if (street === '' || (postalCode === '' && city === '')) return null;
  const us = country === '' || /^(US|USA|United States( of America)?)$/i.test(country);
  // US style "City, ST 12345"; elsewhere "12345 City" (most of Europe), the country last.
  const locality = us
    ? [[city, region].filter((p) => p !== '').join(', '), postalCode].filter((p) => p !== '').join(' ')
    : [postalCode, city].filter((p) => p !== '').join(' ') + (region === '' ? '' : `\n${region}`);
  return [
    ...(name === null ? [] : [name]),
    ...street.split(/\r?\n/),
    ...locality.split('\n'),
    ...(us ? [] : [country.toUpperCase()]),
  ].filter((line) => line.trim() !== '');
}

/** "fr", "fr-CA", "French", "français" → "fr"; anything else English. */
export function languageOf(language: string | null, jurisdiction: string): 'en' | 'fr' {
  if (language !== null) {
    const l = language.trim().toLowerCase();
    if (l === 'fr' || l.startsWith('fr-') || l.startsWith('fr_') || l === 'french' || l.startsWith('fran'))
      return 'fr';
    if (l !== '') return 'en';
  }
  // Without a language of their own, people of a French-speaking jurisdiction read French.
  return ['FR', 'MC', 'LU', 'CA-QC'].includes(jurisdiction) ? 'fr' : 'en';
}
