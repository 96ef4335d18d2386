import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseFile } from '../../main/casefile/case-file';
import { listAuditEntries } from '../../main/casefile/repos/audit-repo';
import { importBundle } from '../../main/services/bundles/read/import-bundle';
import { describeOpenCase, openCase, updateCase } from '../../main/services/case-service';
import { stampFor } from '../../main/services/context';
import { createDemoCase } from '../../main/services/demo-service';
import { DEMO_VIEW, demoViewOf, markAsDemo } from '../../main/services/demo-view';
import { verifyCase } from '../../main/services/verify-service';
import { exportTo, keysIn } from '../helpers/bundles';
import { makeCase, testContext } from '../helpers/cases';
import { newJob } from '../helpers/evidence';
import { withRawDb } from '../helpers/raw-db';
import { useTempDir } from '../helpers/temp-dir';

/*
 * Issue 18 point 5: the demo case is shown as of its own day 2. That moment is a view setting
 * kept in the demo's case file (an audit entry written when the demo is built), never a fact, and
 * never set on a case that is not the demo.
 */

const tempDir = useTempDir();

describe('the demo case is shown as of its own day 2', () => {
  it('marks the demo with 17 Nov 2020 16:00 Stockholm time, kept across closing and reopening', async () => {
    const ctx = testContext();
    const path = join(tempDir(), 'demo.bdcase');
    const demo = await createDemoCase(path, false, ctx);
    expect(DEMO_VIEW).toEqual({ at: '2020-11-17T15:00:00.000Z', zone: 'Europe/Stockholm' });
    expect(describeOpenCase(demo).demoAsOf).toEqual(DEMO_VIEW);
    // One mark, in the audit log like every other change, and the chain still verifies.
    const marks = listAuditEntries(demo.db, undefined, 10_000).filter(
      (entry) => entry.action === 'demo.built',
    );
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({
      target: 'case:demo',
      payload: { viewAsOf: DEMO_VIEW.at, zone: DEMO_VIEW.zone },
    });
    // Not a fact: editing the case leaves the view as it was.
    updateCase(demo, { status: 'notifying' }, ctx);
    demo.close();

    const again = openCase(path, ctx);
    try {
      expect(describeOpenCase(again).demoAsOf).toEqual(DEMO_VIEW);
      expect(verifyCase(again).ok).toBe(true);
    } finally {
      again.close();
    }
  });

  it('never applies to a case that is not the demo, whatever its content', () => {
    const ctx = testContext();
    const file = makeCase(tempDir(), 'case.bdcase', ctx);
    try {
      expect(describeOpenCase(file).demoAsOf).toBeNull();
      expect(demoViewOf(file)).toBeNull();
    } finally {
      file.close();
    }
  });

  it('refuses a mark whose moment is not an instant, and writes nothing', () => {
    const ctx = testContext();
    const dir = tempDir();
    const file = makeCase(dir, 'case.bdcase', ctx);
    expect(() => markAsDemo(file, ctx, { at: '17 Nov 2020', zone: 'Europe/Stockholm' })).toThrow();
    expect(demoViewOf(file)).toBeNull();
    file.close();
    withRawDb(join(dir, 'case.bdcase'), (db) => {
      expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'demo.built'").get()).toEqual({
        n: 0,
      });
    });
  });

  it('travels with the demo in a bundle imported as a new case', async () => {
    const ctx = testContext();
    const base = tempDir();
    const keys = keysIn(base);
    const demo = await createDemoCase(join(base, 'demo.bdcase'), false, ctx);
    const zip = (await exportTo(demo, ctx, keys, join(base, 'demo.zip'))).path;
    demo.close();
    const imported = await importBundle(
      zip,
      { target: join(base, 'copy.bdcase'), overwrite: false, passphrase: null },
      ctx,
      newJob('bundle-import'),
      keys,
    );
    const copy = openCaseFile(imported.path, stampFor(ctx));
    try {
      expect(demoViewOf(copy)).toEqual(DEMO_VIEW);
    } finally {
      copy.close();
    }
  }, 60_000);
});
