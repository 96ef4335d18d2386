import { z } from 'zod';
import caAgSample from './templates/ca-ag-sample.json' with { type: 'json' };
import caIndividualNotice from './templates/ca-individual-notice.json' with { type: 'json' };
import gdprArt33AuthorityEn from './templates/gdpr-art33-authority-en.json' with { type: 'json' };
import gdprArt33AuthorityFr from './templates/gdpr-art33-authority-fr.json' with { type: 'json' };
import gdprArt34SubjectsEn from './templates/gdpr-art34-subjects-en.json' with { type: 'json' };
import gdprArt34SubjectsFr from './templates/gdpr-art34-subjects-fr.json' with { type: 'json' };
import partnerDeletionRequest from './templates/partner-deletion-request.json' with { type: 'json' };
import passwordResetNotice from './templates/password-reset-notice.json' with { type: 'json' };
import dataOwnerGeneric from './templates/data-owner-generic.json' with { type: 'json' };
import usAgGeneric from './templates/us-ag-generic.json' with { type: 'json' };
import usCraGeneric from './templates/us-cra-generic.json' with { type: 'json' };
import usFtcSafeguardsNotice from './templates/us-ftc-safeguards-notice.json' with { type: 'json' };
import usResidentsGeneric from './templates/us-residents-generic.json' with { type: 'json' };
import substituteWebNotice from './templates/substitute-web-notice.json' with { type: 'json' };
import substituteMediaNotice from './templates/substitute-media-notice.json' with { type: 'json' };
import auOaicStatement from './templates/au-oaic-statement.json' with { type: 'json' };
import ukIcoReport from './templates/uk-ico-report.json' with { type: 'json' };
import nis2DoraIncidentReport from './templates/nis2-dora-incident-report.json' with { type: 'json' };
import hhsOcrNotice from './templates/hhs-ocr-notice.json' with { type: 'json' };
import secEightKDisclosureDraft from './templates/sec-8k-disclosure-draft.json' with { type: 'json' };
import caOpcReport from './templates/ca-opc-report.json' with { type: 'json' };
import authorityGeneric from './templates/authority-generic.json' with { type: 'json' };
import individualsGeneric from './templates/individuals-generic.json' with { type: 'json' };
import { type LetterTemplate, letterTemplateSchema } from './template';

/**
 * The letter templates Breachdesk ships, read from their data files and validated once. Order
 * is the order the template picker shows.
 */
const TEMPLATE_FILES: readonly unknown[] = [
  caIndividualNotice,
  caAgSample,
  gdprArt33AuthorityEn,
  gdprArt33AuthorityFr,
  gdprArt34SubjectsEn,
  gdprArt34SubjectsFr,
  usResidentsGeneric,
  usAgGeneric,
  usCraGeneric,
  usFtcSafeguardsNotice,
  ukIcoReport,
  nis2DoraIncidentReport,
  auOaicStatement,
  hhsOcrNotice,
  secEightKDisclosureDraft,
  caOpcReport,
  authorityGeneric,
  individualsGeneric,
  dataOwnerGeneric,
  partnerDeletionRequest,
  passwordResetNotice,
  substituteWebNotice,
  substituteMediaNotice,
];

export const LETTER_TEMPLATES: readonly LetterTemplate[] = Object.freeze(
  z.array(letterTemplateSchema).parse(TEMPLATE_FILES),
);

const byId = new Map(LETTER_TEMPLATES.map((t) => [t.id, t]));

/** The template with this id, or null. */
export function templateById(id: string): LetterTemplate | null {
  return byId.get(id) ?? null;
}

/**
 * Whether a template serves a rule: the rule is in its `ruleIds`, or the rule names it as the
 * template to draft from (the generic US templates serve every state's rules that way).
 */
export function servesRule(template: LetterTemplate, rule: { id: string; template: string | null }): boolean {
  return template.ruleIds.includes(rule.id) || rule.template === template.id;
}
