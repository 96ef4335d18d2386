import {
  closeSync,
  copyFileSync,
  openSync,
  readSync,
  readdirSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseFile } from '../../main/casefile/case-file';
import type { ErrorCode } from '../../shared/ipc/errors';
import { makeCase } from '../helpers/cases';
import { holdLockInAnotherProcess } from '../helpers/lock-holder';
import { bytesOf, makeForeignSqliteFile, withRawDb } from '../helpers/raw-db';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const stamp = { actor: 'tester', at: '2026-01-15T10:00:00.000Z' };

/** Opening must fail with this code and a sentence, and leave the file and its folder exactly as they were. */
function expectRefusedUnchanged(path: string, code: ErrorCode, message: RegExp): void {
  const dir = join(path, '..');
  const before = bytesOf(path);
  const listing = readdirSync(dir).sort();
  expect(() => openCaseFile(path, stamp)).toThrow(
    expect.objectContaining({ code, message: expect.stringMatching(message) as string }) as Error,
  );
  expect(bytesOf(path).equals(before)).toBe(true);
  expect(readdirSync(dir).sort()).toEqual(listing);
}

function validCase(dir: string): string {
  const file = makeCase(dir);
  file.close();
  return file.path;
}

describe('bad case files are refused and left byte-for-byte unchanged', () => {
  it('a file that is not SQLite', () => {
    const path = join(tempDir(), 'notes.bdcase');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(50));
    expectRefusedUnchanged(path, 'NOT_A_CASE_FILE', /not a Breachdesk case file \(not a SQLite database\)/);
  });

  it('an empty file', () => {
    const path = join(tempDir(), 'empty.bdcase');
    writeFileSync(path, '');
    expectRefusedUnchanged(path, 'NOT_A_CASE_FILE', /empty file/);
  });

  it('a SQLite database of another application', () => {
    const path = join(tempDir(), 'other.db');
    makeForeignSqliteFile(path);
    expectRefusedUnchanged(path, 'NOT_A_CASE_FILE', /another application/);
  });

  it('a truncated case file', () => {
    const path = validCase(tempDir());
    truncateSync(path, 4096 + 100);
    expectRefusedUnchanged(path, 'CASE_CORRUPT', /truncated/);
  });

  it('a case file cut inside its header', () => {
    const path = validCase(tempDir());
    truncateSync(path, 60);
    expectRefusedUnchanged(path, 'CASE_CORRUPT', /truncated/);
  });

  it('a case file with corrupted pages', () => {
    const path = validCase(tempDir());
    const fd = openSync(path, 'r+');
    // Overwrite the b-tree pages after the schema page with noise; the header stays valid.
    const header = Buffer.alloc(18);
    readSync(fd, header, 0, 18, 0);
    const stored = header.readUInt16BE(16);
    const pageSize = stored === 1 ? 65536 : stored;
    writeSync(fd, Buffer.alloc(pageSize * 2, 0xa5), 0, pageSize * 2, pageSize);
    closeSync(fd);
    expectRefusedUnchanged(path, 'CASE_CORRUPT', /damaged/);
  });

  it('a case file with a newer schema', () => {
    const path = validCase(tempDir());
    withRawDb(path, (db) => db.pragma('user_version = 990'));
    expectRefusedUnchanged(path, 'NEWER_SCHEMA', /newer Breachdesk.*update the app/);
  });

  it('a case file already open in another process', async () => {
    const path = validCase(tempDir());
    const holder = await holdLockInAnotherProcess(path);
    try {
      expectRefusedUnchanged(path, 'CASE_LOCKED', /open elsewhere/);
    } finally {
      await holder.release();
    }
    openCaseFile(path, stamp).close();
  });

  it('a file that does not exist is reported as missing and not created', () => {
    const dir = tempDir();
    expect(() => openCaseFile(join(dir, 'missing.bdcase'), stamp)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }) as Error,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a copy of a case file opens normally (the one file is complete between transactions)', () => {
    const dir = tempDir();
    const file = makeCase(dir);
    copyFileSync(file.path, join(dir, 'copy.bdcase'));
    file.close();
    openCaseFile(join(dir, 'copy.bdcase'), stamp).close();
  });
});
