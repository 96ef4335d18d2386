import type { RosterField } from '../domain/roster';

/**
 * A roster value as shown until a person asks to see it: enough to tell records apart and to
 * confirm a lookup hit, not enough to read someone's address over a shoulder or in a screenshot.
 */
export function maskRosterValue(field: RosterField, value: string): string {
  if (MASKED_FIELDS.has(field)) return MASKERS[field]?.(value) ?? maskText(value);
  return value;
}

/** Contact data and what identifies a person directly; ids, country and language stay readable. */
const MASKED_FIELDS: ReadonlySet<RosterField> = new Set<RosterField>([
  'fullName',
  'givenName',
  'familyName',
  'email',
  'phone',
  'street',
  'city',
  'postalCode',
  'dateOfBirth',
]);

const MASKERS: Partial<Record<RosterField, (value: string) => string>> = {
  email: maskEmail,
  phone: (value) =>
    `${'•'.repeat(Math.max(3, value.replace(/\D/g, '').length - 2))}${value.replace(/\D/g, '').slice(-2)}`,
  dateOfBirth: () => '••••-••-••',
};

function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 1) return maskText(value);
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const top = dot === -1 ? '' : domain.slice(dot);
  return `${value[0] ?? ''}•••@${domain[0] ?? ''}•••${top}`;
}

/** Each word's first letter, the rest dotted. */
function maskText(value: string): string {
  return value
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => `${[...word][0] ?? ''}•••`)
    .join(' ');
}
