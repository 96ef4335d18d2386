import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { CaseFile } from '../casefile/case-file';
import { demoEvidenceFiles } from '../demo/evidence-files';
import { DEMO_LETTERS } from '../demo/letters';
import { demoScenario } from '../demo/scenario';
import { silentEvents } from '../ipc/host-deps';
import { createCase } from './case-service';
import { importCaseDocument } from './case-document-service';
import type { ServiceContext } from './context';
import { takeInEvidence } from './evidence/intake-service';
import { createLetter } from './letters/letters-service';
import { Job } from './jobs';

/** The folder beside the case file where the demo's generated evidence files are written. */
export function demoEvidenceFolder(casePath: string): string {
  return join(dirname(casePath), `${basename(casePath, extname(casePath))} evidence`);
}

/**
 * Builds the sample incident of SCENARIO.md in a new case file: facts, people, parties, timeline,
 * tasks, notes, the generated evidence files (written beside the case file and taken into the
 * evidence locker, each linked to its timeline events) and the letters drafted from templates.
 * A failure removes the half-built file.
 */
export async function createDemoCase(
  path: string,
  overwrite: boolean,
  ctx: ServiceContext,
): Promise<CaseFile> {
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
    for (const generated of demoEvidenceFiles()) {
      const target = join(folder, generated.name);
      writeFileSync(target, generated.bytes);
      await takeInEvidence(file, ctx, new Job(randomUUID(), 'intake', silentEvents), [target], {
        source: 'Generated for the demo case (synthetic; no real personal data)',
        collectedBy: 'Breachdesk demo',
        collectedAt: null,
        description: generated.description,
        tags: ['demo'],
        eventIds: generated.linkedEvents.map((key) => eventIds[key]),
        partyIds: [],
      });
    }
    const today = ctx.now().toISOString().slice(0, 10);
    for (const letter of DEMO_LETTERS) createLetter(file, ctx, { ...letter, title: undefined }, today);
    return file;
  } catch (error) {
    file.close();
    rmSync(file.path, { force: true });
    throw error;
  }
}
