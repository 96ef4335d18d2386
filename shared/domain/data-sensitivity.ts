import { DATA_ELEMENT_VOCABULARY, type DataElementTerm } from './data-elements';

/**
 * How sensitive a data element is, in words a privacy officer uses. This is what the panel shows
 * and groups the picker by; the ENISA data category (simple, behavioural, financial, sensitive)
 * stays in the vocabulary and in the severity calculator, where it drives the score.
 */
export const SENSITIVITY_LABELS = {
  credentials: 'Credentials',
  financial: 'Financial',
  sensitive: 'Sensitive',
  behavioural: 'Behavioural',
  identity: 'Contact & identity',
} as const;

export type Sensitivity = keyof typeof SENSITIVITY_LABELS;

export const SENSITIVITIES = Object.keys(SENSITIVITY_LABELS) as Sensitivity[];

/** What each sensitivity covers, for the column's explanation. */
export const SENSITIVITY_HINT =
  'Credentials: passwords, PINs, access codes, keys and security answers. Financial: account and card ' +
  'numbers. Sensitive: ID numbers, health, biometric and special-category data. Behavioural: location ' +
  'and activity. Contact & identity: names, contact details, dates of birth. The ENISA category ' +
  'used by the severity calculator is shown there.';

/** Elements that let someone act as the person: what they know or hold to sign in or sign. */
const CREDENTIALS: ReadonlySet<DataElementTerm> = new Set<DataElementTerm>([
  'password',
  'security_question',
  'security_token',
  'account_access_code',
  'electronic_identifier',
  'employee_id',
  'private_key',
  'electronic_signature',
]);

/** The sensitivity of a data element; custom elements count as contact & identity. */
export function sensitivityOf(term: DataElementTerm): Sensitivity {
  if (CREDENTIALS.has(term)) return 'credentials';
  const category = DATA_ELEMENT_VOCABULARY.find((v) => v.term === term)?.category ?? 'simple';
  return category === 'simple' ? 'identity' : category;
}

/** The sensitivity label of a data element, as the panel shows it. */
export function sensitivityLabel(term: DataElementTerm): string {
  return SENSITIVITY_LABELS[sensitivityOf(term)];
}
