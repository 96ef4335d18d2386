import type { TimelineEvent } from '../../../../shared/domain/events';
import type { ZonedTime } from '../../../../shared/time/zoned-time';
import { markup, type SafeHtml } from '../../../formats/html/html-template';
import { EMPTY, emptyState, lines, muted, section } from './blocks';
import type { BundleIndexModel } from './model';
import { table } from './table';
import { utcText, zonedText } from './text';
import { plural } from '../../../../shared/text/plural';

// The index page's Timeline: events in time order, UTC first, then as entered.

function byTime(a: TimelineEvent, b: TimelineEvent): number {
  if (a.at.utc === b.at.utc) return a.id.localeCompare(b.id);
  return a.at.utc < b.at.utc ? -1 : 1;
}

function utcCell(time: ZonedTime, end: ZonedTime | null): SafeHtml {
  // A day or a month is stored as its first moment; say so rather than imply a clock time.
  const imprecise = time.precision === 'exact' ? EMPTY : muted(`start of the ${time.precision} entered`);
  return lines([
    markup`${utcText(time.utc)}`,
    end === null ? EMPTY : markup`to ${utcText(end.utc)}`,
    imprecise,
  ]);
}

function enteredCell(time: ZonedTime, end: ZonedTime | null): SafeHtml {
  return lines([markup`${zonedText(time)}`, end === null ? EMPTY : markup`to ${zonedText(end)}`]);
}

function eventCell(event: TimelineEvent, partyNames: ReadonlyMap<string, string>): SafeHtml {
  const names = event.partyIds.map((id) => partyNames.get(id)).filter((n) => n !== undefined);
  const tags = event.tags.map((t) => markup`<span class="tag">${t}</span>`);
  return lines([
    markup`<strong>${event.title}</strong>`,
    event.detail.trim() === '' ? EMPTY : markup`<span class="prose">${event.detail}</span>`,
    names.length === 0 ? EMPTY : muted(`Parties: ${names.join(', ')}`),
    tags.length === 0 ? EMPTY : markup`${tags}`,
  ]);
}

export function timelineSection(model: BundleIndexModel): SafeHtml {
  const partyNames = new Map(model.parties.map((p) => [p.id, p.name]));
  const events = [...model.events].sort(byTime);
  const body =
    events.length === 0
      ? emptyState('No timeline events in this bundle.')
      : table({
          caption: `${plural(events.length, 'event')} in time order`,
          columns: [
            { heading: 'When (UTC)', className: 'when' },
            { heading: 'As entered', className: 'when' },
            { heading: 'Event' },
            { heading: 'Source' },
          ],
          rows: events.map((e) => [
            utcCell(e.at, e.end),
            enteredCell(e.at, e.end),
            eventCell(e, partyNames),
            markup`${e.source}`,
          ]),
        });
  return section({ id: 'timeline', heading: 'Timeline', body });
}
