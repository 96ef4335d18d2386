import { closeSync, fstatSync, openSync, readSync, unlinkSync } from 'node:fs';
import { isErrno } from './errno';
import { decryptPage, type PageKeys } from './sqlcipher-page';

/**
 * What lies beside a case file in `FILE-journal`, read with plain file I/O before SQLite opens
 * the file. SQLite rolls a hot journal back on its own, but it trusts whatever it finds: a
 * journal with a broken header or a record that fails its checksum ends the rollback early and
 * leaves a half-written file behind, and a journal of another file would be written into this
 * one. So Breachdesk checks it first, and refuses (writing nothing) what SQLite would misuse.
 *
 * Format (SQLite's pager.c, "rollback journal" in fileformat2.html): segments of a header padded
 * to the sector size (magic, record count, checksum nonce, original page count, sector size,
 * page size) followed by records of page number, the page as it was, and a checksum.
 */
export type JournalState =
  | { kind: 'none' }
  | { kind: 'hot'; bytes: number; records: number; pageOne: Buffer | null }
  | { kind: 'damaged'; reason: string };

const MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);
const HEADER_FIELDS = 28;
/** SQLite's own bound on the sector size it pads journal headers to. */
const MAX_SECTOR_SIZE = 0x10000;

export function journalPathOf(casePath: string): string {
  return `${casePath}-journal`;
}

/**
 * Reads the journal of the case file at `casePath`, given the page size its header declares.
 * A missing or empty journal, or one whose first byte is zero (SQLite zeroes the header when a
 * change commits), is not hot: SQLite ignores it. The journal of an encrypted file holds its
 * pages encrypted, while SQLite's checksums cover them as they were before encryption: with the
 * file's page `keys`, each record is decrypted (and its HMAC checked) before its checksum is.
 */
export function readJournal(casePath: string, pageSize: number, keys: PageKeys | null = null): JournalState {
  let fd: number;
  try {
    fd = openSync(journalPathOf(casePath), 'r');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { kind: 'none' };
    return { kind: 'damaged', reason: 'it cannot be read' };
  }
  try {
    return parseJournal(new FileReader(fd), pageSize, keys);
  } finally {
    closeSync(fd);
  }
}

/** Reads byte ranges of one open file, answering only what is there. */
class FileReader {
  readonly size: number;

  constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
  }

  read(offset: number, length: number): Buffer {
    const buffer = Buffer.alloc(Math.max(0, Math.min(length, this.size - offset)));
    let done = 0;
    while (done < buffer.length) {
      const read = readSync(this.fd, buffer, done, buffer.length - done, offset + done);
      if (read === 0) break;
      done += read;
    }
    return buffer.subarray(0, done);
  }
}

interface SegmentHeader {
  records: number;
  nonce: number;
  sectorSize: number;
  pageSize: number;
}

function parseJournal(file: FileReader, pageSize: number, keys: PageKeys | null): JournalState {
  if (file.size === 0 || file.read(0, 1)[0] === 0) return { kind: 'none' };
  const first = segmentHeader(file.read(0, HEADER_FIELDS));
  if (typeof first === 'string') return { kind: 'damaged', reason: first };
  if (first.pageSize !== pageSize) {
    return {
      kind: 'damaged',
      reason: `it was written for pages of ${first.pageSize} bytes and the case file has ${pageSize}`,
    };
  }
  const recordSize = pageSize + 8;
  let offset = first.sectorSize;
  let records = 0;
  let pageOne: Buffer | null = null;
  let segment: SegmentHeader = first;
  for (let index = 0; ; index += 1) {
    // The first segment's records were synced before the case file was touched, so each must be
    // whole and sound; in later segments a bad record is where SQLite's own replay stops (stale
    // bytes of an earlier change, or records never synced), and so does this reading.
    const count = segment.records;
    for (let n = 0; n < count; n += 1) {
      const record = readRecord(file, offset, pageSize, keys);
      const sound = record !== null && checksumMatches(record, segment.nonce, pageSize);
      if (!sound) {
        if (index === 0)
          return {
            kind: 'damaged',
            reason: `its record ${n + 1} of ${count} is incomplete or altered${keys === null ? '' : ', or was encrypted with another key'}`,
          };
        return { kind: 'hot', bytes: file.size, records, pageOne };
      }
      if (record.readUInt32BE(0) === 1 && pageOne === null) pageOne = record.subarray(4, 4 + pageSize);
      records += 1;
      offset += recordSize;
    }
    offset = Math.ceil(offset / first.sectorSize) * first.sectorSize;
    const next = segmentHeader(file.read(offset, HEADER_FIELDS));
    if (typeof next === 'string' || next.pageSize !== pageSize) break;
    segment = next;
    offset += next.sectorSize;
  }
  return { kind: 'hot', bytes: file.size, records, pageOne };
}

/** One record (page number, page, checksum), its page decrypted for an encrypted file; null if unsound. */
function readRecord(
  file: FileReader,
  offset: number,
  pageSize: number,
  keys: PageKeys | null,
): Buffer | null {
  const record = file.read(offset, pageSize + 8);
  if (record.length !== pageSize + 8) return null;
  if (keys === null) return record;
  const page = decryptPage(record.subarray(4, 4 + pageSize), record.readUInt32BE(0), keys);
  if (page === null) return null;
  page.copy(record, 4);
  return record;
}

function segmentHeader(bytes: Buffer): SegmentHeader | string {
  if (bytes.length < HEADER_FIELDS || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    return 'its header is not that of an SQLite rollback journal';
  }
  const records = bytes.readUInt32BE(8);
  const sectorSize = bytes.readUInt32BE(20);
  const pageSize = bytes.readUInt32BE(24);
  if (!isPowerOfTwo(sectorSize) || sectorSize < 32 || sectorSize > MAX_SECTOR_SIZE) {
    return 'its header names an impossible sector size';
  }
  if (!isPowerOfTwo(pageSize) || pageSize < 512 || pageSize > 65536) {
    return 'its header names an impossible page size';
  }
  // 0xFFFFFFFF ("to the end of the file") is only written without synchronous commits, which
  // case files never use.
  if (records === 0xffffffff) return 'its header has no record count';
  return { records, nonce: bytes.readUInt32BE(12), sectorSize, pageSize };
}

/** SQLite's record checksum: the nonce plus every 200th byte of the page, from the end. */
function checksumMatches(record: Buffer, nonce: number, pageSize: number): boolean {
  let sum = nonce;
  for (let i = pageSize - 200; i > 0; i -= 200) sum = (sum + (record[4 + i] ?? 0)) >>> 0;
  return record.readUInt32BE(4 + pageSize) === sum;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/** Identifies one state of a journal file, to tell whether anything touched it since. */
export interface JournalStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The state of a journal that exists and is not hot (its first byte is zero), or null. */
export function coldJournalStamp(casePath: string): JournalStamp | null {
  const journal = journalPathOf(casePath);
  let fd: number;
  try {
    fd = openSync(journal, 'r');
  } catch {
    return null;
  }
  try {
    const { ino, size, mtimeMs } = fstatSync(fd);
    const first = Buffer.alloc(1);
    const read = size === 0 ? 0 : readSync(fd, first, 0, 1, 0);
    return read === 0 || first[0] === 0 ? { ino, size, mtimeMs } : null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes a cold journal that a process killed after its last commit left beside the case file
 * (an exclusive-mode connection keeps its zeroed journal until it closes). Only with the case's
 * exclusive lock held, and only when the journal is exactly as it was before SQLite opened the
 * file: then SQLite did not replay it and holds no handle on it, and no other writer can exist.
 */
export function removeColdJournal(casePath: string, before: JournalStamp): void {
  const now = coldJournalStamp(casePath);
  if (now === null || now.ino !== before.ino || now.size !== before.size || now.mtimeMs !== before.mtimeMs) {
    return;
  }
  try {
    unlinkSync(journalPathOf(casePath));
  } catch {
    // Harmless where it is: SQLite ignores a journal whose header is zero.
  }
}
