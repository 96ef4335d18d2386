import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  CustodyEntry,
  custodyInputSchema,
  EvidenceItem,
  EvidencePatch,
} from '../../../shared/domain/evidence';
import type { PendingEvidence } from '../../../shared/domain/pending-evidence';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import {
  appendCustodyEntry,
  custodyOf,
  getEvidenceItem,
  listEvidenceItems,
  putEvidenceItem,
} from '../../casefile/repos/evidence-repo';
import { eventsTable, partiesTable, pendingEvidenceTable } from '../../casefile/repos/tables';
import { changeWithAudit } from '../audited';
import type { ServiceContext } from '../context';
import { fieldChanges } from '../diff';
import { indexEvidenceItem } from './evidence-index';

export function requireEvidenceItem(file: CaseFile, id: string): EvidenceItem {
  const found = getEvidenceItem(file.db, id);
  if (found === null) throw new BreachdeskError('NOT_FOUND', 'That evidence item does not exist.');
  return found.item;
}

/** Edits what a person says about an item; its bytes, name and hash never change. */
export function updateEvidenceItem(
  file: CaseFile,
  ctx: ServiceContext,
  id: string,
  patch: EvidencePatch,
): EvidenceItem {
  return changeWithAudit(file, ctx, (db) => {
    const found = getEvidenceItem(db, id);
    if (found === null) throw new BreachdeskError('NOT_FOUND', 'That evidence item does not exist.');
    for (const eventId of patch.eventIds ?? []) {
      if (eventsTable.get(db, eventId) === null)
        throw new BreachdeskError('NOT_FOUND', 'A linked event no longer exists.');
    }
    for (const partyId of patch.partyIds ?? []) {
      if (partiesTable.get(db, partyId) === null)
        throw new BreachdeskError('NOT_FOUND', 'A linked party no longer exists.');
    }
    const after: EvidenceItem = { ...found.item, ...patch };
    const changes = fieldChanges(found.item, after);
    if (Object.keys(changes).length === 0) return { result: found.item, audit: null };
    putEvidenceItem(db, after, found.blobId);
    indexEvidenceItem(db, after);
    return {
      result: after,
      audit: { action: 'evidence.updated', target: `evidence:${id}`, payload: { name: after.name, changes } },
    };
  });
}

/** Records a custody event a person witnessed (collection, receipt, transfer). */
export function addCustodyEntry(
  file: CaseFile,
  ctx: ServiceContext,
  input: z.output<typeof custodyInputSchema>,
): CustodyEntry {
  return changeWithAudit(file, ctx, (db) => {
    const found = getEvidenceItem(db, input.evidenceId);
    if (found === null) throw new BreachdeskError('NOT_FOUND', 'That evidence item does not exist.');
    const entry: CustodyEntry = { id: randomUUID(), ...input, automatic: false };
    appendCustodyEntry(db, entry);
    return {
      result: entry,
      audit: {
        action: 'evidence.custody_recorded',
        target: `evidence:${input.evidenceId}`,
        payload: {
          name: found.item.name,
          action: entry.action,
          actor: entry.actor,
          at: entry.at,
          note: entry.note,
        },
      },
    };
  });
}

export function listEvidence(file: CaseFile): EvidenceItem[] {
  return listEvidenceItems(file.db);
}

/** An item's chain of custody, oldest first; NOT_FOUND for an item that does not exist. */
export function custodyOfItem(file: CaseFile, id: string): CustodyEntry[] {
  requireEvidenceItem(file, id);
  return custodyOf(file.db, id);
}

/** Files a demo case made by an earlier build lists as to be attached. */
export function pendingEvidence(file: CaseFile): PendingEvidence[] {
  return pendingEvidenceTable.all(file.db);
}
