import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../main/casefile/constants';
import { MIGRATIONS } from '../../main/casefile/migrations';
import { useSqlCipher } from '../../main/casefile/cipher';
import { useTempDir } from '../helpers/temp-dir';
import { CRASH_PASSPHRASE, runCliOk, sandboxIn, startCli, type Sandbox } from './support/cli';
import { fileAppears, journalHot, type KillPoint } from './support/kill-points';
import { filesUnder } from './support/leftovers';
import { api } from './support/queries';

/**
 * Issue 16 item 5: with the case encrypted, no file Breachdesk writes in the case's folder, the
 * output folder (its temporaries) or the temporary folder holds case data in clear, whatever it
 * does and wherever it is killed. A marker goes into the case record, the facts, a note, an
 * evidence file and a letter; after every operation, and after kill -9 in the middle of each long
 * write, every file there is searched for it, except the outputs the person asked for in
 * plaintext (the bundle zip, a rendered letter).
 */
const MARKER = 'MARKER-4b1d-plaintext-must-not-leak';
const tempDir = useTempDir();

interface World {
  sandbox: Sandbox;
  cases: string;
  outputs: string;
  inputs: string;
  casePath: string;
}

function world(): World {
  const sandbox = sandboxIn(tempDir());
  const cases = join(sandbox.dir, 'cases');
  const outputs = join(sandbox.dir, 'outputs');
  const inputs = join(sandbox.dir, 'inputs');
  for (const dir of [cases, outputs, inputs]) mkdirSync(dir, { recursive: true });
  return { sandbox, cases, outputs, inputs, casePath: join(cases, 'case.bdcase') };
}

/** Files under the case, output and temporary folders that hold the marker (outputs asked for in plaintext aside). */
function leaks(w: World, plaintextOutputs: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const dir of [w.cases, w.outputs, w.sandbox.tmp]) {
    for (const relative of filesUnder(dir)) {
      const path = join(dir, relative);
      if (plaintextOutputs.includes(path)) continue;
      if (readFileSync(path).includes(MARKER)) found.push(path);
    }
  }
  return found;
}

/** Starts the command, kills it with SIGKILL at `point` (if it gets there), and waits for it to end. */
async function killAt(w: World, args: string[], point: KillPoint): Promise<boolean> {
  const run = startCli(w.sandbox, args);
  const reached = await point(run, Date.now());
  if (reached) run.child.kill('SIGKILL');
  await run.outcome;
  return reached;
}

/** Evidence that is text, so its extracted text and search index hold the marker too. */
function markedEvidence(w: World): string {
  const path = join(w.inputs, 'export.csv');
  const line = `42,jane.doe@example.org,${MARKER},1984-04-09\n`;
  writeFileSync(path, line.repeat(Math.ceil((24 * 1024 * 1024) / line.length)));
  return path;
}

describe('no plaintext of an encrypted case on disk', () => {
  it(
    'after every kind of operation, and after kill -9 in each long write',
    { timeout: 600_000 },
    async () => {
      const w = world();
      const { sandbox, casePath } = w;
      await runCliOk(sandbox, ['init', casePath, '--title', 'Leak test', '--org', MARKER]);
      await api(sandbox, casePath, 'facts.update', { patch: { summary: `Exposure found by ${MARKER}` } });
      await api(sandbox, casePath, 'notes.create', { title: 'Call log', body: `Spoke to ${MARKER}` });
      await api(sandbox, casePath, 'letters.create', {
        templateId: 'gdpr-art33-authority-en',
        recipient: { name: MARKER, address: '' },
      });
      expect(leaks(w)).toEqual([]);

      // Intake, killed while its change is being written, then again to the end.
      const evidence = markedEvidence(w);
      const intake = ['evidence', 'add', casePath, evidence, '--source', 'leak test'];
      expect(await killAt(w, intake, journalHot(casePath))).toBe(true);
      expect(leaks(w)).toEqual([]);
      await runCliOk(sandbox, intake);
      expect(leaks(w)).toEqual([]);

      // A letter rendered on request is plaintext by the person's choice.
      const letters = await api<{ id: string }[]>(sandbox, casePath, 'letters.list', {});
      const rendered = join(w.outputs, 'letter.html');
      await runCliOk(sandbox, [
        'letter',
        'render',
        casePath,
        letters[0]?.id ?? '',
        '--format',
        'html',
        '-o',
        rendered,
      ]);
      expect(readFileSync(rendered).includes(MARKER)).toBe(true);
      expect(leaks(w, [rendered])).toEqual([]);

      // Bundle export: killed once its snapshot is written beside the target, then to the end.
      const zip = join(w.outputs, 'bundle.zip');
      const exportArgs = ['bundle', 'export', casePath, '-o', zip];
      expect(await killAt(w, exportArgs, fileAppears(w.outputs, /snapshot/, 4096))).toBe(true);
      expect(leaks(w, [rendered])).toEqual([]);
      await runCliOk(sandbox, [...exportArgs, '--force']);
      expect(leaks(w, [rendered, zip])).toEqual([]);

      // Verify and merge read the bag's snapshot in memory; an import writes the new case encrypted.
      await runCliOk(sandbox, ['bundle', 'verify', zip]);
      await runCliOk(sandbox, ['bundle', 'import', zip, '--into', casePath]);
      const imported = join(w.cases, 'imported.bdcase');
      const importArgs = ['bundle', 'import', zip, '-o', imported];
      expect(await killAt(w, importArgs, fileAppears(w.cases, /imported/, 65536 * 4))).toBe(true);
      expect(leaks(w, [rendered, zip])).toEqual([]);
      await runCliOk(sandbox, [...importArgs, '--force']);
      expect(leaks(w, [rendered, zip])).toEqual([]);

      // A sealed bundle (age) holds nothing in clear either.
      const sealed = join(w.outputs, 'sealed.zip');
      const passFile = join(w.inputs, 'bundle-pass.txt');
      writeFileSync(passFile, 'bundle passphrase\n');
      await runCliOk(sandbox, [
        'bundle',
        'export',
        casePath,
        '-o',
        sealed,
        '--encrypt-passphrase-file',
        passFile,
      ]);
      expect(leaks(w, [rendered, zip])).toEqual([]);

      // Changing the passphrase, and upgrading an older encrypted case with its backup.
      const next = join(w.inputs, 'next.txt');
      writeFileSync(next, 'the next passphrase\n');
      await runCliOk(sandbox, ['case', 'rekey', casePath, '--new-passphrase-file', next]);
      expect(leaks(w, [rendered, zip])).toEqual([]);
      const old = join(w.cases, 'old.bdcase');
      encryptedAtSchema60(old);
      await runCliOk(sandbox, ['show', old]);
      expect(filesUnder(w.cases).some((name) => name.includes('schema60-backup'))).toBe(true);
      expect(leaks(w, [rendered, zip])).toEqual([]);
    },
  );
});

/** An encrypted case file as a release at schema 60 wrote it, holding the marker in a note. */
function encryptedAtSchema60(path: string): void {
  const db = new BetterSqlite3(path);
  try {
    useSqlCipher(db, Buffer.from(CRASH_PASSPHRASE, 'utf8'));
    db.pragma('page_size = 65536');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.transaction(() => {
      for (const migration of MIGRATIONS.filter((m) => m.version <= 60)) db.exec(migration.sql);
      db.pragma('user_version = 60');
      db.prepare(
        `INSERT INTO case_record (id, title, organisation, status, created_at, updated_at)
         VALUES ('6f1d5c2e-8a4b-4c3d-9e2f-1a2b3c4d5e6f', 'Old', @org, 'investigating', '2025-06-01T08:00:00.000Z', '2025-06-01T08:00:00.000Z')`,
      ).run({ org: MARKER });
    })();
  } finally {
    db.close();
  }
}
