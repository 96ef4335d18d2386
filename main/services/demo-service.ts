import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { refuseIfOpenElsewhere, type CaseFile } from '../casefile/case-file';
import { demoEvidenceFiles } from '../demo/evidence-files';
import { DEMO_LETTERS } from '../demo/letters';
import {
  DEMO_DIRECTORY_MAPPING,
  DEMO_DIRECTORY_NAME,
  DEMO_EXTRACT_MAPPING,
  DEMO_EXTRACT_NAME,
  demoRosterFiles,
} from '../demo/roster-data';
import { demoScenario } from '../demo/scenario';
import { silentEvents } from './events';
import { createCase, openCase } from './case-service';
import { importCaseDocument } from './case-document-service';
import type { ServiceContext } from './context';
import { takeInEvidence } from './evidence/intake-service';
import { outputTarget, writeFileAtomically } from './files/atomic-write';
import { createLetter } from './letters/letters-service';
import { markAsDemo } from './demo-view';
import { Job } from './jobs';
import { importDatasets } from './roster/roster-import-service';

/** The folder beside the case file where the demo's generated evidence files are written. */
export function demoEvidenceFolder(casePath: string): string {
  return join(dirname(casePath), `${basename(casePath, extname(casePath))} evidence`);
}

/**
 * Builds the sample incident of SCENARIO.md in a new case file: facts, people, parties, timeline,
 * tasks, notes, the generated evidence files (written beside the case file and taken into the
 * evidence locker, each linked to its timeline events) and the letters drafted from templates.
 * The case is built under a temporary name and renamed into place when complete, so a failure
 * or a kill never leaves a half-built demo at `path` (the next run removes a killed one's file).
 */
/** Said by the app and the command line whenever the demo case is created. */
export const DEMO_NOT_ENCRYPTED = 'The demo case file is not encrypted: everything in it is fictional.';

export async function createDemoCase(
  path: string,
  overwrite: boolean,
  ctx: ServiceContext,
): Promise<CaseFile> {
  const { target, temporary } = outputTarget(path, overwrite);
  const { document, eventIds } = demoScenario();
  const file = createCase(
    {
      path: temporary,
      title: document.case?.title ?? 'Demo case',
      organisation: document.case?.organisation ?? 'Demo',
      overwrite: false,
      // Left unencrypted on purpose: every person and record in it is fictional, and it is
      // meant to be opened and shared freely. DEMO_NOT_ENCRYPTED says so wherever it is made.
      passphrase: null,
    },
    ctx,
  );
  try {
    importCaseDocument(file, document, ctx);
    markAsDemo(file, ctx);
    const folder = demoEvidenceFolder(target);
    mkdirSync(folder, { recursive: true });
    for (const generated of demoEvidenceFiles()) {
      const evidencePath = await writeFileAtomically(join(folder, generated.name), generated.bytes, true);
      await takeInEvidence(file, ctx, new Job(randomUUID(), 'intake', silentEvents), [evidencePath], {
        source: 'Generated for the demo case (synthetic; no real personal data)',
        collectedBy: 'Breachdesk demo',
        collectedAt: null,
        description: generated.description,
        tags: ['demo'],
        eventIds: generated.linkedEvents.map((key) => eventIds[key]),
        partyIds: [],
      });
    }
    await importDemoRoster(file, ctx, folder);
    const today = ctx.now().toISOString().slice(0, 10);
    // One story (issue 18): a notice whose letter is drafted reads "Drafting", as when a person drafts it.
    for (const letter of DEMO_LETTERS) {
      createLetter(file, ctx, { ...letter, title: undefined }, today, { moveNotice: true });
    }
    file.close();
    refuseIfOpenElsewhere(target);
    renameSync(temporary, target);
  } catch (error) {
    file.close();
    rmSync(temporary, { force: true });
    throw error;
  }
  return openCase(target, ctx);
}

/**
 * The demo's people, counted from data: the user directory, then the access extract as its scope
 * (only the accounts partners read out of scope are affected). Both files are written beside the
 * case with the other generated files, so they can be opened or imported again.
 */
async function importDemoRoster(file: CaseFile, ctx: ServiceContext, folder: string): Promise<void> {
  const files = demoRosterFiles();
  const directory = await writeFileAtomically(join(folder, DEMO_DIRECTORY_NAME), files.directory, true);
  const extract = await writeFileAtomically(join(folder, DEMO_EXTRACT_NAME), files.extract, true);
  // One import of both: the indexes are built and the people counted once.
  await importDatasets(file, ctx, new Job(randomUUID(), 'roster-import', silentEvents), [
    { path: directory, mapping: DEMO_DIRECTORY_MAPPING, onBadRow: 'stop' },
    { path: extract, mapping: DEMO_EXTRACT_MAPPING, scopeOf: DEMO_DIRECTORY_NAME, onBadRow: 'stop' },
  ]);
}
