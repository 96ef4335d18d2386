import { CONTENT_AREAS } from '../../../shared/ipc/contract';
import type { investigationContract } from '../../../shared/ipc/investigation-contract';
import {
  createRecord,
  getRecord,
  listRecords,
  removeRecord,
  updateRecord,
} from '../../services/collection-service';
import { exportCaseDocument, importCaseDocument } from '../../services/case-document-service';
import { importEventsCsv, listEvents, listEventTags } from '../../services/event-service';
import { caseFacts, updateFacts } from '../../services/facts-service';
import { caseOverview } from '../../services/overview-service';
import { addPartyAction, removeParty, removePartyAction } from '../../services/party-service';
import {
  importPopulationsCsv,
  listPopulations,
  removePopulation,
  setPopulation,
} from '../../services/population-service';
import { dataElementSpec, eventSpec, noteSpec, partySpec, taskSpec } from '../../services/record-specs';
import { searchCase } from '../../services/search-service';
import { createDemoInSession } from '../../services/workspace';
import type { HostDeps } from '../host-deps';
import type { HandlerMap } from './handler';
import { today } from './today';

type Area = (typeof CONTENT_AREAS)[number];

/** Tells the window what changed, then hands back the result. */
function changed<T>(deps: HostDeps, areas: Area[], result: T): T {
  deps.events.emit('case.contentChanged', { areas });
  return result;
}

const file = (deps: HostDeps) => deps.session.require();
const ctx = (deps: HostDeps) => deps.ctx;

export const investigationHandlers = {
  'facts.get': (_i, d) => caseFacts(file(d)),
  'facts.update': (i, d) => changed(d, ['facts'], updateFacts(file(d), i.patch, ctx(d))),

  'dataElements.list': (_i, d) => listRecords(file(d), dataElementSpec),
  'dataElements.add': (i, d) =>
    changed(d, ['dataElements'], createRecord(file(d), ctx(d), dataElementSpec, i)),
  'dataElements.update': (i, d) =>
    changed(d, ['dataElements'], updateRecord(file(d), ctx(d), dataElementSpec, i.id, i.patch)),
  'dataElements.remove': (i, d) =>
    changed(d, ['dataElements'], (removeRecord(file(d), ctx(d), dataElementSpec, i.id), null)),

  'populations.list': (_i, d) => listPopulations(file(d)),
  'populations.set': (i, d) => changed(d, ['populations'], setPopulation(file(d), i, ctx(d))),
  'populations.remove': (i, d) =>
    changed(d, ['populations'], (removePopulation(file(d), i.id, ctx(d)), null)),
  'populations.importCsv': (i, d) =>
    changed(d, ['populations'], importPopulationsCsv(file(d), i.csv, ctx(d))),

  'parties.list': (_i, d) => listRecords(file(d), partySpec),
  'parties.create': (i, d) => changed(d, ['parties'], createRecord(file(d), ctx(d), partySpec, i)),
  'parties.update': (i, d) =>
    changed(d, ['parties'], updateRecord(file(d), ctx(d), partySpec, i.id, i.patch)),
  'parties.remove': (i, d) => changed(d, ['parties', 'events'], (removeParty(file(d), i.id, ctx(d)), null)),
  'parties.addAction': (i, d) => changed(d, ['parties'], addPartyAction(file(d), i, ctx(d))),
  'parties.removeAction': (i, d) => changed(d, ['parties'], removePartyAction(file(d), i.id, ctx(d))),

  'events.list': (i, d) => listEvents(file(d), i),
  'events.get': (i, d) => getRecord(file(d), eventSpec, i.id),
  'events.create': (i, d) => changed(d, ['events'], createRecord(file(d), ctx(d), eventSpec, i)),
  'events.update': (i, d) => changed(d, ['events'], updateRecord(file(d), ctx(d), eventSpec, i.id, i.patch)),
  'events.remove': (i, d) => changed(d, ['events'], (removeRecord(file(d), ctx(d), eventSpec, i.id), null)),
  'events.importCsv': (i, d) => changed(d, ['events'], importEventsCsv(file(d), i.csv, ctx(d))),
  'events.tags': (_i, d) => listEventTags(file(d)),

  'tasks.list': (_i, d) => listRecords(file(d), taskSpec),
  'tasks.create': (i, d) => changed(d, ['tasks'], createRecord(file(d), ctx(d), taskSpec, i)),
  'tasks.update': (i, d) => changed(d, ['tasks'], updateRecord(file(d), ctx(d), taskSpec, i.id, i.patch)),
  'tasks.remove': (i, d) => changed(d, ['tasks'], (removeRecord(file(d), ctx(d), taskSpec, i.id), null)),

  'notes.list': (_i, d) => listRecords(file(d), noteSpec),
  'notes.create': (i, d) => changed(d, ['notes'], createRecord(file(d), ctx(d), noteSpec, i)),
  'notes.update': (i, d) => changed(d, ['notes'], updateRecord(file(d), ctx(d), noteSpec, i.id, i.patch)),
  'notes.remove': (i, d) => changed(d, ['notes'], (removeRecord(file(d), ctx(d), noteSpec, i.id), null)),

  'search.query': (i, d) => ({ results: searchCase(file(d), i.text, i.limit, today(d)) }),
  'overview.get': (i, d) => caseOverview(file(d), today(d), i.now ?? d.ctx.now().toISOString()),
  'demo.create': (i, d) => createDemoInSession(d, i.path, i.overwrite),
  'document.export': (_i, d) => exportCaseDocument(file(d)),
  'document.import': (i, d) =>
    changed(d, [...CONTENT_AREAS], importCaseDocument(file(d), i.document, ctx(d))),
} satisfies HandlerMap<keyof typeof investigationContract>;
