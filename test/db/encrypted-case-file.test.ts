import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openCaseFile } from '../../main/casefile/case-file';
import { useSqlCipher } from '../../main/casefile/cipher';
import { checkIntegrity } from '../../main/casefile/integrity';
import { probeCaseFile } from '../../main/casefile/probe';
import { createRecord } from '../../main/services/collection-service';
import { noteSpec } from '../../main/services/record-specs';
import { describeOpenCase } from '../../main/services/case-service';
import { crashMidChange } from '../helpers/crash';
import { makeCase, makeEncryptedCase, TEST_PASSPHRASE, testContext } from '../helpers/cases';
import { holdLockInAnotherProcess } from '../helpers/lock-holder';
import { bytesOf } from '../helpers/raw-db';
import { useTempDir } from '../helpers/temp-dir';
import { expectOpenRefusedUnchanged, flipByte } from '../helpers/refusal';

const tempDir = useTempDir();
const stamp = { actor: 'tester', at: '2026-01-15T10:00:00.000Z' };
const KEY = Buffer.from(TEST_PASSPHRASE, 'utf8');
const MARKER = 'MARKER-7f3a-only-in-the-case';

function encryptedCase(dir: string, name = 'case.bdcase'): string {
  const file = makeEncryptedCase(dir, name);
  file.close();
  return file.path;
}

function expectRefusedUnchanged(
  path: string,
  passphrase: Buffer | null,
  code: string,
  message?: RegExp,
): void {
  expectOpenRefusedUnchanged(path, { code, passphrase, ...(message === undefined ? {} : { message }) });
}

describe('an encrypted case file', () => {
  it('shows nothing of its content on disk, and opens with its passphrase', () => {
    const dir = tempDir();
    const file = makeEncryptedCase(dir);
    createRecord(file, testContext(), noteSpec, { title: MARKER, body: MARKER, privileged: false });
    expect(file.encrypted).toBe(true);
    expect(describeOpenCase(file)).toMatchObject({ encrypted: true, passphraseRemembered: false });
    file.close();
    const bytes = bytesOf(file.path);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(MARKER)).toBe(false);
    expect(bytes.includes('Sonora Streaming')).toBe(false);
    expect(bytes.length % 65536).toBe(0);

    const again = openCaseFile(file.path, stamp, KEY);
    expect(checkIntegrity(again.db)).toEqual({ ok: true, messages: [] });
    expect(again.db.pragma('temp_store', { simple: true })).toBe(2);
    again.close();
  });

  it('without its passphrase, or with a wrong one, is refused in one sentence and left byte for byte', () => {
    const path = encryptedCase(tempDir());
    expectRefusedUnchanged(path, null, 'PASSPHRASE_REQUIRED', /is encrypted .*its passphrase is needed/);
    expectRefusedUnchanged(
      path,
      Buffer.from('not the passphrase'),
      'WRONG_PASSPHRASE',
      /the passphrase does not open this case file\.$/,
    );
  });

  it('is told from junk: bytes that cannot be an encrypted file are refused as not a case file', () => {
    const dir = tempDir();
    const junk = join(dir, 'junk.bdcase');
    writeFileSync(junk, randomBytes(1000));
    expectRefusedUnchanged(junk, KEY, 'NOT_A_CASE_FILE', /not a Breachdesk case file/);
    // Page-sized random bytes look like an encrypted file until a passphrase is tried; none opens them.
    const sized = join(dir, 'sized.bdcase');
    writeFileSync(sized, randomBytes(131072));
    expectRefusedUnchanged(sized, KEY, 'WRONG_PASSPHRASE');
    expectRefusedUnchanged(sized, null, 'PASSPHRASE_REQUIRED');
  });

  it('an encrypted SQLite database of another application is refused once its passphrase opens it', () => {
    const path = join(tempDir(), 'other.db');
    const db = new BetterSqlite3(path);
    useSqlCipher(db, KEY);
    db.pragma('page_size = 65536');
    db.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('someone else')");
    db.close();
    expectRefusedUnchanged(path, KEY, 'NOT_A_CASE_FILE', /of another application/);
  });

  it('a plaintext case file still opens, whatever passphrase is offered', () => {
    const file = makeCase(tempDir());
    file.close();
    const opened = openCaseFile(file.path, stamp, KEY);
    expect(opened.encrypted).toBe(false);
    opened.close();
  });

  it('left mid-change by a killed process, opens: the change is rolled back and audited', () => {
    const path = encryptedCase(tempDir());
    crashMidChange(path, TEST_PASSPHRASE);
    expect(existsSync(`${path}-journal`)).toBe(true);
    expect(bytesOf(`${path}-journal`).includes('xxxxxxxxxxxxxxxx')).toBe(false);
    const file = openCaseFile(path, stamp, KEY);
    try {
      expect(file.recovery.rolledBack?.pages).toBeGreaterThan(0);
      expect(checkIntegrity(file.db).ok).toBe(true);
      expect(file.db.prepare("SELECT count(*) AS n FROM notes WHERE id LIKE 'crash-%'").get()).toEqual({
        n: 0,
      });
    } finally {
      file.close();
    }
    expect(existsSync(`${path}-journal`)).toBe(false);
  });

  it('a journal of encrypted pages that was altered is refused before SQLite applies any of it', () => {
    const path = encryptedCase(tempDir());
    crashMidChange(path, TEST_PASSPHRASE);
    const sector = bytesOf(`${path}-journal`).readUInt32BE(20);
    // Inside the third record's encrypted page image.
    flipByte(`${path}-journal`, sector + 2 * (65536 + 8) + 4 + 1000);
    expectRefusedUnchanged(path, KEY, 'CASE_CORRUPT', /the journal that would undo it .* is damaged/);
  });

  it('a journal of another encrypted case is refused, even one with the same passphrase', () => {
    const dir = tempDir();
    const path = encryptedCase(dir, 'a.bdcase');
    const other = encryptedCase(dir, 'b.bdcase');
    crashMidChange(other, TEST_PASSPHRASE);
    copyFileSync(`${other}-journal`, `${path}-journal`);
    expectRefusedUnchanged(path, KEY, 'CASE_CORRUPT', /is damaged|belongs to another file/);
  });

  it('the recent-files probe calls it available, or locked while another process holds it', async () => {
    const path = encryptedCase(tempDir());
    expect(probeCaseFile(path)).toBe('available');
    const holder = await holdLockInAnotherProcess(path, TEST_PASSPHRASE);
    try {
      expect(probeCaseFile(path)).toBe('locked');
    } finally {
      await holder.release();
    }
  });
});
