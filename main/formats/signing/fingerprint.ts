import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** The raw 32-byte Ed25519 public key (the JWK `x` value), which is what bundles carry. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new Error('not an Ed25519 key');
  }
  return Buffer.from(jwk.x, 'base64url');
}

/** A public key from its raw base64 form; null when the bytes are not an Ed25519 key. */
export function publicKeyFromBase64(base64: string): KeyObject | null {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== base64) return null;
  try {
    return createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
      format: 'jwk',
    });
  } catch {
    return null;
  }
}

/** `SHA256:` + unpadded base64 of the SHA-256 of the raw key, the form OpenSSH prints. */
export function fingerprintOf(raw: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(raw).digest('base64').replace(/=+$/, '')}`;
}
