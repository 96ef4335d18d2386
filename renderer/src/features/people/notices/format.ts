import type { NoticeFormat, NoticePlan, StatusCounts } from '../../../../../shared/domain/notices';
import { residencyLabel } from '../roster/format';

export const FORMAT_LABELS: Readonly<Record<NoticeFormat, string>> = {
  eml: 'E-mail files (.eml)',
  mbox: 'One mbox per batch',
  pdf: 'Print only (PDF)',
};

export const FORMAT_HINTS: Readonly<Record<NoticeFormat, string>> = {
  eml: 'One file per e-mail, for the mail system to send; letters to print as PDF batches.',
  mbox: 'One mailbox file per batch of e-mails; letters to print as PDF batches.',
  pdf: 'Letters to print only; people reachable by e-mail alone are left for an e-mail run.',
};

export const STATUS_LABELS: Readonly<Record<keyof StatusCounts, string>> = {
  to_do: 'To do',
  pending: 'Pending',
  delivered: 'Delivered',
  bounced: 'Bounced',
  returned: 'Returned',
  unreachable: 'Unreachable',
  substitute: 'Substitute notice',
  no_notice: 'No notice reaches them',
};

export const STATUS_KEYS = Object.keys(STATUS_LABELS) as (keyof StatusCounts)[];

export const LANGUAGE_LABELS: Readonly<Record<string, string>> = {
  en: 'English',
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
  sv: 'Swedish',
  pl: 'Polish',
};

/** "English (en)"; a code this window does not name stays a code. */
export function languageLabel(code: string): string {
  const name = LANGUAGE_LABELS[code];
  return name === undefined ? code : `${name} (${code})`;
}

/** A letter template by the title of the approved letter the plan writes from it, else its id. */
export function templateLabel(plan: NoticePlan, id: string): string {
  return plan.letters.find((letter) => letter.templateId === id)?.title ?? id;
}

/** "California (US-CA)", "Residency unknown". */
export function jurisdictionLabel(code: string): string {
  return residencyLabel(code);
}

/** Rows of a count map, largest first, then by name. */
export function sortedCounts(counts: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'en'));
}

/** Jurisdiction rows by name, the unknown residency last. */
export function byJurisdictionName<T>(rows: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(rows).sort(([a], [b]) => {
    if (a === 'unknown') return 1;
    if (b === 'unknown') return -1;
    return jurisdictionLabel(a).localeCompare(jurisdictionLabel(b), 'en');
  });
}

/** Today in the user's calendar, YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
