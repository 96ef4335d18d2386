import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countAuditEntries, listAuditEntries } from '../../main/casefile/repos/audit-repo';
import { openCase, updateCase } from '../../main/services/case-service';
import { verifyCase } from '../../main/services/verify-service';
import { RecentCases } from '../../main/services/recent-cases';
import { makeCase, testContext } from '../helpers/cases';
import { holdLockInAnotherProcess } from '../helpers/lock-holder';
import { withRawDb } from '../helpers/raw-db';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

describe('case service', () => {
  it('records each edit in the audit log with the old and new values', () => {
    const ctx = testContext('alice');
    const file = makeCase(tempDir(), 'case.bdcase', ctx);
    const updated = updateCase(file, { title: 'Partner API exposure (2020)', status: 'notifying' }, ctx);
    expect(updated).toMatchObject({ title: 'Partner API exposure (2020)', status: 'notifying' });
    expect(updated.updatedAt > updated.createdAt).toBe(true);
    const [entry] = listAuditEntries(file.db, undefined, 1);
    expect(entry).toMatchObject({
      seq: 2,
      actor: 'alice',
      action: 'case.updated',
      target: `case:${updated.id}`,
      payload: {
        title: { from: 'Partner API exposure', to: 'Partner API exposure (2020)' },
        status: { from: 'investigating', to: 'notifying' },
      },
    });
    file.close();
  });

  it('writes nothing when an edit changes nothing', () => {
    const ctx = testContext();
    const file = makeCase(tempDir(), 'case.bdcase', ctx);
    updateCase(file, { title: 'Partner API exposure' }, ctx);
    expect(countAuditEntries(file.db)).toBe(1);
    file.close();
  });

  it('verify passes on an untouched file and names the entry a forger altered', () => {
    const ctx = testContext();
    const dir = tempDir();
    const file = makeCase(dir, 'case.bdcase', ctx);
    updateCase(file, { status: 'notifying' }, ctx);
    updateCase(file, { status: 'monitoring' }, ctx);
    expect(verifyCase(file)).toMatchObject({
      ok: true,
      integrity: { ok: true },
      audit: { ok: true, entries: 3 },
    });
    file.close();

    // A forger with raw SQLite access drops the guard and rewrites history.
    withRawDb(file.path, (db) => {
      db.exec('DROP TRIGGER audit_log_refuse_update');
      db.prepare(`UPDATE audit_log SET payload = '{"status":{"from":"x","to":"y"}}' WHERE seq = 2`).run();
    });
    const reopened = openCase(file.path, ctx);
    const report = verifyCase(reopened);
    expect(report.ok).toBe(false);
    expect(report.audit).toMatchObject({ ok: false, firstBadSeq: 2, entries: 1 });
    reopened.close();
  });
});

describe('recent cases', () => {
  it('lists the newest first with each file state', async () => {
    const dir = tempDir();
    const recent = new RecentCases(join(dir, 'config', 'recent.json'));
    const ctx = testContext();
    const a = makeCase(dir, 'a.bdcase', ctx);
    a.close();
    const b = makeCase(dir, 'b.bdcase', ctx);
    b.close();
    writeFileSync(join(dir, 'junk.bdcase'), 'junk');
    recent.remember(a.path, 'A', new Date('2026-01-01T00:00:00Z'));
    recent.remember(join(dir, 'gone.bdcase'), 'Gone', new Date('2026-01-02T00:00:00Z'));
    recent.remember(join(dir, 'junk.bdcase'), 'Junk', new Date('2026-01-03T00:00:00Z'));
    recent.remember(b.path, 'B', new Date('2026-01-04T00:00:00Z'));
    const holder = await holdLockInAnotherProcess(b.path);
    try {
      expect(recent.list().map((entry) => [entry.title, entry.state])).toEqual([
        ['B', 'locked'],
        ['Junk', 'unreadable'],
        ['Gone', 'missing'],
        ['A', 'available'],
      ]);
    } finally {
      await holder.release();
    }
    recent.remember(a.path, 'A again', new Date('2026-01-05T00:00:00Z'));
    recent.forget(join(dir, 'gone.bdcase'));
    expect(recent.list().map((entry) => entry.title)).toEqual(['A again', 'B', 'Junk']);
  });

  it('treats a damaged list as empty rather than failing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'recent.json'), '{not json');
    expect(new RecentCases(join(dir, 'recent.json')).list()).toEqual([]);
  });
});
