import {
  DATA_ELEMENT_TERMS,
  dataElementLabel,
  type DataElementTerm,
} from '../../../../../shared/domain/data-elements';
import {
  UNKNOWN_RESIDENCY,
  type DatasetFormat,
  type ResidencySource,
} from '../../../../../shared/domain/roster';
import { jurisdictionName } from '../../../../../shared/jurisdictions/jurisdictions';

export const RESIDENCY_SOURCE_LABELS: Readonly<Record<ResidencySource, string>> = {
  column: 'Country or state column',
  postalCode: 'Postal code',
  phone: 'Phone number',
  unknown: 'Unknown',
};

export const FORMAT_LABELS: Readonly<Record<DatasetFormat, string>> = {
  csv: 'CSV',
  jsonl: 'JSON Lines',
  sqlite: 'SQLite',
};

/** "California (US-CA)"; people with no residency are named as such, never by a code. */
export function residencyLabel(code: string): string {
  if (code === UNKNOWN_RESIDENCY) return 'Residency unknown';
  const name = jurisdictionName(code);
  if (name === code) return code;
  // "California (US)" already says the country; the code that follows says it again.
  return `${name.endsWith(' (US)') ? name.slice(0, -5) : name} (${code})`;
}

export function elementLabel(term: DataElementTerm): string {
  return dataElementLabel(term, null);
}

/** "E-mail address + Password / credentials" for the key "email+password"; "No data element" for "". */
export function combinationLabel(key: string): string {
  if (key === '') return 'No data element';
  // In the vocabulary's order (name, e-mail, …), which reads better than the key's alphabetical one.
  const order = (term: string) => (isTerm(term) ? DATA_ELEMENT_TERMS.indexOf(term) : Infinity);
  return key
    .split('+')
    .sort((a, b) => order(a) - order(b))
    .map((term) => (isTerm(term) ? dataElementLabel(term, null) : term))
    .join(' + ');
}

/** A file's name without its folder, on either platform. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

/** The name without its last extension: the dataset name proposed for a file. */
export function stem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

const TERMS: ReadonlySet<string> = new Set(DATA_ELEMENT_TERMS);

export function isTerm(value: string): value is DataElementTerm {
  return TERMS.has(value);
}
