import { z } from 'zod';
import { caseDocumentImportResultSchema, caseDocumentSchema } from '../domain/case-document';
import { openCaseSchema } from '../domain/case';
import { dataElementInputSchema, dataElementPatchSchema, dataElementSchema } from '../domain/data-elements';
import {
  eventCursorSchema,
  eventFilterSchema,
  eventInputSchema,
  eventPatchSchema,
  timelineEventSchema,
} from '../domain/events';
import { factsPatchSchema, factsSchema } from '../domain/facts';
import { overviewSchema } from '../domain/overview';
import { partyActionInputSchema, partyInputSchema, partyPatchSchema, partySchema } from '../domain/parties';
import { csvImportResultSchema, populationInputSchema, populationSchema } from '../domain/populations';
import { searchResultSchema } from '../domain/search';
import {
  noteInputSchema,
  notePatchSchema,
  noteSchema,
  taskInputSchema,
  taskPatchSchema,
  taskSchema,
} from '../domain/tasks-notes';

const none = z.object({}).strict();
const byId = z.object({ id: z.uuid() }).strict();
const patchOf = <T extends z.ZodType>(patch: T) => z.object({ id: z.uuid(), patch }).strict();
const csvInput = z.object({ csv: z.string().max(50_000_000) }).strict();

/** Channels of the investigation workspace: facts, data, people, parties, timeline, tasks, notes, search. */
export const investigationContract = {
  'facts.get': { input: none, output: factsSchema },
  'facts.update': { input: z.object({ patch: factsPatchSchema }).strict(), output: factsSchema },

  'dataElements.list': { input: none, output: z.array(dataElementSchema) },
  'dataElements.add': { input: dataElementInputSchema, output: dataElementSchema },
  'dataElements.update': { input: patchOf(dataElementPatchSchema), output: dataElementSchema },
  'dataElements.remove': { input: byId, output: z.null() },

  'populations.list': { input: none, output: z.array(populationSchema) },
  /** Adds the jurisdiction's row, or replaces its count if it has one. */
  'populations.set': { input: populationInputSchema, output: populationSchema },
  'populations.remove': { input: byId, output: z.null() },
  /** `jurisdiction,count[,exact]` lines; all or nothing, every bad line reported. */
  'populations.importCsv': { input: csvInput, output: csvImportResultSchema },

  'parties.list': { input: none, output: z.array(partySchema) },
  'parties.create': { input: partyInputSchema, output: partySchema },
  'parties.update': { input: patchOf(partyPatchSchema), output: partySchema },
  'parties.remove': { input: byId, output: z.null() },
  'parties.addAction': { input: partyActionInputSchema, output: partySchema },
  'parties.removeAction': { input: byId, output: partySchema },

  'events.list': {
    input: z
      .object({
        /** Keyset paging: the events after this one in time order (fast at any depth). */
        after: eventCursorSchema.optional(),
        /** Or a plain offset, for jumping to a scroll position. */
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        filter: eventFilterSchema,
      })
      .strict(),
    output: z.object({
      events: z.array(timelineEventSchema),
      nextCursor: eventCursorSchema.nullable(),
      total: z.number().int(),
    }),
  },
  'events.get': { input: byId, output: timelineEventSchema },
  'events.create': { input: eventInputSchema, output: timelineEventSchema },
  'events.update': { input: patchOf(eventPatchSchema), output: timelineEventSchema },
  'events.remove': { input: byId, output: z.null() },
  /** Header `time,zone,title[,precision,end,detail,source,tags]`; tags separated by `;`. */
  'events.importCsv': { input: csvInput, output: csvImportResultSchema },
  'events.tags': { input: none, output: z.array(z.string()) },

  'tasks.list': { input: none, output: z.array(taskSchema) },
  'tasks.create': { input: taskInputSchema, output: taskSchema },
  'tasks.update': { input: patchOf(taskPatchSchema), output: taskSchema },
  'tasks.remove': { input: byId, output: z.null() },

  'notes.list': { input: none, output: z.array(noteSchema) },
  'notes.create': { input: noteInputSchema, output: noteSchema },
  'notes.update': { input: patchOf(notePatchSchema), output: noteSchema },
  'notes.remove': { input: byId, output: z.null() },

  'search.query': {
    input: z
      .object({ text: z.string().max(500), limit: z.number().int().min(1).max(200).default(50) })
      .strict(),
    output: z.object({ results: z.array(searchResultSchema) }),
  },
  /** The case at a glance; `now` (the renderer's clock) is what "overdue" and the clocks' progress are counted against. */
  'overview.get': {
    input: z.object({ now: z.iso.datetime({ offset: false }).optional() }).strict(),
    output: overviewSchema,
  },
  /** Builds the sample incident of the demo case at `path` and opens it. */
  'demo.create': {
    input: z.object({ path: z.string().min(1), overwrite: z.boolean().default(false) }).strict(),
    output: openCaseSchema,
  },
  'document.export': { input: none, output: caseDocumentSchema },
  'document.import': {
    input: z.object({ document: z.unknown() }).strict(),
    output: caseDocumentImportResultSchema,
  },
} as const;
