import { z } from 'zod';

/** ENISA 2013 data categories (DOMAIN.md §2.1): the base of the data processing context. */
export const DPC_CATEGORIES = [
  {
    base: 1,
    id: 'simple',
    label: 'Simple data',
    examples: 'name, contact details, biographical, education, family',
  },
  {
    base: 2,
    id: 'behavioural',
    label: 'Behavioural data',
    examples: 'location, traffic data, preferences, habits',
  },
  {
    base: 3,
    id: 'financial',
    label: 'Financial data',
    examples: 'income, transactions, bank statements, card data',
  },
  {
    base: 4,
    id: 'sensitive',
    label: 'Sensitive data',
    examples: 'health, political opinions, sexual life (Art. 9-type)',
  },
] as const;

export const EI_LEVELS = [
  { value: 0.25, label: 'Negligible' },
  { value: 0.5, label: 'Limited' },
  { value: 0.75, label: 'Significant' },
  { value: 1, label: 'Maximum' },
] as const;

const rationale = z.string().max(5_000).default('');
const quarter = z.union([z.literal(0), z.literal(0.25), z.literal(0.5)]);

export const enisaInputSchema = z
  .object({
    dpc: z
      .object({
        /** The highest category among the data (credentials inherit what they unlock). */
        category: z.enum(['simple', 'behavioural', 'financial', 'sensitive']),
        /** After the context adjustments: 1 to 4. */
        score: z.number().min(1).max(4),
        rationale,
      })
      .strict(),
    ei: z
      .object({ value: z.union([z.literal(0.25), z.literal(0.5), z.literal(0.75), z.literal(1)]), rationale })
      .strict(),
    cb: z
      .object({
        confidentiality: quarter,
        integrity: quarter,
        availability: quarter,
        malicious: z.union([z.literal(0), z.literal(0.5)]),
        rationale,
      })
      .strict(),
  })
  .strict();
export type EnisaInput = z.output<typeof enisaInputSchema>;

export const SEVERITY_BANDS = ['low', 'medium', 'high', 'very_high'] as const;
export type SeverityBand = (typeof SEVERITY_BANDS)[number];

export const BAND_LABELS: Record<SeverityBand, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  very_high: 'Very high',
};

export interface EnisaScore {
  cb: number;
  score: number;
  band: SeverityBand;
  /** "SE = DPC × EI + CB = 1 × 1 + 0.25 = 1.25" */
  arithmetic: string;
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** SE = DPC × EI + CB, and its band (< 2 low, < 3 medium, < 4 high, else very high). */
export function enisaScore(input: EnisaInput): EnisaScore {
  const { confidentiality, integrity, availability, malicious } = input.cb;
  const cb = round(confidentiality + integrity + availability + malicious);
  const score = round(input.dpc.score * input.ei.value + cb);
  const band: SeverityBand = score < 2 ? 'low' : score < 3 ? 'medium' : score < 4 ? 'high' : 'very_high';
  return {
    cb,
    score,
    band,
    arithmetic: `SE = DPC × EI + CB = ${input.dpc.score} × ${input.ei.value} + ${cb} = ${score}`,
  };
}

/**
 * The GDPR risk level a band suggests, for a person to confirm or change: a high or very high
 * severity suggests a high risk (Art. 34); anything lower still a risk (Art. 33).
 */
export function suggestedRisk(band: SeverityBand): 'risk' | 'high' {
  return band === 'high' || band === 'very_high' ? 'high' : 'risk';
}

/** The EDPB / WP250 factors to consider when assessing risk (DOMAIN.md §2.2). */
export const EDPB_FACTORS = [
  { id: 'type', label: 'Type of breach (confidentiality, integrity, availability)' },
  { id: 'sensitivity', label: 'Nature, sensitivity and volume of the personal data' },
  { id: 'identification', label: 'Ease of identification of individuals' },
  {
    id: 'consequences',
    label: 'Severity of consequences (identity theft, fraud, financial loss, reputation, discrimination)',
  },
  { id: 'vulnerable', label: 'Special characteristics of the individuals (children, vulnerable persons)' },
  { id: 'controller', label: 'Special characteristics of the controller' },
  { id: 'number', label: 'Number of affected individuals' },
  { id: 'exfiltration', label: 'Exfiltration cannot be ruled out (logs)' },
  { id: 'encryption', label: 'No state-of-the-art encryption with an uncompromised key' },
  { id: 'backup', label: 'No backup, or availability restored slowly' },
] as const;
