import {
  DATA_ELEMENT_VOCABULARY,
  dataElementLabel,
  type DataElement,
  type DataElementTerm,
} from '../../../../shared/domain/data-elements';
import type { Facts } from '../../../../shared/domain/facts';
import { DPC_CATEGORIES } from '../../../../shared/severity/enisa';
import type { CbLevel, DpcCategory, SeverityDraft } from '../../stores/severity-store';

/** How sensitive a kind of data is, in the words shown to people (the ENISA category stays in the calculator). */
export type Sensitivity = 'credentials' | DpcCategory;

export const SENSITIVITY_WORDS: Record<Sensitivity, string> = {
  credentials: 'credentials',
  simple: 'simple',
  behavioural: 'behavioural',
  financial: 'financial',
  sensitive: 'sensitive',
};

/**
 * Elements that open an account: ENISA (DOMAIN.md §2.1) scores credentials by what they unlock,
 * never as simple data by themselves. A financial account's access code unlocks money.
 */
const CREDENTIALS: Partial<Record<DataElementTerm, DpcCategory | null>> = {
  password: null,
  security_question: null,
  security_token: null,
  employee_id: null,
  account_access_code: 'financial',
};

/** Elements that name a person outright (maximum ease of identification). */
const IDENTIFYING: readonly DataElementTerm[] = [
  'name',
  'government_id',
  'ssn',
  'passport',
  'drivers_licence',
  'tin',
  'military_id',
  'biometric',
  'genetic',
  'birth_marriage_certificate',
];
/** Elements that point to a person with a little effort (significant). */
const POINTING: readonly DataElementTerm[] = ['email', 'username', 'phone', 'postal_address', 'employee_id'];

const RANK: Record<DpcCategory, number> = { simple: 1, behavioural: 2, financial: 3, sensitive: 4 };

function vocabularyCategory(term: DataElementTerm): DpcCategory {
  return DATA_ELEMENT_VOCABULARY.find((v) => v.term === term)?.category ?? 'simple';
}

/** One recorded element as the suggestion reads it. */
export interface ElementReading {
  label: string;
  sensitivity: Sensitivity;
  /** The ENISA category it counts as (credentials: what they unlock). */
  category: DpcCategory;
}

/** The calculator's inputs the facts suggest, with the reasons; null when there is nothing to go on. */
export interface SeveritySuggestion {
  patch: Pick<
    SeverityDraft,
    | 'category'
    | 'dpcScore'
    | 'dpcRationale'
    | 'ei'
    | 'eiRationale'
    | 'confidentiality'
    | 'integrity'
    | 'availability'
    | 'cbRationale'
  >;
  elements: ElementReading[];
}

function highest(categories: readonly DpcCategory[]): DpcCategory {
  return categories.reduce<DpcCategory>((top, c) => (RANK[c] > RANK[top] ? c : top), 'simple');
}

function categoryName(category: DpcCategory): string {
  return (DPC_CATEGORIES.find((c) => c.id === category)?.label ?? category).toLowerCase();
}

/**
 * Where the calculator starts on a case with no saved assessment: the data category from the data
 * elements recorded (the highest; credentials inherit the highest of the other data, the account
 * they open holding it), the ease of identification from whether the data names people, and a
 * loss of confidentiality, integrity or availability from the nature of the breach. A suggestion
 * for a person to check, with the reason for each choice; null while no data element is recorded.
 */
export function suggestFromFacts(
  elements: readonly DataElement[],
  nature: Facts['nature'],
): SeveritySuggestion | null {
  if (elements.length === 0) return null;
  const plain = elements.filter((e) => !(e.term in CREDENTIALS));
  const othersTop = highest(plain.map((e) => vocabularyCategory(e.term)));
  const readings: ElementReading[] = elements.map((e) => {
    const label = dataElementLabel(e.term, e.customLabel);
    if (!(e.term in CREDENTIALS)) {
      const category = vocabularyCategory(e.term);
      return { label, sensitivity: category, category };
    }
    return { label, sensitivity: 'credentials', category: CREDENTIALS[e.term] ?? othersTop };
  });
  const category = highest(readings.map((r) => r.category));
  const base = DPC_CATEGORIES.find((c) => c.id === category)?.base ?? 1;
  const credentials = readings.filter((r) => r.sensitivity === 'credentials');
  const credentialText =
    credentials.length === 0
      ? ''
      : ` Credentials (${credentials.map((r) => r.label.toLowerCase()).join(', ')}) count as what they unlock, taken here as ${categoryName(highest(credentials.map((r) => r.category)))}: raise the score if they unlock more (online banking, health records) or may be reused elsewhere.`;
  const dpcRationale = `Suggested from the data elements recorded: the highest category is ${categoryName(category)} (base ${base}).${credentialText}`;

  const terms = new Set(elements.map((e) => e.term));
  const names = IDENTIFYING.filter((t) => terms.has(t));
  const points = POINTING.filter((t) => terms.has(t));
  const [ei, eiRationale]: [SeverityDraft['ei'], string] =
    names.length > 0
      ? [
          1,
          `Suggested: the data names people directly (${names.map((t) => dataElementLabel(t, null).toLowerCase()).join(', ')}).`,
        ]
      : points.length > 0
        ? [
            0.75,
            `Suggested: the data points to people with little effort (${points.map((t) => dataElementLabel(t, null).toLowerCase()).join(', ')}).`,
          ]
        : [0.5, 'Suggested: none of the data recorded names people directly.'];

  const level = (kind: Facts['nature'][number]): CbLevel => (nature.includes(kind) ? 0.25 : 0);
  const lost = nature.map((n) => `loss of ${n}`);
  const cbRationale =
    lost.length === 0
      ? ''
      : `Suggested from the nature of the breach recorded in Facts (${lost.join(', ')}), at the lower level: raise it where the data reached an unknown number of recipients or cannot be recovered.`;
  return {
    patch: {
      category,
      dpcScore: String(base),
      dpcRationale,
      ei,
      eiRationale,
      confidentiality: level('confidentiality'),
      integrity: level('integrity'),
      availability: level('availability'),
      cbRationale,
    },
    elements: readings,
  };
}

/** Whether the draft already holds every value of the suggestion. */
export function holdsSuggestion(draft: SeverityDraft, suggestion: SeveritySuggestion): boolean {
  return (Object.keys(suggestion.patch) as (keyof SeveritySuggestion['patch'])[]).every(
    (key) => draft[key] === suggestion.patch[key],
  );
}
