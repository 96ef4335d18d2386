import { useEffect, useState } from 'react';
import { noticeShortName } from '../../../../shared/obligations/short-name';
import type { BoardRow, ObligationStatus } from '../../../../shared/domain/obligation-status';
import { jurisdictionName } from '../../../../shared/jurisdictions/jurisdictions';
import type { Obligation } from '../../../../shared/obligations/obligation';
import { formatZonedTime, todayInUserZone, userTimeZone } from '../../lib/zoned-display';
import { selectViewAsOf, useDemoViewStore, type DemoView } from '../../stores/demo-view-store';
import { useWorkspaceStore } from '../../stores/workspace-store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The moment the open case is shown as of when that is not the real clock (the demo case, as of
 * its own day 2, until "Show as of today"); null otherwise.
 */
export function useViewAsOf(): DemoView | null {
  const current = useWorkspaceStore((state) => state.current);
  const showToday = useDemoViewStore((state) => state.showToday);
  return selectViewAsOf(current, showToday);
}

/**
 * "Now" for every countdown, deadline and "overdue" in the app, so every screen agrees: the
 * demo's moment while it is shown as of its day 2 (fixed), else the real clock refreshed every
 * `everyMs` (the board's countdowns move every 30 s).
 */
export function useNow(everyMs = 30_000): number {
  const fixedAt = useViewAsOf()?.at ?? null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (fixedAt !== null) return;
    const tick = () => setNow(Date.now());
    // Back from the demo's moment: catch up with the real clock at once, then keep it.
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, everyMs);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [everyMs, fixedAt]);
  return fixedAt === null ? now : Date.parse(fixedAt);
}

/** Today's date (YYYY-MM-DD) on this computer's clock as of `useNow`, for "overdue" tasks and the like. */
export function useToday(): string {
  return todayInUserZone(new Date(useNow(60_000)));
}

/** An instant on this computer's clock with its zone: "2020-11-19 09:30 CET". */
export function formatAt(utc: string): string {
  return formatZonedTime({ utc, zone: userTimeZone(), precision: 'exact', approximate: false });
}

const counts = new Intl.NumberFormat('en-GB');

/** "25 min", "41 h" (up to three days, as the GDPR counts), then "3 d 4 h", "1,827 d". */
export function formatSpan(ms: number): string {
  const span = Math.abs(ms);
  if (span < HOUR) return `${Math.max(1, Math.floor(span / MINUTE))} min`;
  if (span < 3 * DAY) return `${Math.floor(span / HOUR)} h`;
  const days = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  return days < 10 && hours > 0 ? `${days} d ${hours} h` : `${counts.format(days)} d`;
}

type Urgency = 'overdue' | 'soon' | 'later';

interface Countdown {
  text: string;
  urgency: Urgency;
}

/** "due in 41 h" (amber under 24 h), "overdue by 3 h" (red). */
export function countdown(due: string, now: number): Countdown {
  const left = Date.parse(due) - now;
  if (left <= 0) return { text: `overdue by ${formatSpan(left)}`, urgency: 'overdue' };
  return { text: `due in ${formatSpan(left)}`, urgency: left < DAY ? 'soon' : 'later' };
}

/** Whether a person has dealt with the notice (sent, or decided it is not required). */
export function isSettled(status: ObligationStatus | null): boolean {
  return status !== null && (status.status === 'sent' || status.status === 'not_required');
}

/** The status as one line: "To do", "Drafting", "Sent on … via …", "Not required: …". */
export function statusText(status: ObligationStatus | null): string {
  if (status === null || status.status === 'todo') return 'To do';
  if (status.status === 'drafting') return 'Drafting';
  if (status.status === 'sent') {
    const when = status.sentAt === null ? '' : ` on ${formatAt(status.sentAt)}`;
    return `Sent${when} via ${status.channel}`;
  }
  return `Not required: ${status.rationale}`;
}

/** "EU/EEA", "California", or the code when it is not a known place. */
export function placeOf(code: string): string {
  if (code === 'EU') return 'EU/EEA';
  return jurisdictionName(code);
}

const CLOCK_NAMES: Record<NonNullable<Obligation['deadline']['clock']>, string> = {
  discovery: 'discovery',
  awareness: 'awareness',
  determination: 'determination of the breach (taken as the awareness time)',
  decision: 'the decision it turns on (Facts › Decisions)',
  notice: 'the notice it follows',
};

/** How long a period is: "72 h", "30 days" (calendar days can be an hour off across a DST change). */
function periodText(from: string, to: string): string {
  const hours = Math.round((Date.parse(to) - Date.parse(from)) / HOUR);
  if (hours <= 72) return `${hours} h`;
  const days = Math.round(hours / 24);
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/**
 * "72 h from awareness, 2020-11-16 09:30 CET"; null when the clock has not started. Business days
 * and months cannot be read off the span, so the engine's own account is shown: "14 business days
 * after discovery on 2026-05-20, skipping Memorial Day (25 May)".
 */
export function clockText(deadline: Obligation['deadline']): string | null {
  if (deadline.clock === null || deadline.clockAt === null) return null;
  // Business days and calendar months cannot be read off the span, nor which of two limits
  // decided ("…, earlier than 4 hours after the classification"): the engine's own account.
  const ownAccount =
    deadline.unit === 'businessDays' ||
    deadline.unit === 'months' ||
    /\blimit\b|earlier than/.test(deadline.reckoning ?? '');
  if (ownAccount && deadline.reckoning !== null) return deadline.reckoning;
  const end = deadline.due ?? deadline.suggested;
  const period = end === null ? '' : `${periodText(deadline.clockAt, end)} from `;
  return `${period}${CLOCK_NAMES[deadline.clock]}, ${formatAt(deadline.clockAt)}`;
}

/** The title a row goes by, whether or not the rule is still owed. */
export function rowTitle(row: BoardRow): { title: string; recipient: string; jurisdiction: string } {
  if (row.obligation !== null) {
    return {
      title: row.obligation.title,
      recipient: row.obligation.recipient.name,
      jurisdiction: row.obligation.jurisdiction,
    };
  }
  return {
    title: row.notTriggered?.title ?? row.ruleId,
    recipient: '',
    jurisdiction: row.notTriggered?.jurisdiction ?? '',
  };
}

/** The nearest fixed deadline still open (not sent, not decided unnecessary), or null. */
export function nearestDeadline(
  rows: readonly BoardRow[],
): { row: BoardRow; obligation: Obligation; due: string } | null {
  let best: { row: BoardRow; obligation: Obligation; due: string } | null = null;
  for (const row of rows) {
    const obligation = row.obligation;
    if (obligation === null || isSettled(row.status)) continue;
    const due = obligation.deadline.state === 'fixed' ? obligation.deadline.due : null;
    if (due === null) continue;
    if (best === null || due < best.due) best = { row, obligation, due };
  }
  return best;
}

/** The notice's name in a few words (shared with the main process's figures). */
export const shortName = noticeShortName;
