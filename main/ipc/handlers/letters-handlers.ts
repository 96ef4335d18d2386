import {
  draftLetter,
  diffVersions,
  freezeLetter,
  letterTemplates,
  letterView,
  listLetters,
  saveLetter,
  setLetterStatus,
  updateLetter,
  versionOf,
  versionsOf,
} from '../../services/letters/letters-service';
import { renderLetterToFile } from '../../services/letters/render-service';
import type { HostDeps } from '../host-deps';
import type { HandlerMap } from './handler';
import { today } from './today';

const file = (deps: HostDeps) => deps.session.require();

function lettersChanged<T>(deps: HostDeps, result: T): T {
  deps.events.emit('case.contentChanged', { areas: ['letters', 'obligations'] });
  return result;
}

export const lettersHandlers = {
  'letters.templates': () => letterTemplates(),
  'letters.list': (_i, d) => listLetters(file(d).db),
  'letters.get': (i, d) => letterView(file(d), i.id, today(d)),
  'letters.create': (i, d) => lettersChanged(d, draftLetter(file(d), d.ctx, i, today(d))),
  'letters.save': (i, d) =>
    lettersChanged(d, saveLetter(file(d), d.ctx, i.id, i.baseVersion, i.doc, today(d))),
  'letters.update': (i, d) =>
    lettersChanged(
      d,
      updateLetter(file(d), d.ctx, i.id, { title: i.title, recipient: i.recipient }, today(d)),
    ),
  'letters.versions': (i, d) => versionsOf(file(d), i.id),
  'letters.version': (i, d) => versionOf(file(d), i.id, i.version),
  'letters.diff': (i, d) => diffVersions(file(d), i.id, i.from, i.to),
  'letters.freeze': (i, d) => lettersChanged(d, freezeLetter(file(d), d.ctx, i.id, today(d))),
  'letters.setStatus': (i, d) => {
    const view = setLetterStatus(file(d), d.ctx, i, today(d));
    d.events.emit('case.contentChanged', { areas: ['letters', 'obligations'] });
    return view;
  },
  'letters.render': (i, d) => renderLetterToFile(file(d), d.ctx, i, today(d)),
} satisfies HandlerMap<
  | 'letters.templates'
  | 'letters.list'
  | 'letters.get'
  | 'letters.create'
  | 'letters.save'
  | 'letters.update'
  | 'letters.versions'
  | 'letters.version'
  | 'letters.diff'
  | 'letters.freeze'
  | 'letters.setStatus'
  | 'letters.render'
>;
