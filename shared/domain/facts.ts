import { z } from 'zod';
import { REGIME_DECISIONS, regimeDecisionSchema } from '../obligations/regime-decisions';
import { zonedTimeSchema } from '../time/zoned-time';
import { patchSchemaOf } from './patch';

export const BREACH_NATURES = ['confidentiality', 'integrity', 'availability'] as const;
export const INCIDENT_STATUSES = ['suspected', 'confirmed', 'contained', 'resolved'] as const;
export const ORGANISATION_ROLES = ['controller', 'processor', 'joint_controller'] as const;
export const CONTACT_KINDS = ['dpo', 'contact_point'] as const;

/**
 * The regulated roles sector rules are written for (the GLBA "financial institution" is its own
 * field, `financialInstitution`, read by the FTC Safeguards Rule since the US rules landed).
 */
export const REGULATED_ROLES = [
  'nis2_essential',
  'nis2_important',
  'dora_financial_entity',
  'hipaa_covered_entity',
  'hipaa_business_associate',
  'sec_registrant',
  'uk_pecr_provider',
  'ch_critical_infrastructure',
] as const;
export type RegulatedRole = (typeof REGULATED_ROLES)[number];

/** An ISO 3166-1 alpha-2 country code. */
const countryCode = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'An ISO 3166 code such as "DE" (or a subdivision such as "CA-QC")');

const text = (max: number) => z.string().max(max);

const organisationFields = {
  address: text(500).default(''),
  role: z.enum(ORGANISATION_ROLES).default('controller'),
  contactKind: z.enum(CONTACT_KINDS).default('dpo'),
  contactName: text(200).default(''),
  contactEmail: text(200).default(''),
  contactPhone: text(100).default(''),
  /** Country of the main establishment (ISO 3166 code): decides the GDPR lead authority. */
  establishment: text(10).default(''),
  /** A "financial institution" under GLBA (the FTC Safeguards Rule applies). */
  financialInstitution: z.boolean().default(false),
  /** Sector roles the organisation holds (NIS2 entity, DORA financial entity, HIPAA, SEC…). */
  regulatedRoles: z.array(z.enum(REGULATED_ROLES)).max(REGULATED_ROLES.length).default([]),
  /**
   * Every country where the organisation is established (subsidiaries, branches), the main
   * establishment's included or not: NIS2 reports go to each Member State of establishment.
   */
  establishedIn: z.array(countryCode).max(300).default([]),
};

/** The organisation as the law sees it: where it is, its role, and whom regulators can reach. */
const organisationDetailsSchema = z.object(organisationFields);

const nullableTime = zonedTimeSchema.nullable().default(null);

export const factsSchema = z.object({
  summary: text(20_000).default(''),
  nature: z.array(z.enum(BREACH_NATURES)).default([]),
  cause: text(20_000).default(''),
  /** Likely consequences for the people affected (GDPR Art. 33(3)(c)). */
  consequences: text(20_000).default(''),
  /** Measures taken or proposed, including to mitigate adverse effects (Art. 33(3)(d)). */
  measures: text(20_000).default(''),
  discoveredAt: nullableTime,
  /** Reasonable certainty that personal data was compromised: the notification clocks start here. */
  awareAt: nullableTime,
  containedAt: nullableTime,
  exposureStart: nullableTime,
  exposureEnd: nullableTime,
  lawEnforcementDelay: z
    .object({ requested: z.boolean().default(false), note: text(2000).default('') })
    .default({ requested: false, note: '' }),
  status: z.enum(INCIDENT_STATUSES).default('suspected'),
  organisation: organisationDetailsSchema.default(organisationDetailsSchema.parse({})),
  /** The regime decisions a person recorded (answer, date, basis); a missing one is undecided. */
  decisions: z.partialRecord(z.enum(REGIME_DECISIONS), regimeDecisionSchema).default({}),
});
export type Facts = z.output<typeof factsSchema>;

export const EMPTY_FACTS: Facts = factsSchema.parse({});

export const factsPatchSchema = z
  .object({
    summary: text(20_000),
    nature: z.array(z.enum(BREACH_NATURES)),
    cause: text(20_000),
    consequences: text(20_000),
    measures: text(20_000),
    discoveredAt: zonedTimeSchema.nullable(),
    awareAt: zonedTimeSchema.nullable(),
    containedAt: zonedTimeSchema.nullable(),
    exposureStart: zonedTimeSchema.nullable(),
    exposureEnd: zonedTimeSchema.nullable(),
    lawEnforcementDelay: z.object({ requested: z.boolean(), note: text(2000) }),
    status: z.enum(INCIDENT_STATUSES),
    organisation: patchSchemaOf(organisationFields),
    /** Each decision given replaces the recorded one; null takes it back (undecided again). */
    decisions: z.partialRecord(z.enum(REGIME_DECISIONS), regimeDecisionSchema.nullable()),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to change');
export type FactsPatch = z.output<typeof factsPatchSchema>;
