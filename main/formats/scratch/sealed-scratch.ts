import { createCipheriv, randomBytes } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import type { ReadableFile, WritableFile } from '../zip/random-access-file';

const KEY_BYTES = 32;
const BLOCK_BYTES = 16;

/**
 * A temporary file whose bytes are encrypted on the way to the disk and decrypted on the way back,
 * with AES-256-CTR under a random key that lives only in this object: what a killed process leaves
 * behind is noise. CTR turns a byte position into its keystream directly, so reads and writes may
 * land anywhere, in any order, as a zip writer and a zip reader need. It seals the plaintext of an
 * age-encrypted bundle while that is written or read; it does not authenticate (nothing but this
 * process reads the file, and age has authenticated every byte before it is written here).
 *
 * A position written twice (the zip writer patches each CRC-32 into its header) reuses its
 * keystream: someone holding both the old and the new sectors learns those four bytes of CRC.
 */
export class SealedScratch implements ReadableFile, WritableFile {
  readonly path: string;
  readonly #handle: FileHandle;
  readonly #key = randomBytes(KEY_BYTES);
  /** The counter block of byte 0: a random upper half, a lower half counting blocks from zero. */
  readonly #nonce = Buffer.concat([randomBytes(8), Buffer.alloc(8)]);
  #closed: Promise<void> | null = null;

  private constructor(path: string, handle: FileHandle) {
    this.path = path;
    this.#handle = handle;
  }

  /** Creates the file (it must not exist), readable by its owner only. */
  static async create(path: string): Promise<SealedScratch> {
    return new SealedScratch(path, await open(path, 'wx+', 0o600));
  }

  async write(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesWritten: number }> {
    this.#throwIfClosed();
    const sealed = this.#crypt(buffer.subarray(offset, offset + length), position);
    let done = 0;
    while (done < sealed.length) {
      const { bytesWritten } = await this.#handle.write(sealed, done, sealed.length - done, position + done);
      done += bytesWritten;
    }
    return { bytesWritten: length };
  }

  async read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }> {
    this.#throwIfClosed();
    const { bytesRead } = await this.#handle.read(buffer, offset, length, position);
    const bytes = buffer.subarray(offset, offset + bytesRead);
    this.#crypt(bytes, position).copy(bytes);
    return { bytesRead };
  }

  /** The plaintext from `start` to the end, in blocks of `blockBytes`. */
  async *readFrom(start = 0, blockBytes = 4 * 1024 * 1024): AsyncGenerator<Buffer> {
    const { size } = await this.stat();
    for (let at = start; at < size;) {
      const buffer = Buffer.allocUnsafe(Math.min(blockBytes, size - at));
      const { bytesRead } = await this.read(buffer, 0, buffer.length, at);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
      at += bytesRead;
    }
  }

  async stat(): Promise<{ size: number; isFile(): boolean }> {
    this.#throwIfClosed();
    const { size } = await this.#handle.stat();
    return { size, isFile: () => true };
  }

  /** Nothing here has to survive a crash: a scratch file is never made durable. */
  sync(): Promise<void> {
    this.#throwIfClosed();
    return Promise.resolve();
  }

  /** Closes and deletes the file and forgets the key; idempotent. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      this.#key.fill(0);
      await this.#handle.close().catch(() => undefined);
      await rm(this.path, { force: true });
    })();
    return this.#closed;
  }

  /** A view to read through that someone else may close without deleting the file (the owner does). */
  borrowed(): ReadableFile {
    return {
      read: (buffer, offset, length, position) => this.read(buffer, offset, length, position),
      stat: () => this.stat(),
      close: () => Promise.resolve(),
    };
  }

  /** The bytes XORed with the keystream at `position`: encrypts and decrypts alike. */
  #crypt(bytes: Buffer, position: number): Buffer {
    const block = Math.floor(position / BLOCK_BYTES);
    const counter = Buffer.from(this.#nonce);
    counter.writeBigUInt64BE(BigInt(block), 8);
    const cipher = createCipheriv('aes-256-ctr', this.#key, counter);
    const skip = position - block * BLOCK_BYTES;
    if (skip > 0) cipher.update(Buffer.alloc(skip));
    return cipher.update(bytes);
  }

  #throwIfClosed(): void {
    if (this.#closed !== null) throw new Error('SealedScratch: the scratch file is closed.');
  }
}
