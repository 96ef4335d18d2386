import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretProtector } from '../../main/services/remembered-passphrases';

/**
 * A stand-in for the system keychain (Electron safeStorage) in tests: AES-256-GCM with a key
 * held only by this process, so what lands in the file is never the passphrase itself.
 */
export function testKeychain(): SecretProtector {
  const key = randomBytes(32);
  return {
    protect(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(secret), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    unprotect(stored) {
      const decipher = createDecipheriv('aes-256-gcm', key, stored.subarray(0, 12));
      decipher.setAuthTag(stored.subarray(12, 28));
      return Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]);
    },
  };
}
