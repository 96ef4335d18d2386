import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { BreachdeskError } from '../../shared/ipc/errors';
import { ENCRYPTED_PAGE_SIZES } from './cipher-settings';
import { APPLICATION_ID } from './constants';
import { isErrno } from './errno';
import { readJournal } from './journal';
import { decryptPage, derivePageKeys, saltOf, type PageKeys } from './sqlcipher-page';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;

export interface CaseFileHeader {
  pageSize: number;
  userVersion: number;
  applicationId: number;
  sizeBytes: number;
  /** Bumped by every committed change; a rollback journal of this file was taken at this value or one less. */
  changeCounter: number;
  /** The length the header declares, or 0 where that field is not trustworthy. */
  declaredBytes: number;
  /** The page keys of an encrypted file (its passphrase opened page 1), or null for plaintext. */
  keys: PageKeys | null;
}

/**
 * Reads the 100-byte SQLite header with plain file I/O and refuses anything that is not a
 * Breachdesk case file before SQLite ever opens it, so a refused file is never written.
 * Whether the file is whole is a separate question (`checkWholeFile`): a file in the middle of
 * a change is rightly shorter than its header says until its journal is rolled back.
 *
 * An encrypted case file shows nothing but its salt and random bytes until it is decrypted, so
 * it is told from junk by its passphrase: page 1 is decrypted here (Node's crypto, SQLCipher 4's
 * page format) and its header checked like a plaintext one. Without the passphrase nothing can
 * tell the two apart, and the message says both.
 */
export function inspectCaseFileHeader(
  path: string,
  latestSchema: number,
  passphrase: Buffer | null = null,
): CaseFileHeader {
  const sizeBytes = fileSize(path);
  const name = JSON.stringify(path);
  if (sizeBytes === 0) {
    throw new BreachdeskError('NOT_A_CASE_FILE', `${name} is an empty file, not a Breachdesk case file.`);
  }
  const start = readHeader(path, Math.min(sizeBytes, HEADER_SIZE));
  if (start.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return { ...parseHeader(start, name, latestSchema, sizeBytes), keys: null };
  }
  if (!mayBeEncrypted(sizeBytes)) {
    throw new BreachdeskError(
      'NOT_A_CASE_FILE',
      `${name} is not a Breachdesk case file (not a SQLite database).`,
    );
  }
  if (passphrase === null) {
    throw new BreachdeskError(
      'PASSPHRASE_REQUIRED',
      `${name} is encrypted (or is not a case file at all); its passphrase is needed to open it.`,
    );
  }
  const unlocked = unlockPageOne(path, sizeBytes, passphrase);
  if (unlocked === null) {
    throw new BreachdeskError('WRONG_PASSPHRASE', `${name}: the passphrase does not open this case file.`);
  }
  const header = parseHeader(unlocked.pageOne, name, latestSchema, sizeBytes);
  if (header.pageSize !== unlocked.pageSize) {
    throw new BreachdeskError('CASE_CORRUPT', `${name} is damaged: its database header is invalid.`);
  }
  return { ...header, keys: unlocked.keys };
}

/** Smallest encrypted file: one page of the smallest size SQLite allows. */
function mayBeEncrypted(sizeBytes: number): boolean {
  return sizeBytes >= 512 && sizeBytes % 512 === 0;
}

/**
 * Decrypts page 1 with the passphrase, trying each page size an encrypted case file may have.
 * A change cut off while page 1 was being rewritten leaves it torn; its copy as it was before
 * the change is then in the hot journal, which is tried next.
 */
function unlockPageOne(
  path: string,
  sizeBytes: number,
  passphrase: Buffer,
): { pageOne: Buffer; pageSize: number; keys: PageKeys } | null {
  const largest = Math.min(sizeBytes, Math.max(...ENCRYPTED_PAGE_SIZES));
  const start = readHeader(path, largest);
  const keys = derivePageKeys(passphrase, saltOf(start));
  for (const pageSize of ENCRYPTED_PAGE_SIZES) {
    if (sizeBytes < pageSize) continue;
    const pageOne = decryptPage(start.subarray(0, pageSize), 1, keys);
    if (pageOne !== null) return { pageOne, pageSize, keys };
  }
  for (const pageSize of ENCRYPTED_PAGE_SIZES) {
    const journal = readJournal(path, pageSize, keys);
    if (journal.kind === 'hot' && journal.pageOne !== null) {
      return { pageOne: journal.pageOne, pageSize, keys };
    }
  }
  return null;
}

function parseHeader(
  header: Buffer,
  name: string,
  latestSchema: number,
  sizeBytes: number,
): Omit<CaseFileHeader, 'keys'> {
  if (header.length < HEADER_SIZE) {
    throw new BreachdeskError('CASE_CORRUPT', `${name} is truncated: its database header is incomplete.`);
  }
  const applicationId = header.readInt32BE(68);
  if (applicationId !== APPLICATION_ID) {
    throw new BreachdeskError(
      'NOT_A_CASE_FILE',
      `${name} is a SQLite database of another application, not a Breachdesk case file.`,
    );
  }
  const userVersion = header.readInt32BE(60);
  if (userVersion > latestSchema) {
    throw new BreachdeskError(
      'NEWER_SCHEMA',
      `${name} was created by a newer Breachdesk (schema ${userVersion}, this app knows ${latestSchema}); update the app.`,
    );
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (!isValidPageSize(pageSize)) {
    throw new BreachdeskError('CASE_CORRUPT', `${name} is damaged: its database header is invalid.`);
  }
  return {
    pageSize,
    userVersion,
    applicationId,
    sizeBytes,
    changeCounter: header.readUInt32BE(24),
    declaredBytes: declaredSize(header, pageSize),
  };
}

/**
 * Refuses a file that is shorter than its header says. With no journal beside it, that is what
 * a copy taken while Breachdesk was writing looks like (the header is written first, the pages
 * after it), so the message says so rather than calling the case lost.
 */
export function checkWholeFile(path: string, header: CaseFileHeader): void {
  const name = JSON.stringify(path);
  if (header.sizeBytes % header.pageSize !== 0) {
    throw new BreachdeskError(
      'CASE_CORRUPT',
      `${name} is truncated or damaged: its length is not a whole number of pages.`,
    );
  }
  if (header.sizeBytes < header.declaredBytes) {
    throw new BreachdeskError(
      'CASE_CORRUPT',
      `${name} was copied while a change was being written, without the journal (${JSON.stringify(`${path}-journal`)}) that would undo it; copy it again together with its journal, or after the case is closed, or restore a backup.`,
    );
  }
}

function isValidPageSize(size: number): boolean {
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0;
}

/** The in-header page count is only trustworthy when its "version-valid-for" matches the change counter. */
function declaredSize(header: Buffer, pageSize: number): number {
  const changeCounter = header.readUInt32BE(24);
  const validFor = header.readUInt32BE(92);
  return validFor === changeCounter ? header.readUInt32BE(28) * pageSize : 0;
}

function fileSize(path: string): number {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) {
      throw new BreachdeskError('NOT_A_CASE_FILE', `${JSON.stringify(path)} is not a file.`);
    }
    return stat.size;
  } catch (error) {
    if (error instanceof BreachdeskError) throw error;
    if (isErrno(error, 'ENOENT')) {
      throw new BreachdeskError('NOT_FOUND', `${JSON.stringify(path)} does not exist.`);
    }
    throw new BreachdeskError('IO_ERROR', `${JSON.stringify(path)} cannot be read.`);
  }
}

function readHeader(path: string, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } catch {
    throw new BreachdeskError('IO_ERROR', `${JSON.stringify(path)} cannot be read.`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
