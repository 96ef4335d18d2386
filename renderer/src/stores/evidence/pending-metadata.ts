import type { IntakeMetadata } from '../../../../shared/domain/evidence';
import type { PendingEvidence } from '../../../../shared/domain/pending-evidence';

const EMPTY_METADATA: IntakeMetadata = {
  source: '',
  collectedBy: '',
  collectedAt: null,
  description: '',
  tags: [],
  eventIds: [],
  partyIds: [],
};

/** Metadata for a pending file's intake: its description and the events it supports. */
export function pendingMetadata(file: PendingEvidence): IntakeMetadata {
  return { ...EMPTY_METADATA, description: file.description, eventIds: file.eventIds };
}
