import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createHash, type Hash } from 'node:crypto';
import type { BundleProblem, BundleVerification } from '../../../../shared/domain/bundle';
import { verifyAuditChain } from '../../../casefile/audit-chain';
import { iterateAuditEntries } from '../../../casefile/repos/audit-repo';
import { isCaseFileSnapshot } from '../../../casefile/snapshot/snapshot-checks';
import type { ReceivedSnapshot } from '../../../casefile/snapshot/received-snapshot';
import type { Job } from '../../jobs';
import { checkBag, compareDigests } from '../../../formats/bagit/bag-check';
import { BAG_INFO } from '../export/bag-info';
import { PAYLOAD_MANIFEST, SIGNATURE_FILE, SNAPSHOT_PATH, TAG_MANIFEST } from '../export/bag-layout';
import { fingerprintOf, publicKeyFromBase64 } from '../../../formats/signing/fingerprint';
import { verifyDetached, type SigningKeys } from '../signing/signing-keys';
import { ZipRefusedError, type ZipLimits } from '../../../formats/zip/zip-reader';
import { openBundleArchive, type BundleArchive } from './bundle-archive';

const CANCELLED = 'Bundle check cancelled.';

/** Receives a payload file's bytes as they are checked, so an import reads each file once. */
export interface PayloadSink {
  /** A writer for this payload file, or null to only check it. */
  open(path: string, sha256: string | null, size: number): Promise<FileSink | null>;
}
export interface FileSink {
  write(chunk: Buffer): Promise<void> | void;
  close(): Promise<void> | void;
}

export interface VerifyOptions {
  signing: SigningKeys;
  job: Job;
  /** Receives the bag's case snapshot (in memory: never written to disk as it came). */
  snapshot: ReceivedSnapshot;
  sink?: PayloadSink;
  limits?: Partial<ZipLimits>;
  /** Opens a bundle sealed in an age envelope to a passphrase. */
  bundlePassphrase?: string;
}

/** What an import needs beyond the report: the open bag, its bag-info and expected digests. */
export interface CheckedBundle {
  verification: BundleVerification;
  archive: BundleArchive | null;
  info: ReadonlyMap<string, string>;
  /** Bag path → expected SHA-256 of every payload file. */
  payload: ReadonlyMap<string, string>;
}

/**
 * Checks a bundle completely: the zip as hostile input; the bag as RFC 8493 defines it (structure,
 * bagit.txt, manifests complete both ways, Payload-Oxum, every checksum); the Ed25519 signature
 * over the tag manifest against the trusted keys; and the snapshot's audit chain against the
 * signed head. Never throws for a bad bundle: every failure is a problem naming its file. An age
 * envelope is opened first; one that cannot be opened with what was given (no passphrase, a wrong
 * one, sealed to someone else) throws with its own code, as there is nothing to report on yet.
 */
export async function checkBundle(zipPath: string, options: VerifyOptions): Promise<CheckedBundle> {
  const report = emptyReport(zipPath);
  const unlock = {
    passphrase: options.bundlePassphrase,
    identities: () => options.signing.age.identities(),
    job: options.job,
  };
  const opened = await openBundleArchive(zipPath, unlock, options.limits);
  if (!opened.ok) {
    report.envelope = opened.envelope;
    report.problems.push(opened.problem);
    return { verification: finish(report), archive: null, info: new Map(), payload: new Map() };
  }
  const { archive } = opened;
  report.envelope = archive.envelope;
  report.bag.name = archive.root;
  try {
    const bag = await checkBag(archive.listing, (path) => archive.readText(path));
    report.problems.push(...bag.problems);
    const info = new Map<string, string>();
    for (const [label, value] of bag.bagInfo ?? []) if (!info.has(label)) info.set(label, value);
    describeBag(report, info);
    await checkSignature(report, archive, info, options.signing);
    const payload = new Map<string, string>();
    for (const [path, digests] of bag.expected) {
      const sha = digests.get('sha256');
      if (path.startsWith('data/') && sha !== undefined) payload.set(path, sha);
    }
    const { snapshotWritten } = await hashEverything(archive, bag.expected, options, report);
    const snapshotOk = !report.problems.some((p) => p.path === SNAPSHOT_PATH);
    if (!archive.listing.files.has(SNAPSHOT_PATH)) {
      report.problems.push({
        code: 'snapshot',
        path: SNAPSHOT_PATH,
        message: 'The bundle has no case snapshot (data/case.bdcase).',
      });
    } else if (snapshotOk && snapshotWritten) {
      checkAudit(report, info, options.snapshot);
    }
    // Otherwise the bag failed before its snapshot was read (the problems say why), so the
    // snapshot was never unpacked and its audit chain stays 'not-checked': it is not damaged.
    return { verification: finish(report), archive, info, payload };
  } catch (error) {
    await archive.zip.close();
    throw error;
  }
}

type Report = Omit<BundleVerification, 'ok'>;

function emptyReport(path: string): Report {
  return {
    path,
    envelope: 'none',
    bag: {
      name: null,
      bundleId: null,
      caseId: null,
      title: null,
      organisation: null,
      baggingDate: null,
      payloadOxum: null,
      schemaVersion: null,
      includesEvidence: null,
      includesPrivilegedNotes: null,
    },
    signature: { status: 'missing', fingerprint: null, publicKey: null, signer: null },
    audit: { status: 'not-checked', entries: 0, head: null, expectedHead: null, withheld: 0 },
    checked: { files: 0, bytes: 0 },
    problems: [],
  };
}

function finish(report: Report): BundleVerification {
  return { ok: report.problems.length === 0, ...report };
}

function describeBag(report: Report, info: ReadonlyMap<string, string>): void {
  const yesNo = (label: string) => (info.has(label) ? info.get(label) === 'yes' : null);
  const schema = Number.parseInt(info.get(BAG_INFO.schemaVersion) ?? '', 10);
  Object.assign(report.bag, {
    bundleId: info.get(BAG_INFO.bundleId) ?? null,
    caseId: info.get('External-Identifier') ?? null,
    title: info.get('External-Description') ?? null,
    organisation: info.get('Source-Organization') ?? null,
    baggingDate: info.get('Bagging-Date') ?? null,
    payloadOxum: info.get('Payload-Oxum') ?? null,
    schemaVersion: Number.isFinite(schema) ? schema : null,
    includesEvidence: yesNo(BAG_INFO.includesEvidence),
    includesPrivilegedNotes: yesNo(BAG_INFO.includesPrivilegedNotes),
  });
}

/** Files the signature must cover through the tag manifest, so bag-info and the manifest are signed. */
const SIGNED_TAG_FILES = ['bagit.txt', 'bag-info.txt', PAYLOAD_MANIFEST];

async function checkSignature(
  report: Report,
  archive: BundleArchive,
  info: ReadonlyMap<string, string>,
  signing: SigningKeys,
): Promise<void> {
  const problem = (message: string, path: string | null = SIGNATURE_FILE) =>
    report.problems.push({ code: 'signature', path, message });
  const { files } = archive.listing;
  if (!files.has(SIGNATURE_FILE) || !files.has(TAG_MANIFEST)) {
    problem(
      `The bundle is not signed: ${files.has(TAG_MANIFEST) ? SIGNATURE_FILE : TAG_MANIFEST} is missing.`,
    );
    return;
  }
  const publicKeyText = info.get(BAG_INFO.signerPublicKey) ?? '';
  const publicKey = publicKeyFromBase64(publicKeyText);
  if (publicKey === null) {
    report.signature.status = 'invalid';
    problem(
      `bag-info.txt does not name a valid Ed25519 signer key (${BAG_INFO.signerPublicKey}).`,
      'bag-info.txt',
    );
    return;
  }
  const fingerprint = fingerprintOf(Buffer.from(publicKeyText, 'base64'));
  Object.assign(report.signature, { fingerprint, publicKey: publicKeyText });
  const tagManifest = await archive.readText(TAG_MANIFEST);
  const signature = Buffer.from(await archive.readText(SIGNATURE_FILE)).toString('utf8');
  if (!verifyDetached(publicKey, tagManifest, signature)) {
    report.signature.status = 'invalid';
    problem(
      `The signature does not match ${TAG_MANIFEST}: the bag's tag files were changed after signing, or the signature is not this key's.`,
    );
    return;
  }
  const listed = new Set(
    Buffer.from(tagManifest)
      .toString('utf8')
      .split('\n')
      .map((line) => line.trim().split(/\s+/, 2)[1]),
  );
  const uncovered = SIGNED_TAG_FILES.filter((name) => !listed.has(name));
  if (uncovered.length > 0) {
    report.signature.status = 'invalid';
    problem(`The signed ${TAG_MANIFEST} does not cover ${uncovered.join(', ')}.`, TAG_MANIFEST);
    return;
  }
  const stated = info.get(BAG_INFO.signerFingerprint);
  if (stated !== undefined && stated !== fingerprint) {
    problem(`bag-info.txt states the fingerprint ${stated} but the key's is ${fingerprint}.`, 'bag-info.txt');
  }
  for (const path of files.keys()) {
    const signedOrSignature =
      path.startsWith('data/') || path === SIGNATURE_FILE || path === TAG_MANIFEST || listed.has(path);
    if (!signedOrSignature) {
      report.problems.push({
        code: 'unexpected-file',
        path,
        message: `${path} is not covered by the signed tag manifest.`,
      });
    }
  }
  const trusted = signing.trusted(fingerprint);
  if (trusted === null) {
    report.signature.status = 'unknown-signer';
    problem(
      `Signed with a key you have not trusted (${fingerprint}); if you expect it, trust it and check again.`,
    );
    return;
  }
  Object.assign(report.signature, { status: 'valid', signer: trusted.label });
}

/**
 * Reads every listed file once, in zip order, through every hash its manifests need, comparing
 * each as soon as it is read. Bytes go to the import's sink only while nothing has failed, so an
 * import never loads evidence into a snapshot that did not check out; says whether the snapshot
 * was received into options.snapshot.
 */
async function hashEverything(
  archive: BundleArchive,
  expected: ReadonlyMap<string, ReadonlyMap<string, string>>,
  options: VerifyOptions,
  report: Report,
): Promise<{ snapshotWritten: boolean }> {
  let snapshotWritten = false;
  const { job } = options;
  const todo = [...archive.entries].filter(([path]) => expected.has(path));
  const progress = {
    doneBytes: 0,
    totalBytes: todo.reduce((sum, [, entry]) => sum + entry.size, 0),
    doneItems: 0,
    totalItems: todo.length,
  };
  for (const [path, entry] of todo) {
    job.throwIfCancelled(CANCELLED);
    const wanted = expected.get(path) ?? new Map<string, string>();
    const hashes = new Map<string, Hash>([...wanted.keys()].map((a) => [a, createHash(a)]));
    const sink =
      report.problems.length === 0
        ? await sinkFor(path, wanted.get('sha256') ?? null, entry.size, options)
        : null;
    try {
      for await (const chunk of archive.zip.readEntry(entry, { signal: job.signal })) {
        for (const hash of hashes.values()) hash.update(chunk);
        await sink?.write(chunk);
        progress.doneBytes += chunk.length;
        job.report({ phase: 'Checking every file', current: path, ...progress });
      }
    } catch (error) {
      // A damaged entry (CRC, size) is a finding about that file, not the end of the report.
      if (!(error instanceof ZipRefusedError)) throw error;
      report.problems.push({ code: 'archive', path, message: error.message });
      progress.doneItems += 1;
      continue;
    } finally {
      await sink?.close();
    }
    if (path === SNAPSHOT_PATH && sink !== null) snapshotWritten = true;
    const digests = new Map([...hashes].map(([a, hash]) => [a, hash.digest('hex')]));
    report.problems.push(...compareDigests(new Map([[path, wanted]]), new Map([[path, digests]])));
    progress.doneItems += 1;
    report.checked.files += 1;
    report.checked.bytes += entry.size;
  }
  return { snapshotWritten };
}

async function sinkFor(
  path: string,
  sha256: string | null,
  size: number,
  options: VerifyOptions,
): Promise<FileSink | null> {
  if (path === SNAPSHOT_PATH) return snapshotSink(options.snapshot);
  if (!path.startsWith('data/') || options.sink === undefined) return null;
  return options.sink.open(path, sha256, size);
}

function snapshotSink(snapshot: ReceivedSnapshot): FileSink {
  return {
    write: (chunk) => snapshot.write(chunk),
    close: () => snapshot.finish(),
  };
}

/** The snapshot's audit chain, recomputed, must end at the head bag-info.txt states (signed). */
function checkAudit(report: Report, info: ReadonlyMap<string, string>, snapshot: ReceivedSnapshot): void {
  const expectedHead = info.get(BAG_INFO.auditHead) ?? null;
  report.audit.expectedHead = expectedHead;
  let db: Database;
  try {
    db = snapshot.open();
  } catch {
    report.problems.push({
      code: 'snapshot',
      path: SNAPSHOT_PATH,
      message: 'The case snapshot cannot be opened as a database.',
    });
    return;
  }
  try {
    if (!isCaseFileSnapshot(db)) {
      report.problems.push({
        code: 'snapshot',
        path: SNAPSHOT_PATH,
        message: 'The case snapshot is not a Breachdesk case file.',
      });
      return;
    }
    const chain = verifyAuditChain(iterateAuditEntries(db));
    Object.assign(report.audit, { entries: chain.entries, head: chain.headHash, withheld: chain.withheld });
    if (!chain.ok) {
      report.audit.status = 'broken';
      report.problems.push({
        code: 'audit',
        path: SNAPSHOT_PATH,
        message: `The snapshot's audit log is broken: ${chain.problem ?? 'unknown problem'}.`,
      });
    } else if (chain.headHash !== expectedHead) {
      report.audit.status = 'head-mismatch';
      report.problems.push({
        code: 'audit',
        path: SNAPSHOT_PATH,
        message: `The snapshot's audit log ends at ${chain.headHash.slice(0, 12)}… but the signed bag-info.txt says ${expectedHead === null ? 'nothing' : `${expectedHead.slice(0, 12)}…`}.`,
      });
    } else {
      report.audit.status = 'ok';
    }
  } catch {
    report.problems.push({
      code: 'snapshot',
      path: SNAPSHOT_PATH,
      message: 'The case snapshot is damaged; its audit log cannot be read.',
    });
  } finally {
    db.close();
  }
}

export type { BundleProblem };
