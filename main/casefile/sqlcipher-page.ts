import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { SQLCIPHER } from './cipher-settings';

/**
 * Reads single pages of an SQLCipher 4 file with Node's own crypto, before SQLite opens it, so
 * Breachdesk can tell a wrong passphrase from a damaged file, and check a journal of encrypted
 * pages, without letting SQLite touch either file. It follows SQLCipher 4's documented page
 * format, which SQLite3 Multiple Ciphers writes in its SQLCipher mode:
 *   key      = PBKDF2-HMAC-SHA512(passphrase, salt, 256000 iterations, 32 bytes)
 *   HMAC key = PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations, 32 bytes)
 *   page     = AES-256-CBC(content) ‖ IV (16) ‖ HMAC-SHA512(ciphertext ‖ IV ‖ page number LE) (64)
 * Page 1 begins with the 16-byte salt in clear; its encrypted content starts after it.
 */
export interface PageKeys {
  readonly salt: Buffer;
  readonly cipherKey: Buffer;
  readonly hmacKey: Buffer;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The salt every page key of the file is derived with: page 1's first 16 bytes. */
export function saltOf(pageOne: Buffer): Buffer {
  return Buffer.from(pageOne.subarray(0, SQLCIPHER.saltBytes));
}

export function derivePageKeys(passphrase: Buffer, salt: Buffer): PageKeys {
  const cipherKey = pbkdf2Sync(passphrase, salt, SQLCIPHER.kdfIterations, SQLCIPHER.keyBytes, 'sha512');
  const hmacSalt = Buffer.from(salt.map((byte) => byte ^ SQLCIPHER.hmacSaltMask));
  const hmacKey = pbkdf2Sync(cipherKey, hmacSalt, SQLCIPHER.fastKdfIterations, SQLCIPHER.keyBytes, 'sha512');
  return { salt, cipherKey, hmacKey };
}

/**
 * The page as SQLite sees it, or null when its HMAC does not verify (another key, another page
 * number, or altered bytes). Page 1 comes back with SQLite's magic string where the salt was.
 */
export function decryptPage(page: Buffer, pageNumber: number, keys: PageKeys): Buffer | null {
  const pageSize = page.length;
  const offset = pageNumber === 1 ? SQLCIPHER.saltBytes : 0;
  const contentEnd = pageSize - SQLCIPHER.reserveBytes;
  if (contentEnd <= offset) return null;
  const ivEnd = contentEnd + SQLCIPHER.ivBytes;
  const pageNumberLe = Buffer.alloc(4);
  pageNumberLe.writeUInt32LE(pageNumber >>> 0);
  const expected = createHmac('sha512', keys.hmacKey)
    .update(page.subarray(offset, ivEnd))
    .update(pageNumberLe)
    .digest();
  const stored = page.subarray(ivEnd, ivEnd + SQLCIPHER.hmacBytes);
  if (stored.length !== expected.length || !timingSafeEqual(stored, expected)) return null;
  const decipher = createDecipheriv('aes-256-cbc', keys.cipherKey, page.subarray(contentEnd, ivEnd));
  decipher.setAutoPadding(false);
  const content = Buffer.concat([decipher.update(page.subarray(offset, contentEnd)), decipher.final()]);
  const plain = Buffer.alloc(pageSize);
  if (pageNumber === 1) SQLITE_MAGIC.copy(plain, 0);
  content.copy(plain, offset);
  page.copy(plain, contentEnd, contentEnd);
  return plain;
}
