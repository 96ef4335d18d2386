import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { CaseFile } from '../casefile/case-file';
import { pendingEvidenceTable } from '../casefile/repos/tables';
import { demoEvidenceFiles } from '../demo/evidence-files';
import { demoScenario } from '../demo/scenario';
import { changeWithAudit } from './audited';
import { createCase } from './case-service';
import { importCaseDocument } from './case-document-service';
import type { ServiceContext } from './context';

/** The folder beside the case file where the demo's generated evidence files are written. */
export function demoEvidenceFolder(casePath: string): string {
  return join(dirname(casePath), `${basename(casePath, extname(casePath))} evidence`);
}

/**
 * Builds the sample incident of SCENARIO.md in a new case file: facts, people, parties, timeline,
 * tasks, notes, and the generated evidence files (written beside the case file and listed as
 * pending until the evidence locker attaches them). A failure removes the half-built file.
 */
export function createDemoCase(path: string, overwrite: boolean, ctx: ServiceContext): CaseFile {
  const { document, eventIds } = demoScenario();
  const file = createCase(
    {
      path,
      title: document.case?.title ?? 'Demo case',
      organisation: document.case?.organisation ?? 'Demo',
      overwrite,
    },
    ctx,
  );
  try {
    importCaseDocument(file, document, ctx);
    const folder = demoEvidenceFolder(file.path);
    mkdirSync(folder, { recursive: true });
    const pending = demoEvidenceFiles().map((generated) => {
      const target = join(folder, generated.name);
      writeFileSync(target, generated.bytes);
      return {
        id: randomUUID(),
        name: generated.name,
        path: target,
        size: generated.bytes.length,
        sha256: createHash('sha256').update(generated.bytes).digest('hex'),
        description: generated.description,
        eventIds: generated.linkedEvents.map((key) => eventIds[key]),
      };
    });
    changeWithAudit(file, ctx, (db) => {
      for (const row of pending) pendingEvidenceTable.put(db, row);
      return {
        result: undefined,
        audit: {
          action: 'demo.evidence_generated',
          target: 'evidence',
          payload: { folder, files: pending.map(({ name, size, sha256 }) => ({ name, size, sha256 })) },
        },
      };
    });
    return file;
  } catch (error) {
    file.close();
    rmSync(file.path, { force: true });
    throw error;
  }
}
