import type { Facts } from '../../../../shared/domain/facts';
import { localTextOf, type ZonedTime } from '../../../../shared/time/zoned-time';

// Plain-text wording shared by the index page's sections: counts, times, sizes. The sections put
// it into markup, which escapes it.

const counts = new Intl.NumberFormat('en-GB');

export function countText(n: number): string {
  return counts.format(n);
}

/** "2020-11-16 08:30 UTC": the minute is what a deadline or an event needs, seconds are noise. */
export function utcText(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** As the person entered it, with its zone: "2020-11-12 14:05 Europe/Stockholm (approximate)". */
export function zonedText(time: ZonedTime): string {
  return `${localTextOf(time)} ${time.zone}${time.approximate ? ' (approximate)' : ''}`;
}

export function instantIn(iso: string, zone: string): string {
  return zonedText({ utc: iso, zone, precision: 'exact', approximate: false });
}

const BYTE_UNITS = ['KiB', 'MiB', 'GiB', 'TiB'];

/** Binary multiples, named as such, so the human figure cannot be mistaken for decimal ones. */
export function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${countText(bytes)} bytes`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${BYTE_UNITS[unit] ?? ''}`;
}

/** "joint_controller" → "Joint controller": stored values read as words. */
export function sentence(value: string): string {
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${countText(n)} ${n === 1 ? one : many}`;
}

export function caseZone(facts: Facts): string {
  // The register and the board read local times in the zone discovery was recorded in; so does this.
  return facts.discoveredAt?.zone ?? facts.awareAt?.zone ?? 'UTC';
}
