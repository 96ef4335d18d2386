import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Party, partyActionInputSchema } from '../../shared/domain/parties';
import { BreachdeskError } from '../../shared/ipc/errors';
import type { CaseFile } from '../casefile/case-file';
import { eventIdsLinkedToParty } from '../casefile/repos/event-links-repo';
import { eventsTable, partiesTable } from '../casefile/repos/tables';
import { changeWithAudit } from './audited';
import { removeRecord, requireRecord, storeRecord } from './collection-service';
import type { ServiceContext } from './context';
import { eventSpec, partySpec } from './record-specs';

export function addPartyAction(
  file: CaseFile,
  input: z.output<typeof partyActionInputSchema>,
  ctx: ServiceContext,
): Party {
  return changeWithAudit(file, ctx, (db) => {
    const { partyId, ...fields } = input;
    const party = requireRecord(db, partiesTable, 'party', partyId);
    const action = { id: randomUUID(), ...fields };
    const actions = [...party.actions, action].sort((a, b) => a.at.utc.localeCompare(b.at.utc));
    const updated = { ...party, actions };
    storeRecord(db, partySpec, updated);
    return {
      result: updated,
      audit: { action: 'party.action_added', target: `party:${party.id}`, payload: action },
    };
  });
}

export function removePartyAction(file: CaseFile, actionId: string, ctx: ServiceContext): Party {
  return changeWithAudit(file, ctx, (db) => {
    const party = partiesTable.all(db).find((p) => p.actions.some((a) => a.id === actionId));
    const action = party?.actions.find((a) => a.id === actionId);
    if (party === undefined || action === undefined) {
      throw new BreachdeskError('NOT_FOUND', 'That party action is not in this case.');
    }
    const updated = { ...party, actions: party.actions.filter((a) => a.id !== actionId) };
    storeRecord(db, partySpec, updated);
    return {
      result: updated,
      audit: { action: 'party.action_deleted', target: `party:${party.id}`, payload: action },
    };
  });
}

/** Deletes a party and unlinks it from the events that named it, in the same transaction. */
export function removeParty(file: CaseFile, id: string, ctx: ServiceContext): void {
  removeRecord(file, ctx, partySpec, id, (db) => {
    const eventIds = eventIdsLinkedToParty(db, id);
    for (const eventId of eventIds) {
      const event = eventsTable.get(db, eventId);
      if (event !== null)
        storeRecord(db, eventSpec, { ...event, partyIds: event.partyIds.filter((p) => p !== id) });
    }
    return { unlinkedFromEvents: eventIds };
  });
}
