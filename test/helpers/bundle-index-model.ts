import { join } from 'node:path';
import type { BundleIndexModel } from '../../main/services/bundles/index-page/model';
import { countAuditEntries, listAuditEntries } from '../../main/casefile/repos/audit-repo';
import { getCaseRecord } from '../../main/casefile/repos/case-repo';
import { listEvidenceItems } from '../../main/casefile/repos/evidence-repo';
import { getFacts } from '../../main/casefile/repos/facts-repo';
import { listLetters } from '../../main/casefile/repos/letters-repo';
import { investigationRecords } from '../../main/casefile/repos/tables';
import { createDemoCase } from '../../main/services/demo-service';
import { obligationsBoard } from '../../main/services/obligations/obligations-service';
import { LETTER_FORMATS } from '../../shared/domain/letters';
import { testContext } from './cases';

export interface DemoModelOptions {
  includeEvidence?: boolean;
  includePrivileged?: boolean;
}

/** A fixed, valid-looking fingerprint: the page shows it, nothing here checks a signature. */
export const TEST_FINGERPRINT = 'SHA256:q1w2e3r4t5y6u7i8o9p0AaSsDdFfGgHhJjKkLlZzXxC';

/** "evidence/001-access log.csv": the layout the exporter gives data/evidence/. */
export function evidenceBagPath(index: number, name: string): string {
  return `evidence/${String(index + 1).padStart(3, '0')}-${name}`;
}

/**
 * The demo case (SCENARIO.md) built with the real services in `dir` and read back with the real
 * repositories, as the bundle exporter would hand it to `renderBundleIndex`.
 */
export async function demoBundleIndexModel(
  dir: string,
  options: DemoModelOptions = {},
): Promise<BundleIndexModel> {
  const includeEvidence = options.includeEvidence ?? true;
  const includePrivileged = options.includePrivileged ?? false;
  const ctx = testContext('Maria Lind');
  const file = await createDemoCase(join(dir, 'demo.bdcase'), false, ctx);
  try {
    const { db } = file;
    const today = ctx.now().toISOString().slice(0, 10);
    const records = investigationRecords(db);
    return {
      case: getCaseRecord(db),
      facts: getFacts(db),
      ...records,
      notes: records.notes.filter((n) => includePrivileged || !n.privileged),
      evidence: listEvidenceItems(db).map((item, i) => ({
        item,
        bagPath: includeEvidence ? evidenceBagPath(i, item.name) : null,
      })),
      obligations: obligationsBoard(file, undefined, today),
      letters: listLetters(db).map((letter, i) => ({
        letter,
        files: LETTER_FORMATS.map((format) => ({
          format,
          bagPath: `letters/${String(i + 1).padStart(2, '0')}-${letter.title}.${format}`,
        })),
      })),
      bundle: {
        bundleId: '6f1c2b9e-3d4a-4f5b-8c7d-9e0f1a2b3c4d',
        exportedAt: ctx.now().toISOString(),
        exportedBy: 'Maria Lind',
        signerFingerprint: TEST_FINGERPRINT,
        auditHead: listAuditEntries(db, undefined, 1)[0]?.hash ?? '0'.repeat(64),
        auditEntries: countAuditEntries(db),
        includesEvidence: includeEvidence,
        includesPrivilegedNotes: includePrivileged,
        software: 'Breachdesk 0.1.0',
      },
    };
  } finally {
    file.close();
  }
}
