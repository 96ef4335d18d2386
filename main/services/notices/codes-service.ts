import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CodesImportResult } from '../../../shared/domain/notices';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { appendAuditEntry } from '../../casefile/repos/audit-repo';
import { codeCounts, insertCodes } from '../../casefile/repos/notices-repo';
import { CsvRowSplitter, detectDelimiter } from '../../formats/csv/csv-rows';
import { stampFor, type ServiceContext } from '../context';

const CODE_HEADERS = [
  'code',
  'activation code',
  'activation_code',
  'activationcode',
  'enrollment code',
  'enrolment code',
];
const EXPIRY_HEADERS = [
  'expires',
  'expiry',
  'expiration',
  'expiration date',
  'expiry date',
  'valid until',
  'expires_on',
];

/**
 * Imports activation codes for the offer that comes with the notices (credit monitoring,
 * identity protection): a CSV with a code column and, optionally, an expiry (YYYY-MM-DD). The
 * codes are personal data once given: they stay in the case and are never audited as values
 * (the file's hash and the counts are).
 */
export async function importCodes(
  file: CaseFile,
  ctx: ServiceContext,
  path: string,
  today: string,
): Promise<CodesImportResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new BreachdeskError('NOT_FOUND', `${JSON.stringify(path)} could not be read.`);
  }
  const text = bytes.toString('utf8');
  const splitter = new CsvRowSplitter(detectDelimiter(text.slice(0, 4096)));
  const rows = [...splitter.push(text), ...splitter.end()];
  const header = rows[0];
  if (header === undefined || !('fields' in header))
    throw new BreachdeskError('INVALID_INPUT', `${JSON.stringify(basename(path))} holds no codes.`);
  const names = header.fields.map((n) => n.trim().toLowerCase());
  const codeAt = names.findIndex((n) => CODE_HEADERS.includes(n));
  const expiryAt = names.findIndex((n) => EXPIRY_HEADERS.includes(n));
  if (codeAt === -1)
    throw new BreachdeskError(
      'INVALID_INPUT',
      `${JSON.stringify(basename(path))} has no "code" column in its first line.`,
    );
  const codes: { code: string; expires: string | null }[] = [];
  const badRows: CodesImportResult['badRows'] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const row of rows.slice(1)) {
    if ('error' in row) {
      badRows.push({ line: row.line, message: row.error });
      continue;
    }
    if (row.fields.every((f) => f.trim() === '')) continue;
    const code = (row.fields[codeAt] ?? '').trim();
    const expires = expiryAt === -1 ? '' : (row.fields[expiryAt] ?? '').trim();
    if (code === '') {
      badRows.push({ line: row.line, message: 'The code is empty.' });
      continue;
    }
    if (expires !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(expires)) {
      badRows.push({ line: row.line, message: 'The expiry is not a date (YYYY-MM-DD).' });
      continue;
    }
    if (seen.has(code)) {
      duplicates += 1;
      continue;
    }
    seen.add(code);
    codes.push({ code, expires: expires === '' ? null : expires });
  }
  if (badRows.length > 0) {
    const first = badRows[0];
    throw new BreachdeskError(
      'INVALID_INPUT',
      `${JSON.stringify(basename(path))} has ${badRows.length} unreadable row${badRows.length === 1 ? '' : 's'} (first at line ${first?.line ?? 0}: ${first?.message ?? ''}); nothing was imported.`,
    );
  }
  const stamp = stampFor(ctx);
  return file.transaction((db) => {
    const imported = insertCodes(db, codes);
    const counts = codeCounts(db, today);
    appendAuditEntry(db, {
      ...stamp,
      action: 'notices.codes_imported',
      target: 'notices',
      payload: {
        file: basename(path),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        rows: codes.length + duplicates,
        imported,
        alreadyHeld: codes.length - imported,
        total: counts.total,
      },
    });
    return {
      imported,
      duplicates: duplicates + (codes.length - imported),
      total: counts.total,
      available: counts.available,
      badRows,
    };
  });
}
