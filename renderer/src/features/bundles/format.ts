import { todayInUserZone } from '../../lib/zoned-display';

/** The last part of a path, whichever separator the platform uses. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/** What the save dialog starts from: "<case title> <YYYY-MM-DD>" (the dialog adds .zip). */
export function suggestedBundleName(title: string, now: Date = new Date()): string {
  return `${title} ${todayInUserZone(now)}`;
}

/** Yes / No / Not stated, for bag-info flags that may be missing. */
export function yesNo(value: boolean | null): string {
  if (value === null) return 'Not stated';
  return value ? 'Yes' : 'No';
}

/**
 * A merge value as plain text: strings as they are, nothing as "(empty)", everything else as
 * JSON. Never markup: React escapes it, and nothing here is parsed as HTML.
 */
export function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value, null, 2) ?? '(empty)';
  } catch {
    return '(not shown)';
  }
}
