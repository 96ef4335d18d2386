import type { RosterField } from '../../../shared/domain/roster';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { recordDataPage, rosterVersion } from '../../casefile/repos/notices-repo';
import { MarkupTextStripper } from '../../evidence/markup-text';
import { PiiIndex, scanPages, type PiiField } from '../../notices/pii-scan';

const PAGE = 10_000;
const FIELD_WORDS: Record<PiiField, string> = {
  name: 'a name',
  email: 'an e-mail address',
  phone: 'a phone number',
  account: 'an account id',
};

/** The index of the open case's roster, kept while its records do not change. */
let cached: { path: string; version: string; index: PiiIndex } | null = null;

/** Every name, e-mail, phone and account id in the roster, as the check's index. */
export function rosterPiiIndex(file: CaseFile): PiiIndex {
  const version = rosterVersion(file.db);
  if (cached !== null && cached.path === file.path && cached.version === version) return cached.index;
  const index = new PiiIndex();
  let after = 0;
  for (;;) {
    const page = recordDataPage(file.db, after, PAGE);
    if (page.length === 0) break;
    for (const [, data] of page) {
      const values = JSON.parse(data) as Partial<Record<RosterField, string>>;
      const full =
        values.fullName ?? [values.givenName, values.familyName].filter((v) => v !== undefined).join(' ');
      if (full !== '') index.add('name', full);
      if (values.email !== undefined) index.add('email', values.email);
      if (values.phone !== undefined) index.add('phone', values.phone);
      if (values.accountId !== undefined) index.add('account', values.accountId);
      if (values.personId !== undefined) index.add('account', values.personId);
    }
    after = page[page.length - 1]?.[0] ?? after;
  }
  cached = { path: file.path, version, index };
  return index;
}

/**
 * Refuses to release an output that must hold no personal data (a sample notice for a regulator,
 * a filing, the register, the status report) when it holds a name, e-mail, phone or account id
 * of anyone in the roster: one sentence naming each kind found, the values masked, never quoted.
 */
export function refuseRosterValues(file: CaseFile, what: string, pages: readonly string[]): void {
  const hits = scanPages(pages, rosterPiiIndex(file));
  if (hits.length === 0) return;
  const found = [...new Map(hits.map((h) => [`${h.field}:${h.masked}`, h])).values()].slice(0, 5);
  const list = found
    .map((h) => `${FIELD_WORDS[h.field]} (${h.masked}${pages.length > 1 ? `, page ${h.page}` : ''})`)
    .join(', ');
  throw new BreachdeskError(
    'INVALID_INPUT',
    `${what} holds personal data of people in the roster, so it is not released: ${list}${hits.length > found.length ? ` and ${hits.length - found.length} more` : ''}. Remove it and try again.`,
  );
}

/** The text of an HTML page as a reader sees it: the evidence previews' stripper (tags, scripts, entities). */
export function textOfHtml(html: string): string {
  return new MarkupTextStripper().push(html);
}
