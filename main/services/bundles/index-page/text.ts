import type { Facts } from '../../../../shared/domain/facts';
import { localTextOf, type ZonedTime } from '../../../../shared/time/zoned-time';

// Plain-text wording shared by the index page's sections: times and stored values (counts,
// plurals and sizes come from shared/text, as everywhere). The sections put
// it into markup, which escapes it.

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

/** "joint_controller" → "Joint controller": stored values read as words. */
export function sentence(value: string): string {
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function caseZone(facts: Facts): string {
  // The register and the board read local times in the zone discovery was recorded in; so does this.
  return facts.discoveredAt?.zone ?? facts.awareAt?.zone ?? 'UTC';
}
