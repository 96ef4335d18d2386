import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../main/casefile/constants';
import { openCaseFile } from '../../main/casefile/case-file';
import { LATEST_SCHEMA_VERSION } from '../../main/casefile/migrations';
import { appendAuditEntry, countAuditEntries } from '../../main/casefile/repos/audit-repo';
import { getCaseRecord } from '../../main/casefile/repos/case-repo';
import { createCase } from '../../main/services/case-service';
import { BreachdeskError } from '../../shared/ipc/errors';
import { makeCase, testContext } from '../helpers/cases';
import { withRawDb } from '../helpers/raw-db';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const stamp = { actor: 'tester', at: '2026-01-15T10:00:00.000Z' };

describe('case file', () => {
  it('is created with its application id, latest schema, record and first audit entry', () => {
    const dir = tempDir();
    const file = makeCase(dir);
    expect(file.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(file.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(file.db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(file.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(file.db.pragma('locking_mode', { simple: true })).toBe('exclusive');
    expect(file.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(getCaseRecord(file.db)).toMatchObject({ title: 'Partner API exposure', status: 'investigating' });
    expect(countAuditEntries(file.db)).toBe(1);
    file.close();
    // Built under a temporary name and renamed: nothing else is left in the folder.
    expect(readdirSync(dir)).toEqual(['case.bdcase']);
  });

  it('reopens with the same record, and an edit persists', () => {
    const dir = tempDir();
    const first = makeCase(dir);
    const id = getCaseRecord(first.db).id;
    first.close();
    const again = openCaseFile(join(dir, 'case.bdcase'), stamp);
    expect(getCaseRecord(again.db).id).toBe(id);
    expect(again.migration).toEqual({
      from: LATEST_SCHEMA_VERSION,
      to: LATEST_SCHEMA_VERSION,
      backupPath: null,
    });
    again.close();
  });

  it('refuses to replace an existing file unless asked to', () => {
    const dir = tempDir();
    makeCase(dir).close();
    expect(() => makeCase(dir)).toThrow(expect.objectContaining({ code: 'ALREADY_EXISTS' }) as Error);
    const replaced = createCase(
      { path: join(dir, 'case.bdcase'), title: 'New', organisation: 'O', overwrite: true, passphrase: null },
      testContext(),
    );
    expect(getCaseRecord(replaced.db).title).toBe('New');
    replaced.close();
  });

  it('refuses a folder that does not exist', () => {
    const dir = tempDir();
    expect(() =>
      createCase(
        {
          path: join(dir, 'no', 'x.bdcase'),
          title: 'T',
          organisation: 'O',
          overwrite: false,
          passphrase: null,
        },
        testContext(),
      ),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }) as Error);
  });

  it('holds an exclusive lock: a second opener in the same process is refused', () => {
    const dir = tempDir();
    const file = makeCase(dir);
    expect(() => openCaseFile(file.path, stamp)).toThrow(
      expect.objectContaining({ code: 'CASE_LOCKED' }) as Error,
    );
    file.close();
    openCaseFile(file.path, stamp).close();
  });

  it('refuses UPDATE and DELETE on the audit log, even through raw SQL', () => {
    const dir = tempDir();
    makeCase(dir).close();
    withRawDb(join(dir, 'case.bdcase'), (db) => {
      expect(() => db.prepare("UPDATE audit_log SET actor = 'forger'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    });
  });

  it('writes a change and its audit entry in one transaction: a failure keeps neither', () => {
    const dir = tempDir();
    const file = makeCase(dir);
    expect(() =>
      file.transaction((db) => {
        appendAuditEntry(db, { ...stamp, action: 'case.updated', target: 'case', payload: {} });
        db.prepare("UPDATE case_record SET status = 'not-a-status'").run();
      }),
    ).toThrow(/CHECK constraint/);
    expect(countAuditEntries(file.db)).toBe(1);
    expect(getCaseRecord(file.db).status).toBe('investigating');
    file.close();
  });

  it('leaves no temporary file behind when creation fails', () => {
    const dir = tempDir();
    expect(() =>
      createCase(
        {
          path: join(dir, 'x.bdcase'),
          title: 'T'.repeat(300),
          organisation: 'O',
          overwrite: false,
          passphrase: null,
        },
        testContext(),
      ),
    ).toThrow(BreachdeskError);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'x.bdcase'))).toBe(false);
  });
});
