import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleExportResult } from '../../shared/domain/bundle';
import type { JobProgress } from '../../shared/domain/evidence';
import { BreachdeskError } from '../../shared/ipc/errors';
import { openCaseFile, type CaseFile } from '../../main/casefile/case-file';
import { countAuditEntries, iterateAuditEntries } from '../../main/casefile/repos/audit-repo';
import { getCaseRecord } from '../../main/casefile/repos/case-repo';
import { custodyOf, listEvidenceItems } from '../../main/casefile/repos/evidence-repo';
import { notesTable } from '../../main/casefile/repos/tables';
import { validateBagDirectory } from '../helpers/bag-directory';
import { exportBundle } from '../../main/services/bundles/export/export-bundle';
import { importBundle } from '../../main/services/bundles/read/import-bundle';
import { verifyBundleFile } from '../../main/services/bundles/read/verify-file';
import type { SigningKeys } from '../../main/services/bundles/signing/signing-keys';
import { createRecord, removeRecord, updateRecord } from '../../main/services/collection-service';
import { stampFor } from '../../main/services/context';
import { createDemoCase } from '../../main/services/demo-service';
import { Job } from '../../main/services/jobs';
import { noteSpec } from '../../main/services/record-specs';
import { BUNDLE_TODAY, exportTo, keysIn } from '../helpers/bundles';
import { fileOf, oxumOf, readBundle, type BundleFiles } from '../helpers/bundle-edit';
import { testContext } from '../helpers/cases';
import { newJob } from '../helpers/evidence';
import { useTempDir } from '../helpers/temp-dir';

/*
 * Issue #7 points 1–3: what an export writes, with and without privileged notes and evidence,
 * what it leaves behind when cancelled or refused, and that standard tools accept it.
 */

const tempDir = useTempDir();
const ctx = testContext();

/** Distinctive text of the demo's privileged note (main/demo/scenario.ts). */
const PRIVILEGED_BODY = 'CNIL fined a retailer EUR 3 million';
const PRIVILEGED_TITLE = 'Counsel: regulatory risk view';
/** A privileged note written through the service (audited with its text), and one deleted. */
const WRITTEN_BODY = 'Quarantined-advice-7f3c: settle before the hearing';
const DELETED_BODY = 'Withdrawn-advice-91ab: do not notify yet';

let base: string;
let demo: CaseFile;
let keys: SigningKeys;
/** The demo exported with the defaults (evidence, no privileged notes). */
let exported: BundleExportResult;
let contents: BundleFiles;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'breachdesk-export-'));
  keys = keysIn(base);
  demo = await createDemoCase(join(base, 'demo.bdcase'), false, ctx);
  // The demo's privileged note came in with its case document (one audit entry of counts), so a
  // privileged note written and edited here gives the export audit payloads to withhold; one
  // written and then deleted leaves its text only in the audit log.
  const note = createRecord(demo, ctx, noteSpec, {
    title: 'Counsel: second opinion',
    body: `${WRITTEN_BODY} (draft)`,
    privileged: true,
  });
  updateRecord(demo, ctx, noteSpec, note.id, { body: WRITTEN_BODY });
  const gone = createRecord(demo, ctx, noteSpec, {
    title: 'Counsel: withdrawn',
    body: DELETED_BODY,
    privileged: true,
  });
  removeRecord(demo, ctx, noteSpec, gone.id);
  exported = await exportTo(demo, ctx, keys, join(base, 'demo.zip'));
  contents = await readBundle(exported.path);
}, 60_000);

afterAll(() => {
  demo.close();
  rmSync(base, { recursive: true, force: true });
});

function contains(path: string, text: string): boolean {
  return readFileSync(path).includes(Buffer.from(text, 'utf8'));
}

/** bag-info.txt as label → values (continuation lines joined). */
function bagInfoOf(bundle: BundleFiles): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  let last: string[] | null = null;
  for (const line of fileOf(bundle, 'bag-info.txt').toString('utf8').split('\n')) {
    if (line === '') continue;
    if (/^\s/.test(line) && last !== null) {
      last[last.length - 1] = `${last.at(-1) ?? ''} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    const label = line.slice(0, colon);
    last = labels.get(label) ?? [];
    last.push(line.slice(colon + 1).trim());
    labels.set(label, last);
  }
  return labels;
}

function exportJob(onProgress: (progress: JobProgress, job: Job) => void): Job {
  const job: Job = new Job(
    randomUUID(),
    'bundle-export',
    { emit: (_event, payload) => onProgress(payload as JobProgress, job) },
    0,
  );
  return job;
}

describe('bundle export, default options', () => {
  it(
    'leaves the privileged note out of every byte of the zip, and says its audit entries are withheld',
    { timeout: 60_000 },
    async () => {
      expect(notesTable.all(demo.db).some((n) => n.privileged && n.body.includes(PRIVILEGED_BODY))).toBe(
        true,
      );
      expect(contains(exported.path, PRIVILEGED_BODY)).toBe(false);
      expect(contains(exported.path, PRIVILEGED_TITLE)).toBe(false);
      expect(contains(exported.path, 'Quarantined-advice-7f3c')).toBe(false);
      // Sanity: the zip is STORED, so other case text can be found in its bytes the same way.
      const other = notesTable.all(demo.db).find((n) => !n.privileged)!;
      expect(contains(exported.path, other.title)).toBe(true);

      const report = await verifyBundleFile(exported.path, keys, newJob('bundle-verify'));
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.audit.status).toBe('ok');
      expect(report.audit.withheld).toBeGreaterThan(0);
      expect(report.bag.includesPrivilegedNotes).toBe(false);

      const dir = tempDir();
      const imported = await importBundle(
        exported.path,
        { target: join(dir, 'copy.bdcase'), overwrite: false, passphrase: null },
        ctx,
        newJob('bundle-import'),
        keys,
      );
      const copy = openCaseFile(imported.path, stampFor(ctx));
      expect(notesTable.all(copy.db).some((n) => n.privileged)).toBe(false);
      expect(notesTable.all(copy.db)).toHaveLength(
        notesTable.all(demo.db).filter((n) => !n.privileged).length,
      );
      copy.close();
    },
  );

  it('writes bag-info.txt with the labels DESIGN.md §7 lists', () => {
    const info = bagInfoOf(contents);
    const record = getCaseRecord(demo.db);
    const one = (label: string) => {
      expect(info.get(label), label).toHaveLength(1);
      return info.get(label)?.[0];
    };
    expect(one('Source-Organization')).toBe(record.organisation);
    expect(one('External-Identifier')).toBe(record.id);
    expect(one('External-Description')).toBe(record.title);
    expect(one('Bagging-Date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(one('Payload-Oxum')).toBe(oxumOf(contents));
    expect(one('Bag-Software-Agent')).toMatch(/^Breachdesk \S+/);
    expect(one('Breachdesk-Schema-Version')).toBe(String(demo.schemaVersion));
    expect(one('Breachdesk-Audit-Head')).toBe(exported.auditHead);
    expect(one('Breachdesk-Signer-Fingerprint')).toBe(exported.signerFingerprint);
    expect(one('Breachdesk-Includes-Evidence')).toBe('yes');
    expect(one('Breachdesk-Includes-Privileged-Notes')).toBe('no');
    // The demo's facts name a contact (Contact-* are written when the facts have them).
    expect([...info.keys()].some((label) => label.startsWith('Contact-'))).toBe(true);
  });

  it('holds the layout of DESIGN.md §7', () => {
    const names = [...contents.files.keys()];
    for (const name of [
      'bagit.txt',
      'bag-info.txt',
      'manifest-sha256.txt',
      'tagmanifest-sha256.txt',
      'tagmanifest-sha256.txt.sig',
      'data/case.bdcase',
      'data/case.json',
      'data/audit-log.jsonl',
      'data/index.html',
    ]) {
      expect(names).toContain(name);
    }
    expect(names.filter((n) => n.startsWith('data/evidence/'))).toHaveLength(exported.evidenceFiles);
    expect(names.filter((n) => n.startsWith('data/letters/'))).toHaveLength(exported.letterFiles);
    for (const format of ['pdf', 'docx', 'html']) {
      expect(names.some((n) => n.startsWith('data/letters/') && n.endsWith(`.${format}`))).toBe(true);
    }
    expect(contents.root).toMatch(/-\d{4}-\d{2}-\d{2}$/);
  });

  it(
    'passes Info-ZIP "unzip -t" and, unzipped, BagIt validation with no problem',
    { timeout: 60_000 },
    async () => {
      const tested = spawnSync('/usr/bin/unzip', ['-t', '-q', exported.path], { encoding: 'utf8' });
      expect(`${tested.stdout}${tested.stderr}`).toMatch(/^No errors detected in compressed data of /);
      expect(tested.status).toBe(0);

      const dir = tempDir();
      const unzipped = spawnSync('/usr/bin/unzip', ['-q', exported.path, '-d', dir], { encoding: 'utf8' });
      expect(unzipped.stderr).toBe('');
      expect(unzipped.status).toBe(0);
      expect(readdirSync(dir)).toEqual([contents.root]);
      expect(await validateBagDirectory(join(dir, contents.root))).toEqual([]);
    },
  );

  it('records the export in the case: a bundle.exported audit entry and custody for each item', () => {
    const entry = [...iterateAuditEntries(demo.db)].find((e) => e.target === `bundle:${exported.bundleId}`);
    expect(entry).toMatchObject({
      action: 'bundle.exported',
      payload: {
        auditHead: exported.auditHead,
        signerFingerprint: exported.signerFingerprint,
        includeEvidence: true,
        includePrivileged: false,
        includeRoster: false,
      },
    });
    expect((entry?.payload as { withheldAuditEntries: number }).withheldAuditEntries).toBeGreaterThan(0);
    for (const item of listEvidenceItems(demo.db)) {
      const exportedEntries = custodyOf(demo.db, item.id).filter(
        (c) => c.action === 'exported' && c.note.includes(exported.bundleId),
      );
      expect(exportedEntries, item.name).toHaveLength(1);
    }
  });
});

describe('bundle export, a privileged note deleted before the export', () => {
  // The audit log keeps a deleted note's text (note.created and note.deleted carry the whole
  // note), so the export finds privileged notes through the log as well as the notes table.
  it('keeps the deleted note\u2019s text out of the zip too', () => {
    expect(contains(exported.path, 'Withdrawn-advice-91ab')).toBe(false);
  });
});

describe('bundle export options', () => {
  it(
    'includePrivileged: true puts the privileged note in, with nothing withheld',
    { timeout: 60_000 },
    async () => {
      const result = await exportTo(demo, ctx, keys, join(tempDir(), 'privileged.zip'), {
        includePrivileged: true,
      });
      expect(contains(result.path, PRIVILEGED_BODY)).toBe(true);
      expect(contains(result.path, WRITTEN_BODY)).toBe(true);
      const report = await verifyBundleFile(result.path, keys, newJob('bundle-verify'));
      expect(report.ok).toBe(true);
      expect(report.audit.withheld).toBe(0);
      expect(report.bag.includesPrivilegedNotes).toBe(true);
    },
  );

  it(
    'includeEvidence: false has no data/evidence/, verifies, and imports with the items listed',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const custodyBefore = listEvidenceItems(demo.db).map((item) => custodyOf(demo.db, item.id).length);
      const result = await exportTo(demo, ctx, keys, join(dir, 'no-evidence.zip'), {
        includeEvidence: false,
      });
      expect(result.evidenceFiles).toBe(0);
      const bundle = await readBundle(result.path);
      expect([...bundle.files.keys()].filter((n) => n.startsWith('data/evidence/'))).toEqual([]);
      expect(bagInfoOf(bundle).get('Breachdesk-Includes-Evidence')).toEqual(['no']);
      // No bytes left in it, so no custody entry says they did.
      expect(listEvidenceItems(demo.db).map((item) => custodyOf(demo.db, item.id).length)).toEqual(
        custodyBefore,
      );

      const report = await verifyBundleFile(result.path, keys, newJob('bundle-verify'));
      expect(report.problems).toEqual([]);
      expect(report.bag.includesEvidence).toBe(false);

      const imported = await importBundle(
        result.path,
        { target: join(dir, 'listed.bdcase'), overwrite: false, passphrase: null },
        ctx,
        newJob('bundle-import'),
        keys,
      );
      expect(imported.evidenceFiles).toBe(0);
      const copy = openCaseFile(imported.path, stampFor(ctx));
      const items = listEvidenceItems(copy.db);
      expect(items.map((i) => [i.id, i.name, i.sha256])).toEqual(
        listEvidenceItems(demo.db).map((i) => [i.id, i.name, i.sha256]),
      );
      expect(custodyOf(copy.db, items[0]!.id).at(-1)?.note).toContain('exported without evidence bytes');
      copy.close();
    },
  );

  for (const [when, phase] of [
    ['from its first progress report', null],
    ['while writing the zip', 'Writing the bundle'],
  ] as const) {
    it(`cancelled ${when}: rejects with CANCELLED and leaves no file`, { timeout: 60_000 }, async () => {
      const out = join(tempDir(), 'out');
      mkdirSync(out);
      const audit = countAuditEntries(demo.db);
      let cancelledAt: string | null = null;
      const job = exportJob((progress, self) => {
        if (cancelledAt !== null || (phase !== null && progress.phase !== phase)) return;
        cancelledAt = progress.phase;
        self.cancel();
      });
      const error: unknown = await exportBundle(
        demo,
        ctx,
        job,
        keys,
        {
          path: join(out, 'cancelled.zip'),
          overwrite: false,
          includeEvidence: true,
          includePrivileged: false,
          includeRoster: false,
        },
        BUNDLE_TODAY,
      ).catch((e: unknown) => e);
      expect(cancelledAt).not.toBeNull();
      if (phase !== null) expect(cancelledAt).toBe(phase);
      expect(error).toBeInstanceOf(BreachdeskError);
      expect((error as BreachdeskError).code).toBe('CANCELLED');
      expect(readdirSync(out)).toEqual([]);
      expect(countAuditEntries(demo.db)).toBe(audit);
    });
  }

  it('refuses to replace an existing file unless asked', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const target = join(dir, 'taken.zip');
    writeFileSync(target, 'not mine to replace');
    const error: unknown = await exportTo(demo, ctx, keys, target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BreachdeskError);
    expect((error as BreachdeskError).code).toBe('ALREADY_EXISTS');
    expect((error as BreachdeskError).message).toContain('taken.zip');
    expect(readFileSync(target, 'utf8')).toBe('not mine to replace');
    expect(readdirSync(dir)).toEqual(['taken.zip']);
  });
});
