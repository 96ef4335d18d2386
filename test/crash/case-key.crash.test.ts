import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { runCliOk, type Sandbox } from './support/cli';
import { bigFile, caseFrom, caseWithEvidence, EVIDENCE_MIB } from './support/fixtures';
import { fileAppears, timePoints } from './support/kill-points';
import { auditActions, evidenceList } from './support/queries';
import { crashSuite, RANDOM_FRACTION, type Prepared } from './support/scenario';

interface KeyChange extends Prepared {
  casePath: string;
}

const isPlain = (path: string) =>
  readFileSync(path).subarray(0, 16).toString('latin1') === 'SQLite format 3\0';

/** The same sandbox without a passphrase in its environment, so `init --plaintext` may run. */
function withoutPassphrase(sandbox: Sandbox): Sandbox {
  const env = { ...sandbox.env };
  delete env.BREACHDESK_PASSPHRASE;
  return { ...sandbox, env };
}

/** A case with one big evidence file, and whether its evidence is still whole after a kill. */
async function evidenceWhole(sandbox: Sandbox, casePath: string, sha256: string): Promise<void> {
  const items = await evidenceList(sandbox, casePath);
  expect(items.map((item) => item.sha256)).toEqual([sha256]);
}

const REWRITTEN = /\.case\.bdcase\.[0-9a-f-]{36}\.creating$/;

/**
 * `case encrypt`: the plaintext case is rewritten encrypted beside itself and renamed over it.
 * After a kill the case is whole, plaintext as it was or encrypted with the change audited, and
 * the half-written copy is removed by the next open.
 */
describe('crash: case encrypt', () => {
  crashSuite<KeyChange>({
    prepare: async (sandbox, shared) => {
      const evidence = bigFile(shared, 'evidence.bin', EVIDENCE_MIB);
      const casePath = await caseFrom(shared, 'case.bdcase', sandbox.dir, async (builder, path) => {
        const plain = withoutPassphrase(builder);
        await runCliOk(plain, [
          'init',
          path,
          '--title',
          'Crash test',
          '--org',
          'Crash Test AB',
          '--plaintext',
        ]);
        await runCliOk(plain, ['evidence', 'add', path, evidence.path, '--source', 'crash tier']);
      });
      return {
        sandbox,
        casePath,
        args: ['case', 'encrypt', casePath],
        cases: [casePath],
        allowed: [],
        check: async () => {
          await evidenceWhole(sandbox, casePath, evidence.sha256);
          const encrypted = !isPlain(casePath);
          expect((await auditActions(sandbox, casePath)).includes('casefile.encrypted')).toBe(encrypted);
        },
        rerun: () => (isPlain(casePath) ? ['case', 'encrypt', casePath] : null),
      };
    },
    points: {
      ...timePoints<KeyChange>(RANDOM_FRACTION),
      'once the encrypted copy is half written': (p) =>
        fileAppears(join(p.casePath, '..'), REWRITTEN, (EVIDENCE_MIB * 1024 * 1024) / 2),
    },
  });
});

/** `case rekey`: the case opens afterwards with the old passphrase or the new one, never neither. */
describe('crash: case rekey', () => {
  crashSuite<KeyChange>({
    prepare: async (sandbox, shared) => {
      const evidence = bigFile(shared, 'evidence.bin', EVIDENCE_MIB);
      const casePath = await caseFrom(shared, 'case.bdcase', sandbox.dir, (builder, path) =>
        caseWithEvidence(builder, path, evidence.path),
      );
      // The new passphrase is the same as the old: every later open (verify, the checks) works
      // whichever file the kill left, and the audit entry says whether the rekey landed.
      const next = join(sandbox.dir, 'next-passphrase.txt');
      writeFileSync(next, `${sandbox.env.BREACHDESK_PASSPHRASE ?? ''}\n`);
      return {
        sandbox,
        casePath,
        args: ['case', 'rekey', casePath, '--new-passphrase-file', next],
        cases: [casePath],
        allowed: [],
        check: async () => {
          await evidenceWhole(sandbox, casePath, evidence.sha256);
          expect(isPlain(casePath)).toBe(false);
        },
      };
    },
    points: {
      ...timePoints<KeyChange>(RANDOM_FRACTION),
      'once the re-encrypted copy is half written': (p) =>
        fileAppears(join(p.casePath, '..'), REWRITTEN, (EVIDENCE_MIB * 1024 * 1024) / 2),
    },
  });
});
