/** A span of time in UTC milliseconds. */
export interface Span {
  start: number;
  end: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MIN_SPAN = 2 * HOUR;

/** The span that shows all of `times` with a margin on each side (at least a day in all). */
export function fitSpan(times: readonly number[]): Span | null {
  if (times.length === 0) return null;
  const start = Math.min(...times);
  const end = Math.max(...times);
  const width = Math.max(end - start, DAY);
  const margin = width * 0.06;
  const middle = (start + end) / 2;
  return {
    start: Math.min(start, middle - width / 2) - margin,
    end: Math.max(end, middle + width / 2) + margin,
  };
}

/** `view` zoomed by `factor` (<1 in, >1 out) around `anchor`, kept inside `full`. */
export function zoomed(view: Span, full: Span, factor: number, anchor = (view.start + view.end) / 2): Span {
  const fullWidth = full.end - full.start;
  const width = Math.min(fullWidth, Math.max(MIN_SPAN, (view.end - view.start) * factor));
  const ratio = (anchor - view.start) / (view.end - view.start);
  return clamped({ start: anchor - width * ratio, end: anchor - width * ratio + width }, full);
}

/** `view` moved so that it lies inside `full`, its width unchanged. */
export function clamped(view: Span, full: Span): Span {
  const width = view.end - view.start;
  const start = Math.min(Math.max(view.start, full.start), full.end - width);
  return { start, end: start + width };
}

interface Tick {
  at: number;
  label: string;
}

type Step = { unit: 'hour' | 'day' | 'month'; count: number; size: number };

const STEPS: Step[] = [
  { unit: 'hour', count: 1, size: HOUR },
  { unit: 'hour', count: 3, size: 3 * HOUR },
  { unit: 'hour', count: 6, size: 6 * HOUR },
  { unit: 'hour', count: 12, size: 12 * HOUR },
  { unit: 'day', count: 1, size: DAY },
  { unit: 'day', count: 2, size: 2 * DAY },
  { unit: 'day', count: 7, size: 7 * DAY },
  { unit: 'month', count: 1, size: 30 * DAY },
  { unit: 'month', count: 3, size: 91 * DAY },
  { unit: 'month', count: 12, size: 365 * DAY },
];

const hourLabel = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const monthLabel = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric' });
const yearLabel = new Intl.DateTimeFormat('en-GB', { year: 'numeric' });

/** Calendar-aligned ticks in this computer's zone, about one per `spacing` pixels. */
export function ticksFor(view: Span, width: number, spacing = 96): Tick[] {
  const wanted = Math.max(2, Math.floor(width / spacing));
  const step = STEPS.find((candidate) => (view.end - view.start) / candidate.size <= wanted) ?? STEPS.at(-1);
  if (step === undefined) return [];
  const cursor = new Date(view.start);
  cursor.setMinutes(0, 0, 0);
  if (step.unit !== 'hour') cursor.setHours(0);
  if (step.unit === 'hour') cursor.setHours(Math.floor(cursor.getHours() / step.count) * step.count);
  if (step.unit === 'month') {
    cursor.setDate(1);
    cursor.setMonth(Math.floor(cursor.getMonth() / step.count) * step.count);
  }
  const ticks: Tick[] = [];
  for (let guard = 0; guard < 400 && cursor.getTime() <= view.end; guard += 1) {
    if (cursor.getTime() >= view.start) ticks.push({ at: cursor.getTime(), label: labelOf(cursor, step) });
    if (step.unit === 'hour') cursor.setHours(cursor.getHours() + step.count);
    else if (step.unit === 'day') cursor.setDate(cursor.getDate() + step.count);
    else cursor.setMonth(cursor.getMonth() + step.count);
  }
  return ticks;
}

function labelOf(date: Date, step: Step): string {
  if (step.unit === 'hour') return date.getHours() === 0 ? dayLabel.format(date) : hourLabel.format(date);
  if (step.unit === 'day') return dayLabel.format(date);
  if (step.count === 12) return yearLabel.format(date);
  return monthLabel.format(date);
}

interface PlacedLabel {
  lane: number;
  anchor: 'start' | 'end';
  /** False when every lane is taken there: the marker stays, its label is in its tooltip. */
  visible: boolean;
}

/**
 * Labels beside their markers, each on the first lane where it does not overlap another; a label
 * that fits on no lane is not drawn (zooming in makes room), rather than drawn over another.
 * Labels with a higher `priority` are placed first (the nearest deadline is always labelled), the
 * rest from left to right.
 */
export function placeLabels(
  xs: readonly number[],
  texts: readonly string[],
  width: number,
  lanes = 3,
  priority: readonly number[] = [],
): PlacedLabel[] {
  const taken: [number, number][][] = Array.from({ length: lanes }, () => []);
  const order = xs
    .map((x, index) => ({ x, index, rank: priority[index] ?? 0 }))
    .sort((a, b) => b.rank - a.rank || a.x - b.x);
  const placed: PlacedLabel[] = new Array<PlacedLabel>(xs.length);
  for (const { x, index } of order) {
    const textWidth = (texts[index]?.length ?? 0) * 6.6 + 8;
    const anchor = x + textWidth > width ? 'end' : 'start';
    const left = anchor === 'start' ? x : x - textWidth;
    const right = left + textWidth;
    const lane = taken.findIndex((spans) => spans.every(([from, to]) => right <= from || left >= to));
    if (lane === -1) {
      placed[index] = { lane: lanes - 1, anchor, visible: false };
      continue;
    }
    taken[lane]?.push([left, right]);
    placed[index] = { lane, anchor, visible: true };
  }
  return placed;
}
