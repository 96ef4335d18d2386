import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { DEFAULT_RULE_PACK } from '../../../shared/obligations/default-pack';
import { olderPackRefusal } from '../../../shared/obligations/pack-order';
import type { RulePack } from '../../../shared/obligations/rule-pack';
import { diffRulePacks, type RulePackDiff } from '../../../shared/obligations/rule-pack-diff';
import type { RulePackSource } from '../../../shared/obligations/rule-pack-source';
import { readSignedRulePack, withInstallNote } from '../../formats/signing/signed-rule-pack';
import type { SigningKeys } from '../bundles/signing/signing-keys';
import { replaceFileSync } from '../files/atomic-write';
import { verifySignedRulePack, type VerifiedRulePack } from './rule-pack-verify';

/** The installed pack, kept signed in the config folder so that every load verifies it again. */
export const RULE_PACK_FOLDER = 'rule-packs';
export const ACTIVE_RULE_PACK_FILE = 'active.signed.json';
/** Far above any real pack (the shipped one is well under 2 MiB); a bigger file is not read. */
const MAX_PACK_FILE_BYTES = 64 * 1024 * 1024;

export interface ActiveRulePack {
  pack: RulePack;
  source: RulePackSource;
}

/** A signed pack file checked and compared with the active pack, before anything is installed. */
export interface RulePackUpdate {
  /** The file as given, made absolute. */
  path: string;
  /** Of the file's bytes: install takes it back so that it installs exactly what was shown. */
  sha256: string;
  signer: { fingerprint: string; label: string };
  signedAt: string;
  /** Where the pack it would replace came from. */
  current: RulePackSource;
  diff: RulePackDiff;
}

interface Cached {
  /** The active file's size, mtime and inode when it was verified. */
  stamp: string;
  /** The key the file names, if it names one. */
  fingerprint: string | null;
  /** That key's entry in the trusted keys then: trusting or untrusting it (or a new label) verifies again. */
  trust: string;
  result: ActiveRulePack;
}

/**
 * The rule pack of one config folder: the installed one (verified on load, cached until the
 * file or its key's trust changes) or the shipped one; and checking, comparing and installing a
 * signed pack file. Installing is not a case action: nothing goes into any case's audit log.
 */
export class RulePackStore {
  private cached: Cached | null = null;

  constructor(
    private readonly signing: SigningKeys,
    private readonly now: () => Date = () => new Date(),
    private readonly shipped: RulePack = DEFAULT_RULE_PACK,
  ) {}

  get activeFile(): string {
    return join(this.signing.dir, RULE_PACK_FOLDER, ACTIVE_RULE_PACK_FILE);
  }

  /** The pack every evaluation uses now, and where it came from. */
  active(): ActiveRulePack {
    const stats = statSync(this.activeFile, { throwIfNoEntry: false });
    if (stats === undefined) return { pack: this.shipped, source: { kind: 'shipped', rejected: null } };
    const stamp = `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
    const cached = this.cached;
    if (cached?.stamp === stamp && cached.trust === this.trustOf(cached.fingerprint)) return cached.result;
    const text = readActiveFile(this.activeFile);
    const reading = text === null ? null : readSignedRulePack(text);
    const fingerprint = reading?.kind === 'signed' ? reading.file.signature.fingerprint : null;
    const result = this.load(text, stats.mtime);
    this.cached = { stamp, fingerprint, trust: this.trustOf(fingerprint), result };
    return result;
  }

  /** Reads and checks a signed pack file and says what installing it would change; writes nothing. */
  preview(path: string): RulePackUpdate {
    return this.check(path, readPackFile(path)).update;
  }

  /**
   * Installs a signed pack file as the active pack, after the same checks as `preview`; with
   * `sha256`, only if the file is still the one previewed. Written atomically (a temporary file
   * in the same folder, synced, renamed over the old one; a killed earlier write's temporary is
   * removed first), so a crash leaves the old pack or the new one, never half a file.
   */
  install(path: string, sha256?: string): RulePackUpdate & { source: RulePackSource } {
    const bytes = readPackFile(path);
    const { update, verified } = this.check(path, bytes);
    if (sha256 !== undefined && sha256 !== update.sha256) {
      throw new BreachdeskError(
        'INVALID_INPUT',
        `${path} changed after its changes were shown, so it was not installed; look at them again.`,
      );
    }
    mkdirSync(join(this.signing.dir, RULE_PACK_FOLDER), { recursive: true, mode: 0o700 });
    replaceFileSync(this.activeFile, withInstallNote(verified.file, this.now(), update.path));
    this.cached = null;
    return { ...update, source: this.active().source };
  }

  private check(path: string, bytes: Buffer): { update: RulePackUpdate; verified: VerifiedRulePack } {
    const verified = verifySignedRulePack(bytes.toString('utf8'), path, (fp) => this.signing.trusted(fp));
    const current = this.active();
    const older = olderPackRefusal(current.pack, verified.pack);
    if (older !== null) throw new BreachdeskError('INVALID_INPUT', older);
    return {
      verified,
      update: {
        path: resolve(path),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        signer: { fingerprint: verified.signer.fingerprint, label: verified.signer.label },
        signedAt: verified.file.signedAt,
        current: current.source,
        diff: diffRulePacks(current.pack, verified.pack),
      },
    };
  }

  /** The installed pack if it still verifies and is not older than the shipped one; else the shipped one, saying why. */
  private load(text: string | null, modified: Date): ActiveRulePack {
    const rejected = (why: string): ActiveRulePack => ({
      pack: this.shipped,
      source: {
        kind: 'shipped',
        rejected: `The installed rule pack (${this.activeFile}) is not used: ${why}`,
      },
    });
    if (text === null) return rejected('it cannot be read.');
    let verified: VerifiedRulePack;
    try {
      verified = verifySignedRulePack(text, 'it', (fp) => this.signing.trusted(fp), ' to use it again');
    } catch (error) {
      if (error instanceof BreachdeskError) return rejected(error.message);
      throw error;
    }
    const { pack, file, signer } = verified;
    const older = olderPackRefusal(this.shipped, pack);
    if (older !== null && !(pack.id === this.shipped.id && pack.version === this.shipped.version)) {
      return rejected(
        `it is ${pack.id} ${pack.version} (published ${pack.published}), older than the pack this Breachdesk ships (${this.shipped.id} ${this.shipped.version}, published ${this.shipped.published}).`,
      );
    }
    return {
      pack,
      source: {
        kind: 'installed',
        installedAt: file.installed?.at ?? modified.toISOString(),
        from: file.installed?.from ?? this.activeFile,
        fingerprint: signer.fingerprint,
        signer: signer.label,
      },
    };
  }

  private trustOf(fingerprint: string | null): string {
    return fingerprint === null ? '' : JSON.stringify(this.signing.trusted(fingerprint));
  }
}

function readActiveFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The file's bytes, refused in a sentence when it is missing, a folder, or far too large. */
function readPackFile(path: string): Buffer {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) throw new BreachdeskError('NOT_FOUND', `${path} does not exist.`);
  if (!stats.isFile()) throw new BreachdeskError('INVALID_INPUT', `${path} is not a file.`);
  if (stats.size > MAX_PACK_FILE_BYTES) {
    throw new BreachdeskError('INVALID_INPUT', `${path} is too large to be a signed rule pack.`);
  }
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new BreachdeskError('IO_ERROR', `${path} could not be read (${code}).`);
  }
}
