/**
 * The case values a letter can merge in. Values come from the case as it is now
 * (`mergeValues` in ./merge-values.ts); a field with no value is highlighted in the editor and
 * fails the "unfilled merge fields" check.
 */
export const MERGE_FIELDS = [
  { id: 'case.title', label: 'Case title' },
  { id: 'organisation.name', label: 'Organisation name' },
  { id: 'organisation.address', label: 'Organisation address' },
  { id: 'organisation.contactKind', label: 'Contact role (Data Protection Officer or contact point)' },
  { id: 'organisation.contactName', label: 'Contact name' },
  { id: 'organisation.contactEmail', label: 'Contact e-mail' },
  { id: 'organisation.contactPhone', label: 'Contact phone' },
  { id: 'breach.summary', label: 'What happened (summary)' },
  { id: 'breach.cause', label: 'Cause' },
  { id: 'breach.nature', label: 'Nature (confidentiality, integrity, availability)' },
  { id: 'breach.discoveredDate', label: 'Date discovered' },
  { id: 'breach.awareDate', label: 'Date of awareness' },
  { id: 'breach.containedDate', label: 'Date contained' },
  { id: 'breach.dateRange', label: 'Date range of the breach (exposure window)' },
  { id: 'breach.dataElements', label: 'Types of personal information involved' },
  { id: 'breach.peopleTotal', label: 'Number of people affected (total)' },
  { id: 'breach.peopleInJurisdiction', label: "Number of people affected in the letter's jurisdiction" },
  { id: 'breach.recordsTotal', label: 'Approximate number of records' },
  { id: 'breach.consequences', label: 'Likely consequences' },
  { id: 'breach.measures', label: 'Measures taken or proposed' },
  { id: 'breach.lawEnforcementDelay', label: 'Law-enforcement delay' },
  { id: 'letter.date', label: 'Date of the letter' },
  { id: 'recipient.name', label: 'Recipient' },
  { id: 'recipient.address', label: 'Recipient address' },
  { id: 'person.name', label: 'Name of each person (notices to every person)' },
  { id: 'person.accountId', label: 'Account id of each person' },
  { id: 'person.dataElements', label: "Each person's own exposed data" },
  { id: 'offer.service', label: 'Service offered (credit monitoring, identity protection)' },
  { id: 'offer.code', label: "Each person's activation code" },
  { id: 'offer.enrolBy', label: 'Enrolment deadline' },
] as const;

/**
 * Fields filled for each person when notices are written (a notification run): in the editor
 * they show what they stand for, since no one person's values belong in the letter itself.
 */
export const PERSON_FIELD_IDS = [
  'person.name',
  'person.accountId',
  'person.dataElements',
  'offer.code',
] as const;

export type MergeFieldId = (typeof MERGE_FIELDS)[number]['id'];
export const MERGE_FIELD_IDS = MERGE_FIELDS.map((f) => f.id) as [MergeFieldId, ...MergeFieldId[]];
