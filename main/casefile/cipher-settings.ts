import { PAGE_SIZE } from './constants';

/**
 * How encrypted case files are written: SQLCipher 4's defaults, so that any SQLCipher 4 tool opens
 * them with the passphrase (and `PRAGMA cipher_page_size = 65536`, the one setting that differs
 * from SQLCipher's default page size: large pages keep evidence intake fast). The README's Files
 * section repeats these values; change both together, and never for files already written.
 */
export const SQLCIPHER = {
  /** SQLite3 Multiple Ciphers' name for the scheme, and the SQLCipher major version it follows. */
  scheme: 'sqlcipher',
  legacy: 4,
  pageSize: PAGE_SIZE,
  kdfIterations: 256_000,
  fastKdfIterations: 2,
  hmacSaltMask: 0x3a,
  keyBytes: 32,
  saltBytes: 16,
  ivBytes: 16,
  hmacBytes: 64,
  /** Bytes at the end of every page: the IV and the HMAC. */
  reserveBytes: 80,
} as const;

/**
 * Page sizes tried when opening an encrypted file: ours first, then SQLCipher's default (4096),
 * so a file another SQLCipher 4 tool wrote with its defaults opens as well.
 */
export const ENCRYPTED_PAGE_SIZES: readonly number[] = [SQLCIPHER.pageSize, 4096];
