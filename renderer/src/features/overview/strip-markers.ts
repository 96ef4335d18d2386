import type { Facts } from '../../../../shared/domain/facts';
import type { ZonedTime } from '../../../../shared/time/zoned-time';
import { formatZonedTime } from '../../lib/zoned-display';
import { formatAt, shortName } from '../obligations/format';
import type { ObligationsBoard } from '../../stores/obligations-store';

/**
 * A moment on the incident strip. The key dates of the facts are built in; callers add others
 * (the notice deadlines, once obligations are worked out) through IncidentStrip's `markers`.
 */
export interface StripMarker {
  id: string;
  /** UTC milliseconds. */
  at: number;
  label: string;
  /** Shown in the text alternative and the tooltip: "2020-11-16 09:30 CET". */
  when: string;
  /** key: a fact of the incident; due: a deadline ahead; overdue: a deadline passed. */
  tone: 'key' | 'due' | 'overdue';
  /** Labelled before the others where labels crowd: 2 for the nearest deadline, 1 for key dates. */
  priority?: number;
}

function keyMarker(id: string, label: string, time: ZonedTime | null): StripMarker[] {
  if (time === null) return [];
  return [{ id, at: Date.parse(time.utc), label, when: formatZonedTime(time), tone: 'key', priority: 1 }];
}

export function factMarkers(facts: Facts): StripMarker[] {
  return [
    ...keyMarker('discovered', 'Discovered', facts.discoveredAt),
    ...keyMarker('contained', 'Contained', facts.containedAt),
    ...keyMarker('aware', 'Aware', facts.awareAt),
  ];
}

export interface ExposureBand {
  start: number;
  end: number;
  text: string;
}

/** The exposure window, when both ends are known. */
export function exposureBand(facts: Facts): ExposureBand | null {
  const { exposureStart, exposureEnd } = facts;
  if (exposureStart === null || exposureEnd === null) return null;
  return {
    start: Date.parse(exposureStart.utc),
    end: Date.parse(exposureEnd.utc),
    text: `${formatZonedTime(exposureStart)} → ${formatZonedTime(exposureEnd)}`,
  };
}

/**
 * The notice deadlines still open (not sent, not recorded as not required), for the strip. The
 * nearest one (the next ahead of `now`, else the latest passed) is labelled first, with its
 * countdown word: "Due: Art. 33 (next)".
 */
export function deadlineMarkers(board: ObligationsBoard | null, now: number): StripMarker[] {
  if (board === null) return [];
  const markers: StripMarker[] = board.rows.flatMap((row) => {
    const due = row.obligation?.deadline.due ?? null;
    const done = row.status?.status === 'sent' || row.status?.status === 'not_required';
    if (row.obligation === null || due === null || done) return [];
    const at = Date.parse(due);
    return [
      {
        id: `deadline-${row.ruleId}`,
        at,
        label: `Due: ${shortName(row.obligation)}`,
        when: formatAt(due),
        tone: at < now ? 'overdue' : 'due',
      },
    ];
  });
  const ahead = markers.filter((m) => m.at >= now).sort((a, b) => a.at - b.at)[0];
  const nearest = ahead ?? markers.filter((m) => m.at < now).sort((a, b) => b.at - a.at)[0];
  return markers.map((m) =>
    m === nearest ? { ...m, label: `${m.label} (${m.tone === 'due' ? 'next' : 'overdue'})`, priority: 2 } : m,
  );
}
