import { z } from 'zod';
import { zonedTimeSchema } from '../time/zoned-time';
import { patchSchemaOf } from './patch';

export const BREACH_NATURES = ['confidentiality', 'integrity', 'availability'] as const;
export const INCIDENT_STATUSES = ['suspected', 'confirmed', 'contained', 'resolved'] as const;
export const ORGANISATION_ROLES = ['controller', 'processor', 'joint_controller'] as const;
export const CONTACT_KINDS = ['dpo', 'contact_point'] as const;

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
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to change');
export type FactsPatch = z.output<typeof factsPatchSchema>;
