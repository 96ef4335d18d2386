import type { DataElementTerm } from '../../shared/domain/data-elements';
import { RESIDENCY_SOURCES, type RosterField, type RosterMapping } from '../../shared/domain/roster';
import {
  normaliseAccountId,
  normaliseDateOfBirth,
  normaliseEmail,
  normaliseName,
  normalisePhone,
  normalisePostalCode,
  suggestionKey,
} from './normalise';
import { resolveResidency } from './residency';

/** A source row turned into what the roster stores: keys, residency, elements, values. */
export interface BuiltRecord {
  account: string | null;
  email: string | null;
  phone: string | null;
  suggest: string | null;
  jurisdiction: string;
  /** Index into RESIDENCY_SOURCES. */
  residency: number;
  elements: readonly DataElementTerm[];
  /** The row's roster fields as read (trimmed, empty ones left out). */
  values: Partial<Record<RosterField, string>>;
}

/**
 * Reads rows of one dataset through its mapping. Built once per import: the columns a row is
 * read from are resolved to positions up front, and the element lists are shared between rows
 * that expose the same columns, so ten million rows cost no more than their own values.
 */
export class RecordBuilder {
  /** The columns to read, in the order `values` arrives. */
  readonly columns: readonly string[];
  readonly #fields: readonly (RosterField | null)[];
  readonly #byColumn: readonly (DataElementTerm | null)[];
  readonly #always: readonly DataElementTerm[];
  readonly #elementLists = new Map<string, readonly DataElementTerm[]>();

  constructor(mapping: RosterMapping) {
    const columns = [...new Set([...Object.keys(mapping.columns), ...Object.keys(mapping.exposesByColumn)])];
    this.columns = columns;
    this.#fields = columns.map((c) => mapping.columns[c] ?? null);
    this.#byColumn = columns.map((c) => mapping.exposesByColumn[c] ?? null);
    this.#always = [...new Set(mapping.exposes)].sort();
  }

  build(values: readonly string[]): BuiltRecord {
    const read: Partial<Record<RosterField, string>> = {};
    let exposedKey = '';
    for (let i = 0; i < values.length; i++) {
      const value = (values[i] ?? '').trim();
      if (value === '') continue;
      const field = this.#fields[i];
      if (field !== null && field !== undefined && read[field] === undefined) read[field] = value;
      if (this.#byColumn[i] !== null) exposedKey += `${i},`;
    }
    const phone = read.phone === undefined ? null : normalisePhone(read.phone, countryHint(read.country));
    const residency = resolveResidency({
      country: read.country ?? null,
      region: read.region ?? null,
      postalCode: read.postalCode ?? null,
      phoneCountry: phone?.country ?? null,
    });
    const dateOfBirth = read.dateOfBirth === undefined ? null : normaliseDateOfBirth(read.dateOfBirth);
    const postalCode = read.postalCode === undefined ? null : normalisePostalCode(read.postalCode);
    // The name only serves the suggestion key, which needs all three: skip it otherwise.
    const name =
      dateOfBirth === null || postalCode === null
        ? null
        : read.fullName !== undefined
          ? normaliseName(read.fullName)
          : read.givenName !== undefined || read.familyName !== undefined
            ? normaliseName(`${read.givenName ?? ''} ${read.familyName ?? ''}`)
            : null;
    const account =
      read.accountId !== undefined
        ? normaliseAccountId(read.accountId)
        : read.personId !== undefined
          ? prefixed(normaliseAccountId(read.personId))
          : null;
    return {
      account,
      email: read.email === undefined ? null : normaliseEmail(read.email),
      phone: phone?.e164 ?? null,
      suggest: suggestionKey(name, dateOfBirth, postalCode),
      jurisdiction: residency.jurisdiction,
      residency: RESIDENCY_SOURCES.indexOf(residency.source),
      elements: this.#elements(exposedKey),
      values: read,
    };
  }

  /** The elements a row exposed: the dataset's own plus those of its non-empty columns. */
  #elements(exposedKey: string): readonly DataElementTerm[] {
    const known = this.#elementLists.get(exposedKey);
    if (known !== undefined) return known;
    const terms = new Set(this.#always);
    for (const index of exposedKey.split(',')) {
      if (index === '') continue;
      const term = this.#byColumn[Number(index)];
      if (term !== null && term !== undefined) terms.add(term);
    }
    const list = [...terms].sort();
    this.#elementLists.set(exposedKey, list);
    return list;
  }
}

/** A person id used as the account key when no account id is mapped; kept apart from account ids. */
function prefixed(id: string | null): string | null {
  return id === null ? null : `person:${id}`;
}

/** A two-letter country column helps read national phone numbers; anything else does not. */
function countryHint(country: string | undefined): string | null {
  if (country === undefined) return null;
  const code = country.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}
