import { EEA_COUNTRY_CODES } from '../jurisdictions/eea';
import type { Rule } from '../obligations/rule-pack';
import type { LetterTemplate } from './template';
import { templateById } from './templates';

/** The template a notice's letter is drafted from, or why none is offered. */
export type NoticeTemplateChoice =
  | { template: LetterTemplate; generic: boolean; reason: null }
  | { template: null; generic: false; reason: string };

type RuleLike = Pick<Rule, 'id' | 'template' | 'jurisdiction' | 'recipient'>;

const isUsState = (jurisdiction: string) => jurisdiction.startsWith('US-');

/**
 * Where the GDPR's generic letters fit: the EU, its member states and the other EEA states, and
 * the UK (whose GDPR has the same Art. 33 and 34). Elsewhere (Canada, Japan…) their GDPR wording
 * would mislead, so the neutral generic letters are offered instead.
 */
const GDPR_AREA: ReadonlySet<string> = new Set<string>(['EU', 'GB', ...EEA_COUNTRY_CODES]);
const inGdprArea = (jurisdiction: string) => GDPR_AREA.has(jurisdiction);

/**
 * The generic template fitting a recipient kind where a rule names none: a US state's residents,
 * its attorney general or agencies, the consumer reporting agencies, a GDPR authority or the
 * people affected under the GDPR, the data owner. Elsewhere (Canada, Switzerland, Asia-Pacific,
 * Brazil, and US federal notices such as HIPAA's) the neutral report to an authority and notice
 * to the people affected, which name no law, so the rule's own required content decides what is
 * checked. Null when none fits (the consumer reporting agencies outside the US; an authority of
 * the GDPR area other than its data protection authority, whose rules name their template).
 */
export function genericTemplateIdFor(rule: RuleLike): string | null {
  const us = isUsState(rule.jurisdiction);
  const gdpr = inGdprArea(rule.jurisdiction);
  switch (rule.recipient.kind) {
    case 'affected_individuals':
      return us ? 'us-residents-generic' : gdpr ? 'gdpr-art34-subjects-en' : 'individuals-generic';
    case 'attorney_general':
    case 'state_police':
    case 'other_regulator':
      return us ? 'us-ag-generic' : gdpr ? null : 'authority-generic';
    case 'consumer_reporting_agencies':
      return us || rule.jurisdiction === 'US' ? 'us-cra-generic' : null;
    case 'supervisory_authority':
      return gdpr ? 'gdpr-art33-authority-en' : 'authority-generic';
    case 'data_owner':
      // A service provider's notice to the business whose data it holds, US or GDPR alike.
      return 'data-owner-generic';
  }
}

/**
 * The template to draft a notice's letter from: the one its rule names, else the generic one for
 * its recipient kind (checked against the rule's own required content), else why none is offered.
 */
export function templateForRule(rule: RuleLike): NoticeTemplateChoice {
  const named = rule.template === null ? null : templateById(rule.template);
  if (named !== null) return { template: named, generic: named.id.endsWith('-generic'), reason: null };
  const genericId = genericTemplateIdFor(rule);
  const generic = genericId === null ? null : templateById(genericId);
  if (generic !== null) return { template: generic, generic: true, reason: null };
  return {
    template: null,
    generic: false,
    reason:
      rule.recipient.kind === 'data_owner'
        ? 'Breachdesk has no letter template for a notice to the data owner (the business whose data you hold): write it outside Breachdesk, then record it here with Mark sent….'
        : `No letter template fits a notice to ${rule.recipient.name}: the generic templates are for a US state's residents, agencies and the consumer reporting agencies, for GDPR (and UK GDPR) authorities and data subjects, and for other authorities and people affected outside the GDPR area; write it outside Breachdesk, then record it here with Mark sent….`,
  };
}
