import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { runCli, runCliOk, type Sandbox } from './support/cli';
import { bigFile, builder, caseFrom, EVIDENCE_MIB, shareKeys } from './support/fixtures';
import { fileAppears, journalHot, timePoints } from './support/kill-points';
import { evidenceList } from './support/queries';
import { crashSuite, RANDOM_FRACTION, type Prepared } from './support/scenario';

/*
 * Bundles in an age envelope (issue 16 item 6) under kill -9: the sealed export is at its name
 * whole or not there (its plain zip never is), and the scratch files holding the zip encrypted
 * under a key only the killed process had, beside the target on export and in the temporary
 * folder on import, are removed by the next run.
 */

const HALF = (EVIDENCE_MIB * 1024 * 1024) / 2;

/** A plaintext case with one big evidence file, and the builder's keys made (its age recipient too). */
async function buildCase(sandbox: Sandbox, path: string, evidence: string): Promise<void> {
  await runCliOk(sandbox, ['init', path, '--title', 'Crash test', '--org', 'Crash Test AB']);
  await runCliOk(sandbox, ['evidence', 'add', path, evidence, '--source', 'crash tier']);
  await runCliOk(sandbox, ['keys', 'create']);
}

/** The builder's age recipient, from its identity file (age-keygen's format). */
function builderRecipient(shared: string): string {
  const text = readFileSync(join(shared, 'builder', 'config', 'age-identity.txt'), 'utf8');
  return /^# public key: (age1\S+)$/m.exec(text)?.[1] ?? '';
}

interface SealedExport extends Prepared {
  casePath: string;
  sealed: string;
}

describe('crash: bundle export sealed in an age envelope', () => {
  crashSuite<SealedExport>({
    prepare: async (sandbox, shared) => {
      const evidence = bigFile(shared, 'evidence.bin', EVIDENCE_MIB);
      const casePath = await caseFrom(shared, 'case.bdcase', sandbox.dir, (b, path) =>
        buildCase(b, path, evidence.path),
      );
      shareKeys(shared, sandbox);
      const zip = join(sandbox.dir, 'bundle.zip');
      const sealed = `${zip}.age`;
      const args = ['bundle', 'export', casePath, '-o', zip, '--encrypt-to', builderRecipient(shared)];
      return {
        sandbox,
        casePath,
        sealed,
        args,
        cases: [casePath],
        allowed: [/^bundle\.zip\.age$/],
        check: async (killed) => {
          if (!killed) expect(existsSync(sealed)).toBe(true);
          expect(existsSync(zip), 'a plain zip').toBe(false);
          if (existsSync(sealed)) {
            const verified = await runCli(sandbox, ['bundle', 'verify', sealed]);
            expect(verified.status, verified.stdout + verified.stderr).toBe(0);
          }
        },
        rerun: () => [...args, '--force'],
      };
    },
    points: {
      ...timePoints<SealedExport>(RANDOM_FRACTION),
      'when the sealed scratch appears beside the target': (p) =>
        fileAppears(p.sandbox.dir, /^\.bundle\.zip\.age\..*\.sealed$/),
      'when the sealed scratch holds half the zip': (p) =>
        fileAppears(p.sandbox.dir, /^\.bundle\.zip\.age\..*\.sealed$/, HALF),
      'when half the age file is written under its temporary name': (p) =>
        fileAppears(p.sandbox.dir, /^\.bundle\.zip\.age\..*\.writing$/, HALF),
      'when the age file appears at its name (before the export is recorded)': (p) =>
        fileAppears(p.sandbox.dir, /^bundle\.zip\.age$/),
      'when the case journal is hot (recording the export)': (p) => journalHot(p.casePath),
    },
  });
});

interface SealedImport extends Prepared {
  target: string;
}

/** The bundle sealed to the builder's recipient, made once under `shared`. */
async function sharedSealedBundle(shared: string): Promise<{ sealed: string; sha256: string }> {
  const evidence = bigFile(shared, 'evidence.bin', EVIDENCE_MIB);
  const sealed = join(shared, 'bundle.zip.age');
  if (!existsSync(sealed)) {
    const source = join(shared, 'source.bdcase');
    await buildCase(builder(shared), source, evidence.path);
    await runCliOk(builder(shared), [
      'bundle',
      'export',
      source,
      '-o',
      sealed,
      '--encrypt-to',
      builderRecipient(shared),
    ]);
  }
  return { sealed, sha256: evidence.sha256 };
}

describe('crash: bundle import of a bundle sealed in an age envelope', () => {
  crashSuite<SealedImport>({
    prepare: async (sandbox, shared) => {
      const { sealed, sha256 } = await sharedSealedBundle(shared);
      shareKeys(shared, sandbox);
      const target = join(sandbox.dir, 'imported.bdcase');
      return {
        sandbox,
        target,
        args: ['bundle', 'import', sealed, '-o', target],
        cases: [target],
        allowed: [/^imported\.bdcase$/],
        check: async (killed) => {
          if (!killed) expect(existsSync(target)).toBe(true);
          if (existsSync(target)) {
            const items = await evidenceList(sandbox, target);
            expect(items.map((item) => item.sha256)).toEqual([sha256]);
          }
        },
        rerun: () => ['bundle', 'import', sealed, '-o', target, '--force'],
      };
    },
    points: {
      ...timePoints<SealedImport>(RANDOM_FRACTION),
      'when the scratch appears in the temporary folder': (p) =>
        fileAppears(p.sandbox.tmp, /^breachdesk-bundle\..*\.sealed$/),
      'when the scratch holds half the zip': (p) =>
        fileAppears(p.sandbox.tmp, /^breachdesk-bundle\..*\.sealed$/, HALF),
      'when the temporary case holds half the evidence': (p) =>
        fileAppears(p.sandbox.dir, /^\.imported\.bdcase\..*\.writing$/, HALF),
    },
  });
});
