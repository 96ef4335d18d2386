import { sign, verify, type KeyObject } from 'node:crypto';

/** Ed25519 signatures are always this long (RFC 8032 §5.1.6). */
const SIGNATURE_BYTES = 64;

/**
 * A detached Ed25519 signature over `bytes` as the bundle's .sig file holds it: base64 on one line.
 * Ed25519 signs the message itself (no separate digest), hence the null algorithm.
 */
export function createDetachedSignature(privateKey: KeyObject, bytes: Uint8Array): string {
  return `${sign(null, bytes, privateKey).toString('base64')}\n`;
}

/**
 * Whether `signature` (the .sig file's text) is the public key's signature over `bytes`. Anything
 * that is not 64 bytes of base64 is simply not a valid signature: a hostile bundle gets false,
 * never an exception.
 */
export function verifyDetachedSignature(publicKey: KeyObject, bytes: Uint8Array, signature: string): boolean {
  const raw = Buffer.from(signature.trim(), 'base64');
  if (raw.length !== SIGNATURE_BYTES) return false;
  return verify(null, bytes, publicKey, raw);
}
