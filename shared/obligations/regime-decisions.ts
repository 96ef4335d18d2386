import { z } from 'zod';
import { zonedTimeSchema } from '../time/zoned-time';

/**
 * The decisions the laws abroad and by sector turn on, each made by a person on a date that
 * often starts the law's own clock: the SEC's four business days run from the materiality
 * determination, DORA's four hours from the classification as major. One per case, recorded in
 * Facts › Decisions with the date and its basis; nobody's silence is ever read as an answer.
 */
export const REGIME_DECISIONS = [
  'sec_materiality',
  'nis2_significant',
  'dora_major',
  'pipeda_rrosh',
  'au_eligible',
  'hipaa_low_probability',
  'sg_notifiable',
  'jp_reportable',
  'kr_reportable',
  'br_relevant_risk',
  'ch_high_risk',
] as const;
export type RegimeDecision = (typeof REGIME_DECISIONS)[number];

/** A recorded decision: its answer, when it was made (the clock start where the law says so), why. */
export const regimeDecisionSchema = z
  .object({
    answer: z.enum(['yes', 'no']),
    /** When the decision was made, in the zone it was made in. */
    at: zonedTimeSchema,
    /** Its basis, in the decider's words (kept with the case, shown with the obligation). */
    basis: z.string().max(5000).default(''),
  })
  .strict();
export type RegimeDecisionRecord = z.output<typeof regimeDecisionSchema>;

export interface RegimeDecisionInfo {
  /** The decision's name on screen. */
  label: string;
  /** The question, in one sentence, as the law puts it. */
  question: string;
  /** What "yes" means, and the moment its date marks (the clock start where it is one). */
  explanation: string;
  /** What the date of the decision is called when a clock runs from it. */
  moment: string;
  citation: string;
}

export const REGIME_DECISION_INFO: Readonly<Record<RegimeDecision, RegimeDecisionInfo>> = {
  sec_materiality: {
    label: 'SEC materiality determination',
    question: 'Has the registrant determined that the cybersecurity incident is material?',
    explanation:
      'Material: a substantial likelihood that a reasonable shareholder would consider it important. Form 8-K Item 1.05 is due four business days after this determination (not after discovery), which must itself be made without unreasonable delay after discovery.',
    moment: 'the materiality determination',
    citation: 'Form 8-K Item 1.05; 17 CFR 229.106',
  },
  nis2_significant: {
    label: 'NIS2 significant incident',
    question:
      'Is this a significant incident under NIS2 (severe operational disruption or financial loss, or considerable damage to others)?',
    explanation:
      'A significant incident starts the early warning (24 hours), the incident notification (72 hours) and the final report (one month), counted from becoming aware of it.',
    moment: 'the classification as a significant incident',
    citation: 'Directive (EU) 2022/2555 Art. 23(1), (3); Implementing Regulation (EU) 2024/2690',
  },
  dora_major: {
    label: 'DORA major ICT-related incident',
    question:
      'Is this a major ICT-related incident under DORA, classified with the criteria of RTS (EU) 2024/1772?',
    explanation:
      'The initial notification is due 4 hours after the classification as major (and no later than 24 hours after awareness), the intermediate report 72 hours after the initial notification, the final report one month after the intermediate report.',
    moment: 'the classification as major',
    citation: 'Regulation (EU) 2022/2554 Art. 18–19; RTS (EU) 2025/301 Art. 5',
  },
  pipeda_rrosh: {
    label: 'PIPEDA real risk of significant harm',
    question:
      'Is it reasonable to believe that the breach creates a real risk of significant harm to an individual?',
    explanation:
      'Assessed from the sensitivity of the information and the probability of misuse. Yes: report to the Privacy Commissioner and notify the individuals as soon as feasible after the determination.',
    moment: 'the determination of a real risk of significant harm',
    citation: 'PIPEDA ss. 10.1(1), (3), (8)',
  },
  au_eligible: {
    label: 'Australian eligible data breach',
    question:
      'Is this an eligible data breach: is serious harm to any of the individuals likely, with no remedial action having removed that likelihood?',
    explanation:
      'A suspected breach must be assessed within 30 days; once a person concludes it is eligible, the OAIC and the individuals must be told as soon as practicable. The date is the completed assessment.',
    moment: 'the completed assessment',
    citation: 'Privacy Act 1988 (Cth) ss. 26WE, 26WH, 26WK, 26WL',
  },
  hipaa_low_probability: {
    label: 'HIPAA low probability of compromise',
    question:
      'Has a risk assessment of the four factors demonstrated a low probability that the protected health information has been compromised?',
    explanation:
      'An impermissible use or disclosure of unsecured PHI is presumed a breach: notices are owed unless this is answered yes, after assessing the nature and extent of the PHI, who received it, whether it was actually acquired or viewed, and the mitigation.',
    moment: 'the risk assessment',
    citation: '45 CFR 164.402 (definition of breach, para. (2))',
  },
  sg_notifiable: {
    label: 'Singapore notifiable data breach',
    question:
      'Does the breach result in, or is it likely to result in, significant harm to an affected individual, or is it of a significant scale (500 or more people)?',
    explanation:
      'The assessment must be made within 30 days of a credible belief that a breach occurred; the PDPC is owed a notice within 3 calendar days of concluding that the breach is notifiable.',
    moment: 'the assessment that the breach is notifiable',
    citation: 'PDPA 2012 ss. 26B, 26C, 26D',
  },
  jp_reportable: {
    label: 'Japan reportable leakage (APPI)',
    question:
      'Does the leakage involve sensitive (special care-required) data, data whose misuse may cause property damage, a wrongful purpose, or more than 1,000 people (Enforcement Rules Art. 7)?',
    explanation:
      'A reportable leakage needs a preliminary report to the PPC promptly (about 3–5 days) and a final report within 30 days (60 days for a wrongful purpose) of becoming aware, and notice to the people.',
    moment: 'the finding that the leakage is reportable',
    citation: 'APPI Art. 26; Enforcement Rules Arts. 7–8',
  },
  kr_reportable: {
    label: 'Korea report to the PIPC',
    question:
      'Were 1,000 or more people affected, or sensitive or unique identifying information leaked, or was the leak caused by unlawful external access?',
    explanation:
      'Any one of these makes a report to the PIPC or KISA due within 72 hours of becoming aware (PIPA Art. 34(3); Enforcement Decree Art. 40).',
    moment: 'the finding that a report is due',
    citation: 'PIPA Art. 34(3); Enforcement Decree Art. 40',
  },
  br_relevant_risk: {
    label: 'Brazil relevant risk or damage (LGPD)',
    question:
      'May the incident cause relevant risk or damage to the data subjects (RCIS Art. 5: significant impact on their interests and sensitive data, children, financial, authentication or large-scale data)?',
    explanation:
      'Yes: the ANPD and the data subjects must be told within 3 business days of the controller becoming aware that the incident affected personal data.',
    moment: 'the finding of relevant risk or damage',
    citation: 'LGPD Art. 48; Resolução CD/ANPD nº 15/2024 Arts. 4–6',
  },
  ch_high_risk: {
    label: 'Switzerland likely high risk (revFADP)',
    question:
      "Is the breach of data security likely to lead to a high risk to the data subjects' personality or fundamental rights?",
    explanation: 'Yes: the FDPIC must be told as quickly as possible (revFADP Art. 24(1)).',
    moment: 'the finding of a likely high risk',
    citation: 'revFADP Art. 24(1)',
  },
};
