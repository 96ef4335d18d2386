import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { expect, it } from 'vitest';
import { openCaseFile } from '../../main/casefile/case-file';
import { appendAuditEntry, iterateAuditEntries } from '../../main/casefile/repos/audit-repo';
import { verifyAudit } from '../../main/services/verify-service';
import { auditHashInput } from '../../shared/audit-hash-input';
import { makeCase } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';
import { medianMs } from './stats';

const tempDir = useTempDir();
const ENTRIES = 100_000;
const stamp = { actor: 'bench', at: '2026-01-15T10:00:00.000Z' };

/**
 * Opening and verifying a case file holding 100,000 audit entries. Each figure is a median and
 * is set beside a baseline measured in the same run on the same data, since machines are noisy.
 */
it('opens and verifies a case file with 100,000 audit entries', () => {
  const dir = tempDir();
  const file = makeCase(dir);
  const batch = 5_000;
  for (let done = 1; done < ENTRIES; done += batch) {
    file.transaction((db) => {
      for (let i = done; i < Math.min(done + batch, ENTRIES); i += 1) {
        appendAuditEntry(db, {
          ...stamp,
          action: 'event.updated',
          target: `event:${i}`,
          payload: { field: 'title', from: `Event ${i}`, to: `Event ${i} (revised)` },
        });
      }
    });
  }
  file.close();
  const sizeMiB = statSync(file.path).size / 2 ** 20;

  const readFileMs = medianMs(7, () => readFileSync(file.path));
  const openMs = medianMs(7, () => openCaseFile(file.path, stamp).close());

  const opened = openCaseFile(file.path, stamp);
  const entries = [...iterateAuditEntries(opened.db)];
  const hashOnlyMs = medianMs(5, () => {
    for (const entry of entries)
      createHash('sha256').update(auditHashInput(entry.prevHash, entry)).digest('hex');
  });
  let verified = 0;
  const verifyMs = medianMs(5, () => {
    verified = verifyAudit(opened).entries;
  });
  opened.close();

  console.log(
    [
      `case file: ${ENTRIES.toLocaleString('en')} audit entries, ${sizeMiB.toFixed(1)} MiB`,
      `open (header check, lock, quick_check): median ${openMs.toFixed(1)} ms = ${(openMs / readFileMs).toFixed(1)}× reading the whole file (${readFileMs.toFixed(1)} ms)`,
      `verify audit chain: median ${verifyMs.toFixed(0)} ms = ${(verifyMs / hashOnlyMs).toFixed(2)}× hashing the same entries in memory (${hashOnlyMs.toFixed(0)} ms); ${(ENTRIES / (verifyMs / 1000)).toFixed(0)} entries/s`,
    ].join('\n'),
  );
  expect(verified).toBe(ENTRIES);
});
