import { NO_INTAKE_METADATA, type IntakeMetadata } from '../../../../shared/domain/evidence';
import type { PendingEvidence } from '../../../../shared/domain/pending-evidence';

/** Metadata for a pending file's intake: its description and the events it supports. */
export function pendingMetadata(file: PendingEvidence): IntakeMetadata {
  return { ...NO_INTAKE_METADATA, description: file.description, eventIds: file.eventIds };
}
