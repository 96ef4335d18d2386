import type { EvidencePatch } from '../../../../shared/domain/evidence';
import { PendingPatches } from '../../lib/pending-patches';

/**
 * Edits to items still on their way to main: the list shows them over what it reads, so a reload
 * while a save runs does not undo what the person just typed. Shared by the list and the editing.
 */
export const evidencePatches = new PendingPatches<EvidencePatch>();
