import { z } from 'zod';
import { patchSchemaOf } from './patch';

/**
 * The controlled vocabulary of personal-data elements. `category` is the ENISA data category
 * the element starts from (DOMAIN.md §2.1): simple, behavioural, financial or sensitive.
 */
export const DATA_ELEMENT_VOCABULARY = [
  { term: 'name', label: 'Name', category: 'simple' },
  { term: 'email', label: 'E-mail address', category: 'simple' },
  { term: 'username', label: 'Username', category: 'simple' },
  { term: 'password', label: 'Password / credentials', category: 'simple' },
  { term: 'security_question', label: 'Security question and answer', category: 'simple' },
  { term: 'gender', label: 'Gender', category: 'simple' },
  { term: 'date_of_birth', label: 'Date of birth', category: 'simple' },
  { term: 'postal_address', label: 'Postal address', category: 'simple' },
  { term: 'phone', label: 'Phone number', category: 'simple' },
  { term: 'government_id', label: 'Government ID number', category: 'sensitive' },
  { term: 'ssn', label: 'Social Security number', category: 'sensitive' },
  { term: 'drivers_licence', label: "Driver's licence / state ID", category: 'sensitive' },
  { term: 'passport', label: 'Passport number', category: 'sensitive' },
  { term: 'financial_account', label: 'Financial account number', category: 'financial' },
  { term: 'payment_card', label: 'Payment card number', category: 'financial' },
  { term: 'health', label: 'Health information', category: 'sensitive' },
  { term: 'biometric', label: 'Biometric data', category: 'sensitive' },
  { term: 'precise_geolocation', label: 'Precise geolocation', category: 'behavioural' },
  // Elements some US states name in their definitions of personal information (issue 17).
  { term: 'tin', label: 'Taxpayer ID (TIN, ITIN) or IRS identity-protection PIN', category: 'sensitive' },
  { term: 'military_id', label: 'Military ID number', category: 'sensitive' },
  { term: 'health_insurance', label: 'Health-insurance policy or subscriber number', category: 'sensitive' },
  { term: 'genetic', label: 'Genetic data', category: 'sensitive' },
  { term: 'birth_marriage_certificate', label: 'Birth or marriage certificate', category: 'sensitive' },
  { term: 'private_key', label: 'Private key for electronic signatures', category: 'financial' },
  { term: 'security_token', label: 'Shared secret or security token', category: 'simple' },
  { term: 'employee_id', label: 'Employee ID number with its access code or password', category: 'simple' },
  { term: 'mothers_maiden_name', label: "Mother's maiden name", category: 'simple' },
  {
    term: 'electronic_identifier',
    label: 'Unique electronic identifier or routing code, with its access code',
    category: 'financial',
  },
  { term: 'electronic_signature', label: 'Digitized or electronic signature', category: 'financial' },
  {
    term: 'account_access_code',
    label: 'Access code or password of a financial account',
    category: 'financial',
  },
  { term: 'special_category', label: 'Special-category data (GDPR Art. 9)', category: 'sensitive' },
  { term: 'custom', label: 'Other (describe)', category: 'simple' },
] as const;

export type DataElementTerm = (typeof DATA_ELEMENT_VOCABULARY)[number]['term'];
export const DATA_ELEMENT_TERMS = DATA_ELEMENT_VOCABULARY.map((v) => v.term) as [
  DataElementTerm,
  ...DataElementTerm[],
];

export function dataElementLabel(term: DataElementTerm, customLabel: string | null): string {
  if (term === 'custom') return customLabel ?? 'Other';
  return DATA_ELEMENT_VOCABULARY.find((v) => v.term === term)?.label ?? term;
}

const dataElementFields = {
  term: z.enum(DATA_ELEMENT_TERMS),
  customLabel: z.string().trim().max(200).nullable().default(null),
  encrypted: z.boolean().default(false),
  keyCompromised: z.boolean().default(false),
  note: z.string().max(2000).default(''),
};

export const dataElementInputSchema = z
  .object(dataElementFields)
  .strict()
  .refine((e) => e.term !== 'custom' || (e.customLabel ?? '') !== '', {
    message: 'Describe the custom data element',
    path: ['customLabel'],
  });
export const dataElementPatchSchema = patchSchemaOf(dataElementFields);
export const dataElementSchema = z.object({ id: z.uuid(), ...dataElementFields });
export type DataElement = z.output<typeof dataElementSchema>;
export type DataElementInput = z.input<typeof dataElementInputSchema>;
