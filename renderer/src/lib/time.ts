/**
 * Times are always shown with their zone ("2020-11-16 09:30 CET"), in the zone of this computer.
 * The date part is ISO-ordered whatever the locale, so columns of times line up and sort by eye.
 */
const withSeconds = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

export function formatInstant(iso: string, options: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(withSeconds.formatToParts(date).map((part) => [part.type, part.value]));
  const time =
    options.seconds === true
      ? `${parts.hour}:${parts.minute}:${parts.second}`
      : `${parts.hour}:${parts.minute}`;
  return `${parts.year}-${parts.month}-${parts.day} ${time} ${parts.timeZoneName}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 min ago", "yesterday": shown next to an absolute time, never instead of it. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const delta = new Date(iso).getTime() - now.getTime();
  if (Number.isNaN(delta)) return '';
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return relative.format(Math.round(delta / size), unit);
  }
  return 'just now';
}
