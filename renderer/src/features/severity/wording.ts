import type { RiskLevel } from '../../../../shared/obligations/obligation';
import type { SeverityBand } from '../../../../shared/severity/enisa';
import type { CbLevel } from '../../stores/severity-store';

type CbElement = 'confidentiality' | 'integrity' | 'availability';

/**
 * The level wording of DOMAIN.md §2.1 for each circumstance of the breach; `verify` marks the
 * wording DOMAIN paraphrases from background (⚠, to be verified against ENISA 2013).
 */
export const CB_ELEMENTS: readonly {
  id: CbElement;
  label: string;
  levels: readonly { value: CbLevel; text: string; verify: boolean }[];
}[] = [
  {
    id: 'confidentiality',
    label: 'Loss of confidentiality',
    levels: [
      { value: 0, text: 'No loss of confidentiality', verify: false },
      { value: 0.25, text: 'Disclosed to a known or limited set of recipients', verify: true },
      { value: 0.5, text: 'Disclosed to an unknown number of recipients', verify: true },
    ],
  },
  {
    id: 'integrity',
    label: 'Loss of integrity',
    levels: [
      { value: 0, text: 'No loss of integrity', verify: false },
      { value: 0.25, text: 'Altered but recoverable', verify: false },
      { value: 0.5, text: 'Altered, not recoverable', verify: true },
    ],
  },
  {
    id: 'availability',
    label: 'Loss of availability',
    levels: [
      { value: 0, text: 'No loss of availability', verify: false },
      { value: 0.25, text: 'Temporary', verify: false },
      { value: 0.5, text: 'Permanent', verify: true },
    ],
  },
];

/** "+0.25", "0" */
export function signed(value: number): string {
  return value === 0 ? '0' : `+${value}`;
}

/** What each band means (DOMAIN.md §2.1, paraphrased from background: ⚠). */
export const BAND_MEANINGS: Record<SeverityBand, string> = {
  low: 'Few inconveniences, easily overcome',
  medium: 'Significant inconveniences, overcome with some difficulty',
  high: 'Significant consequences, overcome with serious difficulties',
  very_high: 'Significant or irreversible consequences',
};

export const RISK_TEXT: Record<RiskLevel, { label: string; effect: string }> = {
  unlikely: {
    label: 'Unlikely to result in a risk',
    effect: 'no notification to the supervisory authority (Art. 33); the breach is still recorded',
  },
  risk: {
    label: 'A risk',
    effect: 'notify the supervisory authority (Art. 33)',
  },
  high: {
    label: 'A high risk',
    effect: 'also communicate the breach to the data subjects (Art. 34)',
  },
};

export const RISK_SHORT: Record<RiskLevel, string> = {
  unlikely: 'Unlikely',
  risk: 'Risk',
  high: 'High risk',
};
