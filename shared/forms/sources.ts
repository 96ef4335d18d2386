import { REGIME_DECISION_INFO, REGIME_DECISIONS, type RegimeDecision } from '../obligations/regime-decisions';

/**
 * The case values a regulator form's field can be filled from: the facts, counts, data-element
 * labels, the organisation's own details, the notice's own clock and what was sent. Nothing
 * here reads the roster: an answer sheet never carries a value of an affected person.
 * "manual" marks a field the case keeps nothing for (answered on the form itself).
 */
const FIXED_SOURCES = [
  'facts.summary',
  'facts.nature',
  'facts.cause',
  'facts.consequences',
  'facts.measures',
  'facts.discoveredAt',
  'facts.awareAt',
  'facts.containedAt',
  'facts.exposureStart',
  'facts.exposureEnd',
  'facts.exposurePeriod',
  'facts.exposureDuration',
  'facts.status',
  'lawEnforcementDelay',
  'organisation.name',
  'organisation.address',
  'organisation.contact',
  'organisation.contactName',
  'organisation.contactEmail',
  'organisation.contactPhone',
  'organisation.dpo',
  'organisation.establishment',
  'organisation.establishedIn',
  'organisation.regulatedRoles',
  'case.reference',
  'case.peopleTotal',
  'case.jurisdictions',
  'dataElements.labels',
  'assessment.risk',
  'obligation.residents',
  'obligation.deadline',
  'obligation.recipient',
  'stage.title',
  'stages.previousSentAt',
  'notices.individualsNotifiedOn',
  'notices.otherRecipients',
  'report.date',
  'manual',
] as const;
export type FixedSource = (typeof FIXED_SOURCES)[number];

/** A regime decision's date (the clock start where the law says so) or its recorded basis. */
export type DecisionSource = `decision.${RegimeDecision}.${'at' | 'basis'}`;
export type FormSource = FixedSource | DecisionSource;

const DECISION_SOURCES: DecisionSource[] = REGIME_DECISIONS.flatMap((key) => [
  `decision.${key}.at` as const,
  `decision.${key}.basis` as const,
]);

/** Every source a form may name; anything else is refused when the form is loaded. */
export const FORM_SOURCES = [...FIXED_SOURCES, ...DECISION_SOURCES] as [FormSource, ...FormSource[]];

/**
 * Sources that carry a person's details (the organisation's contact person): a form field may
 * use them only where the form itself asks for them (`asksPersonalData`).
 */
export const PERSONAL_SOURCES: ReadonlySet<FormSource> = new Set<FormSource>([
  'organisation.contact',
  'organisation.contactName',
  'organisation.contactEmail',
  'organisation.contactPhone',
  'organisation.dpo',
]);

const FIXED_PLACES: Readonly<Record<FixedSource, string>> = {
  'facts.summary': 'Facts › Summary',
  'facts.nature': 'Facts › Nature',
  'facts.cause': 'Facts › Cause',
  'facts.consequences': 'Facts › Likely consequences',
  'facts.measures': 'Facts › Measures taken or proposed',
  'facts.discoveredAt': 'Facts › Discovered',
  'facts.awareAt': 'Facts › Aware',
  'facts.containedAt': 'Facts › Contained',
  'facts.exposureStart': 'Facts › Exposure start',
  'facts.exposureEnd': 'Facts › Exposure end',
  'facts.exposurePeriod': 'Facts › Exposure window',
  'facts.exposureDuration': 'Facts › Exposure window (duration)',
  'facts.status': 'Facts › Incident status',
  lawEnforcementDelay: 'Facts › Law-enforcement delay',
  'organisation.name': 'Case › Organisation',
  'organisation.address': 'Facts › Organisation › Address',
  'organisation.contact': 'Facts › Organisation › Contact',
  'organisation.contactName': 'Facts › Organisation › Contact name',
  'organisation.contactEmail': 'Facts › Organisation › Contact e-mail',
  'organisation.contactPhone': 'Facts › Organisation › Contact phone',
  'organisation.dpo': 'Facts › Organisation › Contact (Data Protection Officer)',
  'organisation.establishment': 'Facts › Organisation › Main establishment',
  'organisation.establishedIn': 'Facts › Organisation › Countries of establishment',
  'organisation.regulatedRoles': 'Facts › Organisation › Regulated roles',
  'case.reference': 'Case › Case id',
  'case.peopleTotal': 'People & data › People affected',
  'case.jurisdictions': 'People & data › People by jurisdiction',
  'dataElements.labels': 'People & data › Data elements',
  'assessment.risk': 'Severity › Confirmed risk level',
  'obligation.residents': 'People & data › People counted under this rule',
  'obligation.deadline': 'Obligations › Deadline',
  'obligation.recipient': 'Obligations › Recipient',
  'stage.title': 'Obligations › Report',
  'stages.previousSentAt': 'Obligations › Previous report sent',
  'notices.individualsNotifiedOn': 'Obligations › Notice to individuals sent',
  'notices.otherRecipients': 'Obligations › Other notices sent',
  'report.date': 'Date of this answer sheet',
  manual: 'Not kept in the case: answer it on the form',
};

/** Where a source's value is entered in the app, as a person finds it ("Facts › Summary"). */
export function placeOfSource(source: FormSource): string {
  const decision = decisionOfSource(source);
  if (decision !== null) {
    const { label } = REGIME_DECISION_INFO[decision.key];
    return `Facts › Decisions › ${label} (${decision.part === 'at' ? 'date' : 'basis'})`;
  }
  return FIXED_PLACES[source as FixedSource];
}

/** The decision and the part of it a decision source reads, or null for any other source. */
export function decisionOfSource(source: FormSource): { key: RegimeDecision; part: 'at' | 'basis' } | null {
  const match = /^decision\.([a-z0-9_]+)\.(at|basis)$/.exec(source);
  if (match === null) return null;
  const key = REGIME_DECISIONS.find((k) => k === match[1]);
  return key === undefined ? null : { key, part: match[2] === 'at' ? 'at' : 'basis' };
}

/** Sources whose value is a moment: a field may ask for it as a date, a local time or in UTC. */
export const TIME_SOURCES: ReadonlySet<FormSource> = new Set<FormSource>([
  'facts.discoveredAt',
  'facts.awareAt',
  'facts.containedAt',
  'facts.exposureStart',
  'facts.exposureEnd',
  'facts.exposurePeriod',
  'obligation.deadline',
  'stages.previousSentAt',
  'notices.individualsNotifiedOn',
  'notices.otherRecipients',
  ...REGIME_DECISIONS.map((key) => `decision.${key}.at` as const),
]);
