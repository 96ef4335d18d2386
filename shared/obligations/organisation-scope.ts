import type { Facts, RegulatedRole } from '../domain/facts';
import { EEA_COUNTRY_CODES } from '../jurisdictions/eea';
import { jurisdictionName } from '../jurisdictions/jurisdictions';
import type { Trigger } from './rule-pack';

/** Each regulated role as Facts › Organisation names it. */
export const REGULATED_ROLE_NAMES: Readonly<Record<RegulatedRole, string>> = {
  nis2_essential: 'NIS2 essential entity',
  nis2_important: 'NIS2 important entity',
  dora_financial_entity: 'DORA financial entity',
  hipaa_covered_entity: 'HIPAA covered entity',
  hipaa_business_associate: 'HIPAA business associate',
  sec_registrant: 'SEC registrant (Exchange Act reporting company)',
  uk_pecr_provider: 'UK public electronic communications service provider (PECR)',
  ch_critical_infrastructure: 'Swiss critical-infrastructure operator (ISA Art. 74b)',
};

/** "an SEC registrant", "a DORA financial entity": the article as the name is spoken. */
export function withArticle(role: RegulatedRole): string {
  const name = REGULATED_ROLE_NAMES[role];
  return /^(SEC|NIS2)\b/.test(name) ? `an ${name}` : `a ${name}`;
}

/** The EEA states outside the EU: "EU" in a rule's `establishedIn` does not reach them. */
const EEA_NOT_EU = new Set(['IS', 'LI', 'NO']);
const EU_MEMBER_STATES: readonly string[] = EEA_COUNTRY_CODES.filter((code) => !EEA_NOT_EU.has(code));

/** Every country the organisation is recorded as established in, its main establishment first. */
export function countriesOfEstablishment(organisation: Facts['organisation']): string[] {
  const main = organisation.establishment === '' ? [] : [organisation.establishment];
  return [...new Set([...main, ...organisation.establishedIn])];
}

/**
 * Why a rule written for a kind of organisation (GLBA financial institution, a regulated role,
 * an establishment in given countries) does not reach this one, or null when it does.
 */
export function organisationRefusal(trigger: Trigger, organisation: Facts['organisation']): string | null {
  if (trigger.financialInstitution === true && !organisation.financialInstitution) {
    return 'Applies only to financial institutions under the Gramm-Leach-Bliley Act; the organisation is not recorded as one.';
  }
  const roles = trigger.regulatedRoles;
  if (roles !== null && !roles.some((role) => organisation.regulatedRoles.includes(role))) {
    return `Applies only to ${roles.map(withArticle).join(' or ')}; the organisation is not recorded as one (Facts › Organisation › Regulated roles).`;
  }
  const within = trigger.establishedIn;
  if (within !== null) {
    const places = new Set(within.flatMap((code) => (code === 'EU' ? EU_MEMBER_STATES : [code])));
    const countries = countriesOfEstablishment(organisation);
    if (!countries.some((code) => places.has(code) || places.has(code.split('-')[0] ?? code))) {
      const wanted = within
        .map((code) => (code === 'EU' ? 'an EU member state' : jurisdictionName(code)))
        .join(' or ');
      return countries.length === 0
        ? `Applies to organisations established in ${wanted}; no country of establishment is recorded (Facts › Organisation).`
        : `Applies to organisations established in ${wanted}; the organisation is recorded as established in ${countries.map(jurisdictionName).join(', ')}.`;
    }
  }
  return null;
}
