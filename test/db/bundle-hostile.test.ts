import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleProblemCode, BundleVerification } from '../../shared/domain/bundle';
import { BreachdeskError } from '../../shared/ipc/errors';
import type { CaseFile } from '../../main/casefile/case-file';
import { openCaseFile } from '../../main/casefile/case-file';
import { appendAuditEntry } from '../../main/casefile/repos/audit-repo';
import { listEvidenceItems } from '../../main/casefile/repos/evidence-repo';
import { importBundle } from '../../main/services/bundles/read/import-bundle';
import { verifyBundleFile } from '../../main/services/bundles/read/verify-file';
import { signDetached, type SigningKeys } from '../../main/services/bundles/signing/signing-keys';
import { openZip, type ZipLimits } from '../../main/formats/zip/zip-reader';
import { createDemoCase } from '../../main/services/demo-service';
import { stampFor } from '../../main/services/context';
import { Job } from '../../main/services/jobs';
import { exportTo, keysIn, scratchFilesLeft, sealFile } from '../helpers/bundles';
import {
  editBundle,
  fileOf,
  firstEvidencePath,
  flipByte,
  oxumOf,
  readBundle,
  refreshManifest,
  refreshTagManifest,
  resign,
  setBagInfo,
  sha256,
  SIGNATURE,
  SNAPSHOT,
  TAG_MANIFEST,
  type BundleFiles,
} from '../helpers/bundle-edit';
import { testContext } from '../helpers/cases';
import { newJob } from '../helpers/evidence';
import { buildRawZip, deflated, stored, type RawEntry } from '../helpers/raw-zip';
import { useTempDir } from '../helpers/temp-dir';

/*
 * DESIGN.md §8 and issue #7 points 5 and 8: a corpus of hostile and damaged bundles, each refused by
 * import with a message naming what is wrong, with nothing left in the output folder, and reported
 * by verify as a problem of the expected kind naming the file. The zip-level cases are built byte by
 * byte (test/helpers/raw-zip.ts); the bag-level cases are tampered copies of one real export.
 */

const tempDir = useTempDir();
const ctx = testContext();

let base: string;
let demo: CaseFile;
let keys: SigningKeys;
/** Another installation's keys, not trusted by `keys`. */
let otherKeys: SigningKeys;
/** The demo case exported and signed with `keys`. */
let bundle: string;
/** The same case exported and signed with `otherKeys`. */
let foreignBundle: string;
let original: BundleFiles;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'breachdesk-hostile-'));
  keys = keysIn(base);
  otherKeys = keysIn(join(base, 'colleague'), 'colleague');
  demo = await createDemoCase(join(base, 'demo.bdcase'), false, ctx);
  bundle = (await exportTo(demo, ctx, keys, join(base, 'demo.zip'))).path;
  foreignBundle = (await exportTo(demo, ctx, otherKeys, join(base, 'foreign.zip'))).path;
  original = await readBundle(bundle);
}, 60_000);

afterAll(() => {
  demo.close();
  rmSync(base, { recursive: true, force: true });
});

interface Expected {
  code: BundleProblemCode;
  /** The problem's path (a bag path, or the zip entry name); null for the bundle as a whole. */
  path: string | null;
  /** Words the import's error message must contain besides the path. */
  reason: string;
}

/** Import into an empty folder must fail naming the reason and leave the folder empty; verify must agree. */
async function expectRefused(
  zip: string,
  expected: Expected,
  limits?: Partial<ZipLimits>,
): Promise<BundleVerification> {
  const dir = tempDir();
  const out = join(dir, 'out');
  mkdirSync(out);
  const error: unknown = await importBundle(
    zip,
    { target: join(out, 'new.bdcase'), overwrite: false, passphrase: null },
    ctx,
    newJob('bundle-import'),
    keys,
    limits,
  ).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BreachdeskError);
  const { code, message } = error as BreachdeskError;
  expect(code).toBe('INVALID_INPUT');
  expect(message).toContain(expected.reason);
  if (expected.path !== null) expect(message).toContain(expected.path);
  expect(readdirSync(out)).toEqual([]);
  expect(readdirSync(dir)).toEqual(['out']);

  const report = await verifyBundleFile(zip, keys, newJob('bundle-verify'), limits);
  expect(report.ok).toBe(false);
  expect(report.problems).toContainEqual(
    expect.objectContaining({ code: expected.code, path: expected.path }),
  );
  // Only what is wrong is reported: an intact snapshot is never called damaged because some other
  // file failed first.
  if (expected.code !== 'audit') expect(report.problems.filter((p) => p.path === SNAPSHOT)).toEqual([]);
  return report;
}

/** A zip holding a small bag that would pass, plus the entries under test. */
function bagZip(dir: string, name: string, extra: RawEntry[]): string {
  const hello = 'hello\n';
  const entries: RawEntry[] = [
    stored('bag/bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'),
    stored('bag/bag-info.txt', 'Source-Organization: Example\nPayload-Oxum: 6.1\n'),
    stored('bag/manifest-sha256.txt', `${sha256(hello)}  data/hello.txt\n`),
    stored('bag/data/hello.txt', hello),
    ...extra,
  ];
  const path = join(dir, name);
  writeFileSync(path, buildRawZip(entries));
  return path;
}

/** The bundle with one change, written to a fresh file. */
function tampered(name: string, edit: (b: BundleFiles) => void | Promise<void>): Promise<string> {
  return editBundle(bundle, join(tempDir(), name), edit);
}

/** Appends an audit entry (or a forged row) to a copy of the snapshot and puts it back in the bag. */
function editSnapshot(bundle: BundleFiles, change: (db: BetterSqlite3.Database) => void): void {
  const path = join(tempDir(), 'snapshot.bdcase');
  writeFileSync(path, fileOf(bundle, SNAPSHOT));
  const db = new BetterSqlite3(path);
  try {
    change(db);
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  bundle.files.set(SNAPSHOT, readFileSync(path));
}

/** After a payload change: manifest, Payload-Oxum, tag manifest and signature made consistent again. */
function reseal(bundle: BundleFiles, payloadPath: string, key = keys.ensureKey()): void {
  refreshManifest(bundle, payloadPath);
  const info = fileOf(bundle, 'bag-info.txt').toString('utf8');
  bundle.files.set('bag-info.txt', Buffer.from(setBagInfo(info, 'Payload-Oxum', oxumOf(bundle))));
  refreshTagManifest(bundle);
  resign(bundle, key);
}

/** Zips built byte by byte around a small bag, each with one hostile entry. */
const zipCases: { name: string; entries: RawEntry[]; expected: Expected }[] = [
  {
    name: 'an absolute path',
    entries: [stored('/tmp/breachdesk-evil.txt', 'pwned')],
    expected: { code: 'archive', path: '/tmp/breachdesk-evil.txt', reason: 'an absolute path' },
  },
  {
    name: 'a ".." path',
    entries: [stored('bag/data/../../evil.txt', 'pwned')],
    expected: { code: 'archive', path: 'bag/data/../../evil.txt', reason: 'a ".." path' },
  },
  {
    name: 'a backslash',
    entries: [stored('bag/data\\..\\..\\evil.txt', 'pwned')],
    expected: { code: 'archive', path: 'bag/data\\..\\..\\evil.txt', reason: 'backslash' },
  },
  {
    name: 'a symbolic link',
    entries: [stored('bag/data/link.txt', '/etc/passwd', { externalAttributes: (0o120777 << 16) >>> 0 })],
    expected: { code: 'archive', path: 'bag/data/link.txt', reason: 'symbolic link' },
  },
  {
    name: 'names equal after Unicode normalisation (NFC and NFD)',
    entries: [stored('bag/data/caf\u00e9.txt', 'one'), stored('bag/data/cafe\u0301.txt', 'two')],
    expected: { code: 'archive', path: 'bag/data/cafe\u0301.txt', reason: 'Unicode normalisation' },
  },
  {
    name: 'names equal after case folding',
    entries: [stored('bag/data/Report.txt', 'one'), stored('bag/data/report.txt', 'two')],
    expected: { code: 'archive', path: 'bag/data/report.txt', reason: 'other letter case' },
  },
  {
    name: 'the same name twice',
    entries: [stored('bag/data/hello.txt', 'again\n')],
    expected: { code: 'archive', path: 'bag/data/hello.txt', reason: 'appears twice' },
  },
  {
    name: 'an encrypted entry',
    entries: [stored('bag/data/secret.txt', randomBytes(32), { flags: 0x0801 })],
    expected: { code: 'archive', path: 'bag/data/secret.txt', reason: 'is encrypted' },
  },
  {
    name: 'a compression-ratio bomb (deflated zeros)',
    entries: [deflated('bag/data/zeros.bin', Buffer.alloc(16 * 1024 * 1024))],
    expected: { code: 'archive', path: 'bag/data/zeros.bin', reason: 'zip bomb' },
  },
];

describe('hostile zips are refused before anything is written', () => {
  for (const { name, entries, expected } of zipCases) {
    it(`refuses ${name}`, { timeout: 60_000 }, async () => {
      const dir = tempDir();
      const zip = bagZip(dir, 'hostile.zip', entries);
      await expectRefused(zip, expected);
      // Nothing landed beside the zip or outside the target either.
      expect(readdirSync(dir)).toEqual(['hostile.zip']);
      expect(existsSync(join(dir, '..', 'evil.txt'))).toBe(false);
      expect(existsSync('/tmp/breachdesk-evil.txt')).toBe(false);
    });
  }

  it('the same small bag without the hostile entry is only short of a signature', async () => {
    const zip = bagZip(tempDir(), 'plain.zip', []);
    const report = await verifyBundleFile(zip, keys, newJob('bundle-verify'));
    expect(report.problems.map((p) => p.code)).not.toContain('archive');
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'signature' }));
  });

  it(
    'refuses a truncated archive (cut in half, and short of its last 10 bytes)',
    { timeout: 60_000 },
    async () => {
      const bytes = readFileSync(bundle);
      for (const [name, cut] of [
        ['half.zip', bytes.subarray(0, Math.floor(bytes.length / 2))],
        ['short.zip', bytes.subarray(0, bytes.length - 10)],
      ] as const) {
        const zip = join(tempDir(), name);
        writeFileSync(zip, cut);
        await expectRefused(zip, { code: 'archive', path: null, reason: 'truncated' });
      }
    },
  );

  it('refuses a file that is not a zip at all', async () => {
    const zip = join(tempDir(), 'noise.zip');
    writeFileSync(zip, randomBytes(4096));
    await expectRefused(zip, { code: 'archive', path: null, reason: 'not a zip file' });
  });

  it('refuses more entries than allowed', { timeout: 60_000 }, async () => {
    await expectRefused(
      bundle,
      { code: 'archive', path: null, reason: 'more than the 5 allowed' },
      { maxEntries: 5 },
    );
  });

  it('refuses an entry larger than allowed, naming it', { timeout: 60_000 }, async () => {
    const zip = await openZip(bundle);
    const largest = [...zip.entries].sort((a, b) => b.size - a.size)[0]!;
    await zip.close();
    await expectRefused(
      bundle,
      { code: 'archive', path: largest.name, reason: 'allowed for one file' },
      { maxEntryBytes: largest.size - 1 },
    );
  });

  it(
    'refuses a total size over the limit, naming the entry that passes it',
    { timeout: 60_000 },
    async () => {
      const zip = await openZip(bundle);
      const entries = [...zip.entries];
      await zip.close();
      const total = entries.reduce((sum, e) => sum + e.size, 0);
      await expectRefused(
        bundle,
        { code: 'archive', path: entries.at(-1)!.name, reason: 'allowed for a bundle' },
        { maxTotalBytes: total - 1 },
      );
    },
  );
});

describe('the same refusals when the zip comes sealed in an age envelope', () => {
  /** The file sealed to this installation's age recipient as NAME.age, the plain one removed. */
  async function sealed(zip: string): Promise<string> {
    const path = await sealFile(zip, { recipients: [await keys.age.ensure()] });
    rmSync(zip);
    return path;
  }

  for (const { name, entries, expected } of zipCases) {
    it(`refuses ${name}`, { timeout: 60_000 }, async () => {
      const dir = tempDir();
      const zip = await sealed(bagZip(dir, 'hostile.zip', entries));
      const report = await expectRefused(zip, expected);
      expect(report.envelope).toBe('recipients');
      expect(readdirSync(dir)).toEqual(['hostile.zip.age']);
      expect(existsSync('/tmp/breachdesk-evil.txt')).toBe(false);
      expect(scratchFilesLeft()).toEqual([]);
    });
  }

  it('refuses a truncated archive and a file that is not a zip', { timeout: 60_000 }, async () => {
    const bytes = readFileSync(bundle);
    const cases = [
      { name: 'half.zip', bytes: bytes.subarray(0, Math.floor(bytes.length / 2)), reason: 'truncated' },
      { name: 'noise.zip', bytes: randomBytes(4096), reason: 'not a zip file' },
    ];
    for (const { name, bytes: content, reason } of cases) {
      const path = join(tempDir(), name);
      writeFileSync(path, content);
      await expectRefused(await sealed(path), { code: 'archive', path: null, reason });
    }
    expect(scratchFilesLeft()).toEqual([]);
  });

  it(
    'refuses a flipped byte inside an evidence file, and a bundle signed by an untrusted key',
    { timeout: 60_000 },
    async () => {
      const path = firstEvidencePath(original);
      const flipped = await tampered('flipped.zip', (b) => {
        b.files.set(path, flipByte(fileOf(b, path)));
      });
      await expectRefused(await sealed(flipped), {
        code: 'checksum',
        path,
        reason: 'does not match manifest-sha256.txt',
      });
      const foreign = join(tempDir(), 'foreign.zip');
      writeFileSync(foreign, readFileSync(foreignBundle));
      await expectRefused(await sealed(foreign), {
        code: 'signature',
        path: SIGNATURE,
        reason: 'not trusted',
      });
      expect(scratchFilesLeft()).toEqual([]);
    },
  );

  it('refuses a zip over the limits, counted inside the envelope', { timeout: 60_000 }, async () => {
    const copy = join(tempDir(), 'copy.zip');
    writeFileSync(copy, readFileSync(bundle));
    await expectRefused(
      await sealed(copy),
      { code: 'archive', path: null, reason: 'more than the 5 allowed' },
      { maxEntries: 5 },
    );
    expect(scratchFilesLeft()).toEqual([]);
  });
});

describe('damaged and tampered bags are refused before anything is written', () => {
  it(
    'imports the unmodified bundle, and a rebuilt unchanged copy still verifies',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      mkdirSync(join(dir, 'out'));
      const result = await importBundle(
        bundle,
        { target: join(dir, 'out', 'new.bdcase'), overwrite: false, passphrase: null },
        ctx,
        newJob('bundle-import'),
        keys,
      );
      expect(readdirSync(join(dir, 'out'))).toEqual(['new.bdcase']);
      const copy = openCaseFile(result.path, stampFor(ctx));
      expect(listEvidenceItems(copy.db).map((i) => i.sha256)).toEqual(
        listEvidenceItems(demo.db).map((i) => i.sha256),
      );
      copy.close();

      // The control for every case below: rewriting the zip alone changes nothing that is checked.
      const same = await tampered('same.zip', () => undefined);
      const report = await verifyBundleFile(same, keys, newJob('bundle-verify'));
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    },
  );

  it('an import cancelled while checking leaves nothing either', { timeout: 60_000 }, async () => {
    const out = join(tempDir(), 'out');
    mkdirSync(out);
    // Cancelled at the first evidence file, when the temporary case file beside the target exists.
    let pending: string[] | null = null;
    const job: Job = new Job(
      randomUUID(),
      'bundle-import',
      {
        emit: (_event, payload) => {
          if (pending !== null || !(payload as { current: string }).current.startsWith('data/evidence/'))
            return;
          pending = readdirSync(out);
          job.cancel();
        },
      },
      0,
    );
    const error: unknown = await importBundle(
      bundle,
      { target: join(out, 'new.bdcase'), overwrite: false, passphrase: null },
      ctx,
      job,
      keys,
    ).catch((e: unknown) => e);
    expect(pending).toHaveLength(1);
    expect(error).toBeInstanceOf(BreachdeskError);
    expect((error as BreachdeskError).code).toBe('CANCELLED');
    expect(readdirSync(out)).toEqual([]);
  });

  it(
    'refuses a flipped byte inside an evidence file (the zip CRC is right, SHA-256 is not)',
    { timeout: 60_000 },
    async () => {
      const path = firstEvidencePath(original);
      const zip = await tampered('flipped.zip', (b) => {
        b.files.set(path, flipByte(fileOf(b, path)));
      });
      await expectRefused(zip, { code: 'checksum', path, reason: 'does not match manifest-sha256.txt' });
    },
  );

  it(
    'reports a flipped byte the zip CRC catches as a problem naming the file, not a thrown error',
    { timeout: 60_000 },
    async () => {
      const zip = join(tempDir(), 'crc.zip');
      const archive = await openZip(bundle);
      const entry = archive.entries.find((e) => e.name.endsWith(`/${firstEvidencePath(original)}`));
      await archive.close();
      if (entry === undefined) throw new Error('no evidence entry');
      const bytes = readFileSync(bundle);
      bytes[entry.dataOffset + 10] = (bytes[entry.dataOffset + 10] ?? 0) ^ 0xff;
      writeFileSync(zip, bytes);
      const report = await expectRefused(zip, {
        code: 'archive',
        path: firstEvidencePath(original),
        reason: 'CRC-32',
      });
      expect(report.checked.files).toBeGreaterThan(1);
    },
  );

  it('refuses a bundle with a payload file missing', { timeout: 60_000 }, async () => {
    const path = firstEvidencePath(original);
    const zip = await tampered('missing.zip', (b) => {
      b.files.delete(path);
    });
    const report = await expectRefused(zip, { code: 'missing-file', path, reason: 'is not in the bag' });
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'payload-oxum' }));
  });

  it('refuses a bundle with an extra payload file', { timeout: 60_000 }, async () => {
    const zip = await tampered('extra.zip', (b) => {
      b.files.set('data/evidence/999-planted.txt', Buffer.from('planted\n'));
    });
    await expectRefused(zip, {
      code: 'unexpected-file',
      path: 'data/evidence/999-planted.txt',
      reason: 'in no payload manifest',
    });
  });

  it(
    'refuses a bundle with an extra tag file outside the signed tag manifest',
    { timeout: 60_000 },
    async () => {
      const zip = await tampered('extra-tag.zip', (b) => {
        b.files.set('read-me-first.txt', Buffer.from('run this\n'));
      });
      await expectRefused(zip, {
        code: 'unexpected-file',
        path: 'read-me-first.txt',
        reason: 'not covered by the signed tag manifest',
      });
    },
  );

  it('refuses an edited bag-info.txt: its tag-manifest checksum fails', { timeout: 60_000 }, async () => {
    const zip = await tampered('bag-info.zip', (b) => {
      const info = fileOf(b, 'bag-info.txt').toString('utf8');
      b.files.set('bag-info.txt', Buffer.from(setBagInfo(info, 'External-Description', 'Nothing happened')));
    });
    const report = await expectRefused(zip, {
      code: 'checksum',
      path: 'bag-info.txt',
      reason: 'does not match tagmanifest-sha256.txt',
    });
    // The tag manifest itself is still the signed one.
    expect(report.signature.status).toBe('valid');
  });

  it(
    'refuses an edited bag-info.txt whose tag manifest was fixed too: the signature fails',
    { timeout: 60_000 },
    async () => {
      const zip = await tampered('bag-info-fixed.zip', (b) => {
        const info = fileOf(b, 'bag-info.txt').toString('utf8');
        b.files.set(
          'bag-info.txt',
          Buffer.from(setBagInfo(info, 'External-Description', 'Nothing happened')),
        );
        refreshTagManifest(b);
      });
      const report = await expectRefused(zip, {
        code: 'signature',
        path: SIGNATURE,
        reason: 'signature does not match',
      });
      expect(report.signature.status).toBe('invalid');
      expect(report.problems.filter((p) => p.code === 'checksum')).toEqual([]);
    },
  );

  it('refuses a signature of random bytes', { timeout: 60_000 }, async () => {
    const zip = await tampered('random-sig.zip', (b) => {
      b.files.set(SIGNATURE, Buffer.from(`${randomBytes(64).toString('base64')}\n`));
    });
    const report = await expectRefused(zip, {
      code: 'signature',
      path: SIGNATURE,
      reason: 'signature does not match',
    });
    expect(report.signature.status).toBe('invalid');
  });

  it(
    'refuses a signature made by another key than the one bag-info.txt names',
    { timeout: 60_000 },
    async () => {
      const zip = await tampered('other-sig.zip', (b) => {
        b.files.set(SIGNATURE, Buffer.from(signDetached(otherKeys.ensureKey(), fileOf(b, TAG_MANIFEST))));
      });
      const report = await expectRefused(zip, {
        code: 'signature',
        path: SIGNATURE,
        reason: 'signature does not match',
      });
      expect(report.signature.status).toBe('invalid');
    },
  );

  it('refuses a bundle without its signature file', { timeout: 60_000 }, async () => {
    const zip = await tampered('unsigned.zip', (b) => {
      b.files.delete(SIGNATURE);
    });
    const report = await expectRefused(zip, { code: 'signature', path: SIGNATURE, reason: 'not signed' });
    expect(report.signature.status).toBe('missing');
  });

  it(
    'refuses a snapshot whose audit log goes past the signed head (re-sealed with the trusted key)',
    { timeout: 60_000 },
    async () => {
      const zip = await tampered('audit-head.zip', (b) => {
        editSnapshot(b, (db) => {
          appendAuditEntry(db, {
            at: '2026-11-29T10:00:00.000Z',
            actor: 'mallory',
            action: 'note.created',
            target: 'note:planted',
            payload: { title: 'Planted after signing' },
          });
        });
        reseal(b, SNAPSHOT);
      });
      const report = await expectRefused(zip, { code: 'audit', path: SNAPSHOT, reason: 'audit log ends at' });
      expect(report.audit.status).toBe('head-mismatch');
      expect(report.signature.status).toBe('valid');
      expect(report.problems).toHaveLength(1);
    },
  );

  it(
    'refuses a snapshot whose audit chain is broken (re-sealed with the trusted key)',
    { timeout: 60_000 },
    async () => {
      const zip = await tampered('audit-broken.zip', (b) => {
        editSnapshot(b, (db) => {
          const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
            seq: number;
            hash: string;
          };
          db.prepare(
            `INSERT INTO audit_log (seq, at, actor, action, target, payload, prev_hash, hash)
           VALUES (?, '2026-11-29T10:00:00.000Z', 'mallory', 'note.created', 'note:x', '{}', ?, ?)`,
          ).run(head.seq + 1, head.hash, 'f'.repeat(64));
        });
        reseal(b, SNAPSHOT);
      });
      const report = await expectRefused(zip, {
        code: 'audit',
        path: SNAPSHOT,
        reason: 'audit log is broken',
      });
      expect(report.audit.status).toBe('broken');
    },
  );

  it(
    'refuses a bundle signed by a key not trusted, and imports it once that key is trusted',
    { timeout: 60_000 },
    async () => {
      const report = await expectRefused(foreignBundle, {
        code: 'signature',
        path: SIGNATURE,
        reason: 'not trusted',
      });
      expect(report.signature.status).toBe('unknown-signer');
      const colleague = otherKeys.ensureKey();
      expect(report.signature.fingerprint).toBe(colleague.fingerprint);

      keys.trust(colleague.publicKey, 'A. Colleague');
      const again = await verifyBundleFile(foreignBundle, keys, newJob('bundle-verify'));
      expect(again.ok).toBe(true);
      expect(again.signature).toMatchObject({ status: 'valid', signer: 'A. Colleague' });
      const dir = tempDir();
      const result = await importBundle(
        foreignBundle,
        { target: join(dir, 'new.bdcase'), overwrite: false, passphrase: null },
        ctx,
        newJob('bundle-import'),
        keys,
      );
      expect(result.verification.signature.signer).toBe('A. Colleague');
      expect(readdirSync(dir)).toEqual(['new.bdcase']);
    },
  );
});
