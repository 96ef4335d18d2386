/**
 * Every channel and event name, with no schema attached, so the sandboxed preload can reject
 * unknown names without bundling zod. contract.ts checks that its schemas cover exactly these.
 */
export const CHANNEL_NAMES = [
  'app.info',
  'case.create',
  'case.open',
  'case.close',
  'case.current',
  'case.update',
  'case.verify',
  'audit.list',
  'recent.list',
  'recent.forget',
  'dialog.chooseNewCasePath',
  'dialog.chooseCaseToOpen',
  'facts.get',
  'facts.update',
  'dataElements.list',
  'dataElements.add',
  'dataElements.update',
  'dataElements.remove',
  'populations.list',
  'populations.set',
  'populations.remove',
  'populations.importCsv',
  'parties.list',
  'parties.create',
  'parties.update',
  'parties.remove',
  'parties.addAction',
  'parties.removeAction',
  'events.list',
  'events.get',
  'events.create',
  'events.update',
  'events.remove',
  'events.importCsv',
  'events.tags',
  'tasks.list',
  'tasks.create',
  'tasks.update',
  'tasks.remove',
  'notes.list',
  'notes.create',
  'notes.update',
  'notes.remove',
  'search.query',
  'overview.get',
  'demo.create',
  'document.export',
  'document.import',
  'evidence.list',
  'evidence.get',
  'evidence.add',
  'evidence.update',
  'evidence.custody',
  'evidence.addCustody',
  'evidence.preview',
  'evidence.verify',
  'evidence.export',
  'evidence.pending',
  'jobs.cancel',
  'dialog.chooseEvidence',
  'dialog.chooseExportPath',
  'obligations.board',
  'obligations.setStatus',
  'assessments.list',
  'assessments.save',
  'register.get',
  'register.export',
  'letters.templates',
  'letters.list',
  'letters.get',
  'letters.create',
  'letters.save',
  'letters.update',
  'letters.versions',
  'letters.version',
  'letters.diff',
  'letters.freeze',
  'letters.setStatus',
  'letters.render',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const EVENT_NAMES = ['case.changed', 'case.contentChanged', 'menu.command', 'job.progress'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && channelSet.has(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventSet.has(name);
}
