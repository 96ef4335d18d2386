import { z } from 'zod';
import { patchSchemaOf } from './patch';
import { zonedTimeSchema } from '../time/zoned-time';

export const PARTY_KINDS = [
  'partner',
  'processor',
  'regulator',
  'counsel',
  'law_enforcement',
  'other',
] as const;
export const PARTY_KIND_LABELS: Record<(typeof PARTY_KINDS)[number], string> = {
  partner: 'Partner',
  processor: 'Processor',
  regulator: 'Regulator',
  counsel: 'Counsel',
  law_enforcement: 'Law enforcement',
  other: 'Other',
};

export const PARTY_ACTION_KINDS = [
  'deletion_requested',
  'deletion_confirmed',
  'notified',
  'contacted',
  'data_returned',
  'other',
] as const;
export const PARTY_ACTION_LABELS: Record<(typeof PARTY_ACTION_KINDS)[number], string> = {
  deletion_requested: 'Deletion requested',
  deletion_confirmed: 'Deletion confirmed',
  notified: 'Notified',
  contacted: 'Contacted',
  data_returned: 'Data returned',
  other: 'Other',
};

const partyFields = {
  name: z.string().trim().min(1, 'Name cannot be empty').max(200),
  kind: z.enum(PARTY_KINDS),
  /** What the party is to this incident ("received account data", "lead supervisory authority"). */
  role: z.string().max(500).default(''),
  contactName: z.string().max(200).default(''),
  email: z.string().max(200).default(''),
  phone: z.string().max(100).default(''),
  address: z.string().max(500).default(''),
  notes: z.string().max(5000).default(''),
};

const partyActionFields = {
  kind: z.enum(PARTY_ACTION_KINDS),
  at: zonedTimeSchema,
  note: z.string().max(2000).default(''),
};

export const partyActionInputSchema = z.object({ partyId: z.uuid(), ...partyActionFields }).strict();
const partyActionSchema = z.object({ id: z.uuid(), ...partyActionFields });
export type PartyAction = z.output<typeof partyActionSchema>;

export const partyInputSchema = z.object(partyFields).strict();
export const partyPatchSchema = patchSchemaOf(partyFields);
export const partySchema = z.object({ id: z.uuid(), ...partyFields, actions: z.array(partyActionSchema) });
export type Party = z.output<typeof partySchema>;
export type PartyInput = z.input<typeof partyInputSchema>;
