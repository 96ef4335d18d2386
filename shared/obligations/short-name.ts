import type { Obligation } from './obligation';

const RECIPIENT_SHORT: Record<Obligation['recipient']['kind'], string> = {
  supervisory_authority: 'authority',
  attorney_general: 'AG',
  state_police: 'state police',
  other_regulator: 'regulators',
  consumer_reporting_agencies: 'credit bureaus',
  affected_individuals: 'residents',
  data_owner: 'data owner',
};

/**
 * A notice's name where there is room for a few words only (the top-bar chip, the recent list,
 * the Overview): "Art. 33" from a GDPR citation; "WA residents", "TX AG" for a US notice.
 */
export function noticeShortName(
  obligation: Pick<Obligation, 'citation' | 'jurisdiction' | 'recipient'>,
): string {
  const article = /Art\.\s*\d+/.exec(obligation.citation);
  if (article !== null) return article[0];
  return `${obligation.jurisdiction.replace(/^US-/, '')} ${RECIPIENT_SHORT[obligation.recipient.kind]}`;
}
