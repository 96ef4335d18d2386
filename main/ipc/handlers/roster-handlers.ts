import { runJob } from '../../services/jobs';
import { importDataset } from '../../services/roster/roster-import-service';
import {
  loadMapping,
  previewWithSuggestion,
  saveMapping,
  saveSkippedRows,
} from '../../services/roster/roster-files';
import {
  decideReviewPair,
  findPeople,
  purgeRoster,
  reviewQueue,
  rosterStats,
} from '../../services/roster/roster-service';
import type { HostDeps } from '../host-deps';
import { dialogs } from './dialogs';
import type { HandlerMap } from './handler';

const file = (deps: HostDeps) => deps.session.require();

/** The roster changed: its tab, and the obligations its counts drive. */
function rosterChanged<T>(deps: HostDeps, result: T): T {
  deps.events.emit('case.contentChanged', { areas: ['roster', 'obligations'] });
  return result;
}

export const rosterHandlers = {
  'roster.stats': (_i, d) => rosterStats(file(d)),
  'roster.preview': (i, _d) => previewWithSuggestion(i.path, i),
  'roster.import': async (i, d) =>
    rosterChanged(
      d,
      await runJob(i.jobId, 'roster-import', d.events, (job) => importDataset(file(d), d.ctx, job, i)),
    ),
  'roster.find': (i, d) => findPeople(file(d), i.key, i.value),
  'roster.review': (_i, d) => reviewQueue(file(d)),
  'roster.decide': (i, d) => rosterChanged(d, decideReviewPair(file(d), d.ctx, i.id, i.decision)),
  'roster.purge': (_i, d) => rosterChanged(d, purgeRoster(file(d), d.ctx)),
  'roster.loadMapping': (i) => loadMapping(i.path),
  'roster.saveMapping': async (i) => ({ path: await saveMapping(i.path, i.mapping) }),
  'roster.saveSkipped': async (i) => ({ path: await saveSkippedRows(i.path, i.rows) }),
  'dialog.chooseDataset': async (_i, d) => ({ path: await dialogs(d).chooseDataset() }),
  'dialog.chooseMapping': async (_i, d) => ({ path: await dialogs(d).chooseMapping() }),
  'dialog.chooseRosterSavePath': async (i, d) => ({
    path: await dialogs(d).chooseRosterSavePath(i.kind, i.suggestedName),
  }),
} satisfies HandlerMap<
  | 'roster.stats'
  | 'roster.preview'
  | 'roster.import'
  | 'roster.find'
  | 'roster.review'
  | 'roster.decide'
  | 'roster.purge'
  | 'roster.loadMapping'
  | 'roster.saveMapping'
  | 'roster.saveSkipped'
  | 'dialog.chooseDataset'
  | 'dialog.chooseMapping'
  | 'dialog.chooseRosterSavePath'
>;
