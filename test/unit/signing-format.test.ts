import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createDetachedSignature,
  verifyDetachedSignature,
} from '../../main/formats/signing/detached-signature';
import { fingerprintOf, publicKeyFromBase64, rawPublicKey } from '../../main/formats/signing/fingerprint';

// RFC 8032 §7.1, TEST 1: the empty message, with its secret key, public key and signature.
const SECRET = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const SIGNATURE =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';

const b64url = (hex: string): string => Buffer.from(hex, 'hex').toString('base64url');
const privateKey = createPrivateKey({
  key: { kty: 'OKP', crv: 'Ed25519', d: b64url(SECRET), x: b64url(PUBLIC) },
  format: 'jwk',
});
const publicKey = createPublicKey(privateKey);

describe('detached Ed25519 signatures', () => {
  it('signs as RFC 8032 says, base64 on one line', () => {
    const text = createDetachedSignature(privateKey, new Uint8Array());
    expect(text).toBe(`${Buffer.from(SIGNATURE, 'hex').toString('base64')}\n`);
    expect(verifyDetachedSignature(publicKey, new Uint8Array(), text)).toBe(true);
  });

  it('refuses changed bytes and another key', () => {
    const bytes = Buffer.from('manifest-sha256.txt contents\n');
    const text = createDetachedSignature(privateKey, bytes);
    expect(verifyDetachedSignature(publicKey, bytes, text)).toBe(true);
    expect(verifyDetachedSignature(publicKey, Buffer.from('manifest-sha256.txt Contents\n'), text)).toBe(
      false,
    );
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(verifyDetachedSignature(other, bytes, text)).toBe(false);
  });

  it('answers false, never throws, for text that is not a signature', () => {
    const bytes = Buffer.from('x');
    for (const text of ['', 'not base64 at all!', Buffer.alloc(63).toString('base64'), 'AAAA\n'.repeat(30)]) {
      expect(verifyDetachedSignature(publicKey, bytes, text)).toBe(false);
    }
  });
});

describe('public keys and fingerprints', () => {
  it('round-trips the raw 32-byte key through base64', () => {
    const raw = rawPublicKey(publicKey);
    expect(raw.toString('hex')).toBe(PUBLIC);
    const back = publicKeyFromBase64(raw.toString('base64'));
    expect(back === null ? null : rawPublicKey(back).toString('hex')).toBe(PUBLIC);
  });

  it('refuses base64 that is not exactly one Ed25519 key', () => {
    expect(publicKeyFromBase64(Buffer.alloc(31).toString('base64'))).toBeNull();
    expect(publicKeyFromBase64(`${Buffer.from(PUBLIC, 'hex').toString('base64')} `)).toBeNull();
  });

  it('prints the fingerprint as OpenSSH does: SHA256: and unpadded base64', () => {
    // `openssl dgst -sha256 -binary | base64` of the raw key, without the padding.
    expect(fingerprintOf(Buffer.from(PUBLIC, 'hex'))).toBe(
      'SHA256:If4x36FUomFia/hUBG/SJxt77UtqvkWqWId+9H+XIbk',
    );
  });
});
