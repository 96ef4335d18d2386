import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseFile } from '../../main/casefile/case-file';
import { checkIntegrity } from '../../main/casefile/integrity';
import { probeCaseFile } from '../../main/casefile/probe';
import { describeOpenCase } from '../../main/services/case-service';
import { crashMidChange, writeCommitHeader } from '../helpers/crash';
import { makeCase } from '../helpers/cases';
import { bytesOf, withRawDb } from '../helpers/raw-db';
import { useTempDir } from '../helpers/temp-dir';
import { expectOpenRefusedUnchanged, flipByte } from '../helpers/refusal';

const tempDir = useTempDir();
const stamp = { actor: 'tester', at: '2026-01-15T10:00:00.000Z' };

function newCase(dir: string, name = 'case.bdcase'): string {
  const file = makeCase(dir, name);
  file.close();
  return file.path;
}

function noteIds(path: string): string[] {
  return withRawDb(path, (db) =>
    (db.prepare('SELECT id FROM notes ORDER BY id').all() as { id: string }[]).map((row) => row.id),
  );
}

/** Opening must fail as damaged with this message, and leave everything as it was. */
function expectRefusedUnchanged(path: string, message: RegExp): void {
  expectOpenRefusedUnchanged(path, { code: 'CASE_CORRUPT', message });
}

describe('a case file left mid-change by a crash', () => {
  it('opens: SQLite rolls the change back, the recovery is audited, and the user is told', () => {
    const path = newCase(tempDir());
    const auditBefore = withRawDb(path, (db) => db.prepare('SELECT count(*) AS n FROM audit_log').get());
    crashMidChange(path);
    expect(existsSync(`${path}-journal`)).toBe(true);

    const file = openCaseFile(path, stamp);
    try {
      expect(file.recovery.rolledBack?.pages).toBeGreaterThan(0);
      expect(describeOpenCase(file).notices).toEqual([
        'An interrupted change was rolled back; everything saved before it is intact.',
      ]);
      expect(checkIntegrity(file.db)).toEqual({ ok: true, messages: [] });
      const last = file.db
        .prepare('SELECT action, payload FROM audit_log ORDER BY seq DESC LIMIT 1')
        .get() as {
        action: string;
        payload: string;
      };
      expect(last.action).toBe('casefile.recovered');
      expect(JSON.parse(last.payload)).toMatchObject({ rolledBack: true });
    } finally {
      file.close();
    }
    expect(existsSync(`${path}-journal`)).toBe(false);
    expect(noteIds(path)).toEqual([]);
    const auditAfter = withRawDb(path, (db) => db.prepare('SELECT count(*) AS n FROM audit_log').get());
    expect(auditAfter).toEqual({ n: (auditBefore as { n: number }).n + 1 });

    // Opened again, nothing more is repaired or said.
    const again = openCaseFile(path, stamp);
    expect(describeOpenCase(again).notices).toEqual([]);
    again.close();
  });

  it('opens when the crash came in the middle of a commit and the file is shorter than its header says', () => {
    const path = newCase(tempDir());
    const pristine = noteIds(path);
    crashMidChange(path);
    writeCommitHeader(path, 40);

    const file = openCaseFile(path, stamp);
    expect(file.recovery.rolledBack).not.toBeNull();
    expect(checkIntegrity(file.db).ok).toBe(true);
    file.close();
    expect(noteIds(path)).toEqual(pristine);
  });

  it('a journal whose records were altered is refused as damaged, and both files are left unchanged', () => {
    const path = newCase(tempDir());
    crashMidChange(path);
    // Inside the first record's page image (after the header sector and the 4-byte page
    // number), on a byte the checksum samples: the page size less 200.
    const pageSize = bytesOf(path).readUInt16BE(16) === 1 ? 65536 : bytesOf(path).readUInt16BE(16);
    const sector = bytesOf(`${path}-journal`).readUInt32BE(20);
    flipByte(`${path}-journal`, sector + 4 + pageSize - 200);
    expectRefusedUnchanged(
      path,
      /interrupted during a change, and the journal that would undo it .* is damaged/,
    );
  });

  it('a journal whose header is not a journal header is refused as damaged', () => {
    const path = newCase(tempDir());
    crashMidChange(path);
    flipByte(`${path}-journal`, 3);
    expectRefusedUnchanged(path, /is damaged \(its header is not that of an SQLite rollback journal\)/);
  });

  it('a journal left from another state of the case (a restored copy) is refused as not belonging', () => {
    const dir = tempDir();
    const path = newCase(dir);
    const before = join(dir, 'before.bdcase');
    copyFileSync(path, before);
    // More saved changes, then a crash: the journal is of a later state than the copy.
    const file = openCaseFile(path, stamp);
    file.db.exec("INSERT INTO notes (id, sort_key, data) VALUES ('kept', 'k', '{}')");
    file.close();
    crashMidChange(path);
    copyFileSync(`${path}-journal`, `${before}-journal`);
    expectRefusedUnchanged(before, /The journal .* beside .* belongs to another file/);
  });

  it('a copy taken mid-change without its journal is named as such, not as damaged', () => {
    const dir = tempDir();
    const path = newCase(dir);
    crashMidChange(path);
    writeCommitHeader(path, 40);
    const copy = join(dir, 'copy.bdcase');
    copyFileSync(path, copy);
    const bytes = bytesOf(copy);
    expect(() => openCaseFile(copy, stamp)).toThrow(
      expect.objectContaining({
        code: 'CASE_CORRUPT',
        message: expect.stringMatching(
          /was copied while a change was being written, without the journal/,
        ) as string,
      }) as Error,
    );
    expect(bytesOf(copy).equals(bytes)).toBe(true);
  });

  it('a journal whose header was zeroed (a change that committed) is not applied, and is removed', () => {
    const path = newCase(tempDir());
    crashMidChange(path);
    // What SQLite itself writes when a change commits in exclusive mode: a zeroed header.
    const fd = openSync(`${path}-journal`, 'r+');
    writeSync(fd, Buffer.alloc(28), 0, 28, 0);
    closeSync(fd);
    const file = openCaseFile(path, stamp);
    expect(file.recovery.rolledBack).toBeNull();
    // Nothing to undo, so the leftover is removed rather than left beside the case.
    expect(existsSync(`${path}-journal`)).toBe(false);
    file.close();
  });

  it('the recent-files check calls a crashed file available (opening repairs it) and one with a damaged journal unreadable, writing nothing', () => {
    const dir = tempDir();
    const path = newCase(dir);
    crashMidChange(path);
    writeCommitHeader(path, 40);
    const bytes = bytesOf(path);
    expect(probeCaseFile(path)).toBe('available');
    expect(bytesOf(path).equals(bytes)).toBe(true);
    flipByte(`${path}-journal`, 3);
    expect(probeCaseFile(path)).toBe('unreadable');
  });

  it('a partial upgrade backup that a killed migration left beside the case is removed at the next open', () => {
    const dir = tempDir();
    const path = newCase(dir);
    const partial = join(dir, '.case.bdcase.upgrade-backup.0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.writing');
    writeFileSync(partial, 'half a copy');
    const unrelated = join(dir, '.other.bdcase.upgrade-backup.0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.writing');
    writeFileSync(unrelated, 'another case is upgrading');
    openCaseFile(path, stamp).close();
    expect(readdirSync(dir).sort()).toEqual([
      '.other.bdcase.upgrade-backup.0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.writing',
      'case.bdcase',
    ]);
  });
});
