import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleEnvelope } from '../../shared/domain/bundle';
import { BreachdeskError } from '../../shared/ipc/errors';
import type { CaseFile } from '../../main/casefile/case-file';
import { openCaseFile } from '../../main/casefile/case-file';
import { iterateAuditEntries } from '../../main/casefile/repos/audit-repo';
import { listEvidenceItems } from '../../main/casefile/repos/evidence-repo';
import { exportBundle } from '../../main/services/bundles/export/export-bundle';
import { mergeBundle } from '../../main/services/bundles/merge/merge-bundle';
import { importBundle } from '../../main/services/bundles/read/import-bundle';
import { verifyBundleFile } from '../../main/services/bundles/read/verify-file';
import type { SigningKeys } from '../../main/services/bundles/signing/signing-keys';
import { stampFor } from '../../main/services/context';
import { Job } from '../../main/services/jobs';
import { exportTo, keysIn } from '../helpers/bundles';
import { makeCase, makeEncryptedCase, TEST_PASSPHRASE, testContext } from '../helpers/cases';
import { intake, newJob, writeEvidenceFile } from '../helpers/evidence';
import { useTempDir } from '../helpers/temp-dir';

/*
 * Issue 16 item 6: a bundle sealed in an age envelope (NAME.zip.age), to a passphrase or to X25519
 * recipients, exports, verifies and imports like a plain one; what cannot be opened (no passphrase,
 * a wrong one, someone else's envelope) or fails authentication (cut short, tampered with) is one
 * sentence, with nothing written and no scratch file left; and the bundle's plaintext never lands
 * in the temporary folder or beside the bundle while it is read.
 */

const PASSPHRASE = 'lantern-orbit-quarry-velvet-89';
/** In an evidence file's bytes only: it reaches the disk in plaintext only if the zip does. */
const MARKER = `BREACHDESK-PLAINTEXT-MARKER-${randomUUID()}`;

const tempDir = useTempDir();
const ctx = testContext();
let base: string;
/** This worker's own temporary folder, so scratch files are counted without other test files'. */
let scratchDir: string;
const savedTmpdir = process.env.TMPDIR;
let file: CaseFile;
let keys: SigningKeys;
/** Another installation: its own signing key and age identity. */
let colleague: SigningKeys;
let passphraseBundle: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'breachdesk-envelope-'));
  scratchDir = join(base, 'tmp');
  mkdirSync(scratchDir);
  process.env.TMPDIR = scratchDir;
  keys = keysIn(base);
  colleague = keysIn(join(base, 'colleague'), 'colleague');
  file = makeCase(base);
  const evidence = join(base, 'evidence');
  mkdirSync(evidence);
  // Binary (NUL bytes), so no text is extracted from it into the case snapshot.
  const bytes = Buffer.concat([randomBytes(4096), Buffer.from(`\0${MARKER}\0`), randomBytes(4096)]);
  await intake(file, ctx, [writeEvidenceFile(evidence, 'capture.bin', bytes)]);
  passphraseBundle = (
    await exportTo(file, ctx, keys, join(base, 'sealed.zip'), {
      envelope: { kind: 'passphrase', passphrase: PASSPHRASE },
    })
  ).path;
}, 60_000);

afterAll(() => {
  file.close();
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(base, { recursive: true, force: true });
});

/** The scratch files envelopes were opened into that are still there (none, between jobs). */
function scratchLeft(): string[] {
  return readdirSync(scratchDir).filter((name) => name.endsWith('.sealed'));
}

function exportSealed(dir: string, envelope: BundleEnvelope, name = 'case.zip') {
  return exportTo(file, ctx, keys, join(dir, name), { envelope });
}

async function failure(work: Promise<unknown>): Promise<BreachdeskError> {
  const error: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BreachdeskError);
  return error as BreachdeskError;
}

function importInto(dir: string, bundle: string, with_: { keys?: SigningKeys; passphrase?: string } = {}) {
  return importBundle(
    bundle,
    {
      target: join(dir, 'imported.bdcase'),
      overwrite: false,
      bundlePassphrase: with_.passphrase,
      passphrase: null,
    },
    ctx,
    newJob('bundle-import'),
    with_.keys ?? keys,
  );
}

describe('exporting into an age envelope', () => {
  it('writes NAME.zip.age to a passphrase (scrypt), and nothing else', () => {
    expect(passphraseBundle).toBe(join(base, 'sealed.zip.age'));
    const head = readFileSync(passphraseBundle).subarray(0, 40).toString('latin1');
    expect(head).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);
    expect(readFileSync(passphraseBundle).includes(MARKER)).toBe(false);
    expect(readdirSync(base).filter((n) => n.startsWith('sealed') || n.startsWith('.sealed'))).toEqual([
      'sealed.zip.age',
    ]);
  });

  it('records the envelope in the audit log, never the passphrase', () => {
    const exported = [...iterateAuditEntries(file.db)].filter((e) => e.action === 'bundle.exported');
    expect(exported.at(0)?.payload).toMatchObject({ envelope: 'passphrase', path: passphraseBundle });
    expect(JSON.stringify(exported)).not.toContain(PASSPHRASE);
  });

  it('keeps a name that already ends in .age, and seals to every recipient given', async () => {
    const dir = tempDir();
    const own = await keys.age.ensure();
    const theirs = await colleague.age.ensure();
    const result = await exportSealed(dir, { kind: 'recipients', recipients: [own, ` ${theirs} `] }, 'x.age');
    expect(result).toMatchObject({ path: join(dir, 'x.age'), envelope: 'recipients' });
    expect(readdirSync(dir)).toEqual(['x.age']);
    const header = readFileSync(result.path).subarray(0, 400).toString('latin1');
    expect(header.match(/^-> X25519 /gm)).toHaveLength(2);
    const exported = [...iterateAuditEntries(file.db)].filter((e) => e.action === 'bundle.exported');
    expect(exported.at(-1)?.payload).toMatchObject({ envelope: 'recipients', sealedTo: [own, theirs] });
  });

  it('refuses a recipient that is not one in one sentence, before writing anything', async () => {
    const dir = tempDir();
    const error = await failure(
      exportSealed(dir, { kind: 'recipients', recipients: ['age1notarecipient', 'x'] }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(
      '"age1notarecipient" is not an age recipient: expected "age1" and 58 more letters and digits, as age-keygen and "breachdesk keys list" print them.',
    );
    // A right shape with a wrong checksum is refused the same way.
    const own = await keys.age.ensure();
    const typo = `${own.slice(0, -1)}${own.endsWith('q') ? 'p' : 'q'}`;
    expect((await failure(exportSealed(dir, { kind: 'recipients', recipients: [typo] }))).message).toContain(
      'is not an age recipient',
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('opening an age envelope', () => {
  it('verifies and imports a passphrase bundle with its passphrase', { timeout: 60_000 }, async () => {
    const report = await verifyBundleFile(
      passphraseBundle,
      keys,
      newJob('bundle-verify'),
      undefined,
      PASSPHRASE,
    );
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, envelope: 'passphrase', path: passphraseBundle });
    expect(report.signature.status).toBe('valid');

    const dir = tempDir();
    const result = await importInto(dir, passphraseBundle, { passphrase: PASSPHRASE });
    expect(result.verification.envelope).toBe('passphrase');
    const copy = openCaseFile(result.path, stampFor(ctx));
    expect(listEvidenceItems(copy.db).map((i) => i.sha256)).toEqual(
      listEvidenceItems(file.db).map((i) => i.sha256),
    );
    const imported = [...iterateAuditEntries(copy.db)].find((e) => e.action === 'bundle.imported');
    expect(imported?.payload).toMatchObject({ source: passphraseBundle });
    copy.close();
    expect(readdirSync(dir)).toEqual(['imported.bdcase']);
    expect(scratchLeft()).toEqual([]);
  });

  it(
    'opens a bundle sealed to recipients with either installation\u2019s identity',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const { path } = await exportSealed(dir, {
        kind: 'recipients',
        recipients: [await keys.age.ensure(), await colleague.age.ensure()],
      });
      const ours = await verifyBundleFile(path, keys, newJob('bundle-verify'));
      expect(ours).toMatchObject({ ok: true, envelope: 'recipients' });
      // The colleague opens it too; only the signer is unknown to them.
      const theirs = await verifyBundleFile(path, colleague, newJob('bundle-verify'));
      expect(theirs.envelope).toBe('recipients');
      expect(theirs.problems.map((p) => p.code)).toEqual(['signature']);
      expect(theirs.signature.status).toBe('unknown-signer');
      expect(readdirSync(dir)).toEqual(['case.zip.age']);
      expect(scratchLeft()).toEqual([]);
    },
  );

  it(
    'asks for the passphrase, and says when it is wrong; nothing is written',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const required = await failure(verifyBundleFile(passphraseBundle, keys, newJob('bundle-verify')));
      expect(required.code).toBe('BUNDLE_PASSPHRASE_REQUIRED');
      expect(required.message).toBe(
        'This bundle is encrypted with a passphrase; give its passphrase to open it.',
      );
      expect((await failure(importInto(dir, passphraseBundle))).code).toBe('BUNDLE_PASSPHRASE_REQUIRED');
      const wrong = await failure(importInto(dir, passphraseBundle, { passphrase: `${PASSPHRASE}!` }));
      expect(wrong.code).toBe('BUNDLE_PASSPHRASE_WRONG');
      expect(wrong.message).toBe('The passphrase does not open this bundle.');
      expect(readdirSync(dir)).toEqual([]);
      expect(scratchLeft()).toEqual([]);
    },
  );

  it('says a bundle sealed to someone else is not for this installation', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const { path } = await exportSealed(dir, {
      kind: 'recipients',
      recipients: [await colleague.age.ensure()],
    });
    const stranger = keysIn(join(dir, 'stranger'));
    for (const who of [keys, stranger]) {
      const error = await failure(verifyBundleFile(path, who, newJob('bundle-verify')));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/^This bundle is not encrypted to this installation’s age key; /);
    }
    // A passphrase does not open an envelope sealed to recipients either.
    const out = join(dir, 'out');
    mkdirSync(out);
    expect((await failure(importInto(out, path, { passphrase: PASSPHRASE }))).code).toBe('INVALID_INPUT');
    expect(readdirSync(out)).toEqual([]);
    expect(scratchLeft()).toEqual([]);
  });

  describe('an envelope that fails authentication is a problem named "envelope"', () => {
    const sealed = () => readFileSync(passphraseBundle);
    const headerEnd = () => sealed().indexOf('\n---') + 1;
    const cases: { name: string; bytes: () => Buffer; reason: RegExp }[] = [
      { name: 'cut in half', bytes: () => sealed().subarray(0, sealed().length >> 1), reason: /cut short/ },
      { name: 'short of its last 10 bytes', bytes: () => sealed().subarray(0, -10), reason: /cut short/ },
      {
        name: 'cut at a chunk boundary (64 KiB + 16 bytes after the header and nonce)',
        bytes: () => {
          const bytes = sealed();
          const payload = bytes.indexOf('\n', headerEnd()) + 1 + 16;
          return bytes.subarray(0, payload + 65536 + 16);
        },
        reason: /cut short/,
      },
      {
        name: 'with a byte of its content flipped',
        bytes: () => {
          const bytes = Buffer.from(sealed());
          bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x01;
          return bytes;
        },
        reason: /fails authentication/,
      },
      {
        name: 'with bytes appended',
        bytes: () => Buffer.concat([sealed(), Buffer.from('more')]),
        reason: /fails authentication/,
      },
      {
        // A changed stanza reads as a wrong passphrase (its key no longer unwraps); a changed
        // header MAC is caught as tampering.
        name: 'with its header MAC changed',
        bytes: () => {
          const bytes = Buffer.from(sealed());
          const at = headerEnd() + 4;
          bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
          return bytes;
        },
        reason: /header is damaged \(invalid header HMAC\)/,
      },
      {
        name: 'with a header that never ends',
        bytes: () =>
          Buffer.concat([Buffer.from('age-encryption.org/v1\n-> scrypt '), Buffer.alloc(1 << 21, 0x41)]),
        reason: /header is cut short or longer than any age header/,
      },
    ];
    for (const { name, bytes, reason } of cases) {
      it(name, { timeout: 60_000 }, async () => {
        const dir = tempDir();
        const path = join(dir, 'damaged.zip.age');
        writeFileSync(path, bytes());
        const report = await verifyBundleFile(path, keys, newJob('bundle-verify'), undefined, PASSPHRASE);
        expect(report.ok).toBe(false);
        expect(report.problems).toHaveLength(1);
        expect(report.problems[0]).toMatchObject({ code: 'envelope', path: null });
        expect(report.problems[0]?.message).toMatch(/^The age envelope /);
        expect(report.problems[0]?.message).toMatch(reason);
        const out = join(dir, 'out');
        mkdirSync(out);
        const error = await failure(importInto(out, path, { passphrase: PASSPHRASE }));
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.message).toMatch(
          /^The bundle failed verification, nothing was imported\. The age envelope /,
        );
        expect(readdirSync(out)).toEqual([]);
        expect(readdirSync(dir)).toEqual(['damaged.zip.age', 'out']);
        expect(scratchLeft()).toEqual([]);
      });
    }
  });

  it('refuses an ASCII-armoured envelope in one sentence', async () => {
    const dir = tempDir();
    const path = join(dir, 'armoured.zip.age');
    writeFileSync(path, '-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n');
    const error = await failure(verifyBundleFile(path, keys, newJob('bundle-verify')));
    expect(error.message).toMatch(/ASCII-armoured age file/);
  });
});

describe('the plaintext never reaches the disk', () => {
  /** Every file under `dirs` (recursively) holding the marker, read while the job runs. */
  function plaintextCopies(dirs: string[]): string[] {
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        try {
          if (statSync(path).isDirectory()) walk(path);
          else if (readFileSync(path).includes(MARKER)) found.push(path);
        } catch {
          // Removed between listing and reading: it was a temporary of the job.
        }
      }
    };
    dirs.forEach(walk);
    return found;
  }

  /** A job that looks for the marker on disk at every progress report. */
  function watchedJob(
    kind: 'bundle-export' | 'bundle-verify' | 'bundle-import' | 'bundle-merge',
    dirs: string[],
  ) {
    const seen = new Set<string>();
    let looks = 0;
    const job = new Job(
      randomUUID(),
      kind,
      {
        emit: () => {
          looks += 1;
          plaintextCopies(dirs).forEach((path) => seen.add(path));
        },
      },
      0,
    );
    return { job, seen, looks: () => looks };
  }

  it('is checked by a marker that a plain export does write in the clear', async () => {
    const dir = tempDir();
    const plain = await exportTo(file, ctx, keys, join(dir, 'plain.zip'));
    expect(plaintextCopies([dir])).toEqual([plain.path]);
  });

  it(
    'not from an encrypted case: while it is exported sealed, verified, imported (encrypted) and merged',
    { timeout: 120_000 },
    async () => {
      // Outside the watched temporary folder; the case is encrypted, as real ones are, so its
      // own snapshot is too, and the marker is also in the snapshot's text of the evidence.
      const dir = mkdtempSync(join(base, 'watched-'));
      const bundles = join(dir, 'bundles');
      const out = join(dir, 'out');
      const evidence = join(dir, 'evidence');
      for (const folder of [bundles, out, evidence]) mkdirSync(folder);
      const source = makeEncryptedCase(dir, 'source.bdcase');
      const into = makeEncryptedCase(dir, 'into.bdcase');
      try {
        await intake(source, ctx, [
          writeEvidenceFile(evidence, 'statement.txt', `Witness said: ${MARKER}\n`),
        ]);
        rmSync(evidence, { recursive: true });
        expect(plaintextCopies([dir])).toEqual([]);
        const watched = [dir, scratchDir];

        const exporting = watchedJob('bundle-export', watched);
        const { path } = await exportBundle(
          source,
          ctx,
          exporting.job,
          keys,
          {
            path: join(bundles, 'case.zip'),
            overwrite: false,
            includeEvidence: true,
            includePrivileged: false,
            includeRoster: false,
            envelope: { kind: 'recipients', recipients: [await keys.age.ensure()] },
          },
          '2026-11-28',
        );
        const verifying = watchedJob('bundle-verify', watched);
        expect((await verifyBundleFile(path, keys, verifying.job)).ok).toBe(true);
        const importing = watchedJob('bundle-import', watched);
        await importBundle(
          path,
          {
            target: join(out, 'copy.bdcase'),
            overwrite: false,
            passphrase: Buffer.from(TEST_PASSPHRASE, 'utf8'),
          },
          ctx,
          importing.job,
          keys,
        );
        const merging = watchedJob('bundle-merge', watched);
        const merged = await mergeBundle(into, ctx, merging.job, keys, path);
        expect(merged.added.evidence).toBe(1);

        for (const run of [exporting, verifying, importing, merging]) {
          expect(run.looks()).toBeGreaterThan(3);
          expect([...run.seen]).toEqual([]);
        }
        expect(plaintextCopies(watched)).toEqual([]);
        expect(scratchLeft()).toEqual([]);
      } finally {
        source.close();
        into.close();
      }
    },
  );
});
