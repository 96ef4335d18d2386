import type { z } from 'zod';
import type {
  DataElement,
  dataElementInputSchema,
  dataElementPatchSchema,
} from '../../shared/domain/data-elements';
import type { eventInputSchema, eventPatchSchema, TimelineEvent } from '../../shared/domain/events';
import type { Party, partyInputSchema, partyPatchSchema } from '../../shared/domain/parties';
import type {
  Note,
  noteInputSchema,
  notePatchSchema,
  Task,
  taskInputSchema,
  taskPatchSchema,
} from '../../shared/domain/tasks-notes';
import { BreachdeskError } from '../../shared/ipc/errors';
import { activeRulePack } from './obligations/active-pack';
import { linkEvent } from '../casefile/repos/event-links-repo';
import {
  dataElementsTable,
  eventsTable,
  notesTable,
  partiesTable,
  tasksTable,
} from '../casefile/repos/tables';
import type { CollectionSpec } from './collection-service';

type Out<S extends z.ZodType> = z.output<S>;

export const dataElementSpec: CollectionSpec<
  DataElement,
  Out<typeof dataElementInputSchema>,
  Out<typeof dataElementPatchSchema>
> = {
  table: dataElementsTable,
  noun: 'data_element',
  build: (input, id) => ({ id, ...input }),
  apply: (record, patch) => ({ ...record, ...patch }),
};

export const partySpec: CollectionSpec<Party, Out<typeof partyInputSchema>, Out<typeof partyPatchSchema>> = {
  table: partiesTable,
  noun: 'party',
  build: (input, id) => ({ id, ...input, actions: [] }),
  apply: (record, patch) => ({ ...record, ...patch }),
  search: {
    kind: 'party',
    text: (p) => ({
      title: p.name,
      body: [
        p.role,
        p.contactName,
        p.email,
        p.phone,
        p.address,
        p.notes,
        ...p.actions.map((a) => a.note),
      ].join('\n'),
    }),
  },
};

export const eventSpec: CollectionSpec<
  TimelineEvent,
  Out<typeof eventInputSchema>,
  Out<typeof eventPatchSchema>
> = {
  table: eventsTable,
  noun: 'event',
  build: (input, id, at) => ({ id, ...input, createdAt: at, updatedAt: at }),
  apply: (record, patch, at) => ({ ...record, ...patch, updatedAt: at }),
  search: {
    kind: 'event',
    text: (e) => ({ title: e.title, body: [e.detail, e.source, e.tags.join(' ')].join('\n') }),
  },
  afterPut: linkEvent,
};

/**
 * A task may be linked only to a rule the rule pack has: a link to nothing would be a claim
 * about a notice nobody can find. (Imports keep links as they are: a newer pack may name more.)
 */
function requireKnownRule<T extends { obligationRuleId?: string | null }>(record: T): T {
  const ruleId = record.obligationRuleId;
  if (ruleId !== undefined && ruleId !== null && !activeRulePack().rules.some((r) => r.id === ruleId))
    throw new BreachdeskError(
      'INVALID_INPUT',
      `There is no obligation with rule id ${ruleId} in the rule pack (see \`breachdesk rules list\`).`,
    );
  return record;
}

export const taskSpec: CollectionSpec<Task, Out<typeof taskInputSchema>, Out<typeof taskPatchSchema>> = {
  table: tasksTable,
  noun: 'task',
  build: (input, id, at) => ({ id, ...requireKnownRule(input), createdAt: at, updatedAt: at }),
  apply: (record, patch, at) => ({ ...record, ...requireKnownRule(patch), updatedAt: at }),
  search: { kind: 'task', text: (t) => ({ title: t.title, body: t.owner }) },
};

export const noteSpec: CollectionSpec<Note, Out<typeof noteInputSchema>, Out<typeof notePatchSchema>> = {
  table: notesTable,
  noun: 'note',
  build: (input, id, at) => ({ id, ...input, createdAt: at, updatedAt: at }),
  apply: (record, patch, at) => ({ ...record, ...patch, updatedAt: at }),
  search: { kind: 'note', text: (n) => ({ title: n.title, body: n.body }) },
};
