import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseFile } from '../../main/casefile/case-file';
import { PAGE_SIZE } from '../../main/casefile/constants';
import { allBlobs } from '../../main/casefile/repos/blob-repo';
import { listEvidenceItems } from '../../main/casefile/repos/evidence-repo';
import { letterVersions, listLetters } from '../../main/casefile/repos/letters-repo';
import { importBundle } from '../../main/services/bundles/read/import-bundle';
import { verifyBundleFile } from '../../main/services/bundles/read/verify-file';
import { exportCaseDocument } from '../../main/services/case-document-service';
import { createDemoCase } from '../../main/services/demo-service';
import { verifyEvidence } from '../../main/services/evidence/verify-evidence-service';
import { stampFor } from '../../main/services/context';
import { testContext } from '../helpers/cases';
import { exportTo, keysIn } from '../helpers/bundles';
import { newJob } from '../helpers/evidence';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

describe('bundle round trip', () => {
  it(
    'export → import gives the same facts export, evidence hashes and letters',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const ctx = testContext();
      const keys = keysIn(dir);
      const original = await createDemoCase(join(dir, 'demo.bdcase'), false, ctx);
      const exported = await exportTo(original, ctx, keys, join(dir, 'demo.zip'), {
        includePrivileged: true,
      });
      expect(exported.evidenceFiles).toBeGreaterThan(0);
      expect(exported.letterFiles).toBe(listLetters(original.db).length * 3);

      const verification = await verifyBundleFile(exported.path, keys, newJob('bundle-verify'));
      expect(verification.problems).toEqual([]);
      expect(verification.ok).toBe(true);
      expect(verification.signature.status).toBe('valid');
      expect(verification.audit.status).toBe('ok');

      const imported = await importBundle(
        exported.path,
        { target: join(dir, 'copy.bdcase'), overwrite: false, passphrase: null },
        ctx,
        newJob('bundle-import'),
        keys,
      );
      const copy = openCaseFile(imported.path, stampFor(ctx));
      expect(exportCaseDocument(copy)).toEqual(exportCaseDocument(original));
      const hashes = (db: typeof original.db) => listEvidenceItems(db).map((item) => [item.id, item.sha256]);
      expect(hashes(copy.db)).toEqual(hashes(original.db));
      expect(allBlobs(copy.db).map((b) => [b.sha256, b.size, b.chunks])).toEqual(
        allBlobs(original.db).map((b) => [b.sha256, b.size, b.chunks]),
      );
      const letters = (db: typeof original.db) =>
        listLetters(db).map((letter) => ({ letter, versions: letterVersions(db, letter.id) }));
      expect(letters(copy.db)).toEqual(letters(original.db));
      // The bundle carries the case with small pages; the imported case file has the large ones again.
      expect(copy.db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
      const check = await verifyEvidence(copy, ctx, newJob('verify'), undefined);
      expect(check.ok).toBe(true);
      copy.close();
      original.close();
      expect(
        readdirSync(dir).filter((name) => name.includes('.writing') || name.includes('snapshot')),
      ).toEqual([]);
      expect(existsSync(imported.path)).toBe(true);
    },
  );
});
