import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { replaceFileSync } from '../../files/atomic-write';
import { join } from 'node:path';
import { z } from 'zod';
import { trustedKeySchema, type SigningInfo, type TrustedKey } from '../../../../shared/domain/bundle';
import { BreachdeskError } from '../../../../shared/ipc/errors';
import { createDetachedSignature } from '../../../formats/signing/detached-signature';
import { fingerprintOf, publicKeyFromBase64, rawPublicKey } from '../../../formats/signing/fingerprint';
import { AgeIdentityStore } from '../envelope/age-identity';
import type { KeyProtector } from './key-protector';

const TRUSTED_FILE = 'trusted-keys.json';
const trustedFileSchema = z.object({ version: z.literal(1), keys: z.array(trustedKeySchema) });

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: string;
  fingerprint: string;
}

/**
 * This installation's Ed25519 key pair (created on first use) and the keys the person trusts,
 * both in the user's config folder. The own public key is always in the trusted list. Its age
 * identity, which opens bundles sealed to this installation, is kept beside them (`age`).
 */
export class SigningKeys {
  readonly age: AgeIdentityStore;

  constructor(
    /** The config folder: keys here, and what else is kept per installation (rule-packs/). */
    readonly dir: string,
    private readonly protector: KeyProtector,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.age = new AgeIdentityStore(dir, protector, now);
  }

  info(): SigningInfo {
    const own = this.load();
    const trusted = this.readTrusted();
    const ownEntry = own === null ? undefined : trusted.find((k) => k.fingerprint === own.fingerprint);
    return {
      own:
        own === null
          ? null
          : {
              fingerprint: own.fingerprint,
              publicKey: own.publicKey,
              createdAt: ownEntry?.addedAt ?? this.stamp(),
            },
      protection: this.protector.description,
      trusted,
      ageRecipient: this.age.recipient(),
    };
  }

  /** The key pair, created (and trusted) the first time it is needed. */
  ensureKey(): SigningKey {
    const existing = this.load();
    if (existing !== null) return existing;
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    this.writePrivate(this.protector.protect(pem));
    const key = describe(privateKey);
    this.addTrusted({ publicKey: key.publicKey, label: this.protector.label, own: true });
    return key;
  }

  trust(publicKey: string, label: string): SigningInfo {
    if (publicKeyFromBase64(publicKey) === null) {
      throw new BreachdeskError(
        'INVALID_INPUT',
        'That is not an Ed25519 public key (44 characters of base64).',
      );
    }
    this.addTrusted({ publicKey, label, own: false });
    return this.info();
  }

  untrust(fingerprint: string): SigningInfo {
    const trusted = this.readTrusted();
    const entry = trusted.find((k) => k.fingerprint === fingerprint);
    if (entry === undefined)
      throw new BreachdeskError('NOT_FOUND', `No trusted key has the fingerprint ${fingerprint}.`);
    if (entry.own) {
      throw new BreachdeskError(
        'INVALID_INPUT',
        'This computer\u2019s own signing key cannot be removed from the trusted keys.',
      );
    }
    this.writeTrusted(trusted.filter((k) => k.fingerprint !== fingerprint));
    return this.info();
  }

  /** The trusted key with this fingerprint, or null for an unknown signer. */
  trusted(fingerprint: string): TrustedKey | null {
    return this.readTrusted().find((k) => k.fingerprint === fingerprint) ?? null;
  }

  private load(): SigningKey | null {
    const path = join(this.dir, this.protector.fileName);
    if (!existsSync(path)) return null;
    try {
      return describe(createPrivateKey(this.protector.unprotect(readFileSync(path))));
    } catch {
      throw new BreachdeskError(
        'IO_ERROR',
        `The signing key in ${JSON.stringify(path)} cannot be read; move it aside to create a new one (bundles signed with it stay verifiable by its public key).`,
      );
    }
  }

  private writePrivate(bytes: Buffer): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, this.protector.fileName);
    replaceFileSync(path, bytes);
  }

  private addTrusted(entry: { publicKey: string; label: string; own: boolean }): void {
    const raw = Buffer.from(entry.publicKey, 'base64');
    const fingerprint = fingerprintOf(raw);
    const others = this.readTrusted().filter((k) => k.fingerprint !== fingerprint);
    this.writeTrusted([
      ...others,
      { fingerprint, publicKey: entry.publicKey, label: entry.label, addedAt: this.stamp(), own: entry.own },
    ]);
  }

  /** A damaged list trusts nobody rather than failing every verify; the own key is re-added on export. */
  private readTrusted(): TrustedKey[] {
    try {
      return trustedFileSchema.parse(JSON.parse(readFileSync(join(this.dir, TRUSTED_FILE), 'utf8'))).keys;
    } catch {
      return [];
    }
  }

  private writeTrusted(keys: TrustedKey[]): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, TRUSTED_FILE);
    replaceFileSync(path, `${JSON.stringify({ version: 1, keys }, null, 2)}\n`);
  }

  private stamp(): string {
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, '.000Z');
  }
}

function describe(privateKey: KeyObject): SigningKey {
  const raw = rawPublicKey(createPublicKey(privateKey));
  return { privateKey, publicKey: raw.toString('base64'), fingerprint: fingerprintOf(raw) };
}

/** This computer's detached signature over `bytes` (the codec is in formats/signing). */
export function signDetached(key: SigningKey, bytes: Uint8Array): string {
  return createDetachedSignature(key.privateKey, bytes);
}

export { verifyDetachedSignature as verifyDetached } from '../../../formats/signing/detached-signature';
