import { Readable } from 'node:stream';
import { RandomAccessReader } from 'yauzl';
import { readFully, WINDOW_BYTES, type ByteWindow } from './byte-window';
import type { ReadableFile } from './random-access-file';
import { EOCD } from './zip-format';

/** Stored data is read in blocks this large: few system calls, and zlib.crc32 runs at full speed. */
export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

/** yauzl's read callback also takes the byte count, which its typings leave out. */
type ReadCallback = (error: Error | null, bytesRead?: number) => void;

/**
 * The file as yauzl sees it. Small reads (end records, central and local headers) go through one
 * read-ahead window, so 200,000 entries cost a few hundred system calls rather than 800,000; data
 * ranges are read in large positional blocks with one block read ahead.
 *
 * yauzl is shown the archive up to the end of the end record we located, with the comment length
 * read as 0: yauzl refuses any comment holding the end-record signature, which real tools write
 * and which locateDirectory has already resolved (the record whose comment reaches the file's end).
 */
export class ZipFileReader extends RandomAccessReader {
  readonly #handle: ReadableFile;
  readonly #window: ByteWindow;
  readonly #commentLengthAt: number;
  #closed: Promise<void> | null = null;
  /**
   * How far past a small read to read ahead, asked only when the window misses (it can cost a
   * walk over the next headers); the caller shortens it before a header far from the next.
   */
  readAhead: () => number = () => WINDOW_BYTES;
  /** Block size for the next data range; set just before yauzl opens it. */
  chunkBytes = DEFAULT_CHUNK_BYTES;

  constructor(handle: ReadableFile, window: ByteWindow, eocdPosition: number) {
    super();
    this.#handle = handle;
    this.#window = window;
    this.#commentLengthAt = eocdPosition + EOCD.commentLength;
  }

  /** The size yauzl is told: the archive ends with its end record's fixed part. */
  static visibleSize(eocdPosition: number): number {
    return eocdPosition + EOCD.size;
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: ReadCallback,
  ): void {
    const done = (bytes: Buffer | null): void => {
      if (bytes === null) return callback(null, 0);
      bytes.copy(buffer, offset);
      this.#hideComment(buffer.subarray(offset, offset + length), position);
      callback(null, length);
    };
    const cached = this.#window.peek(position, length);
    if (cached !== null) return done(cached);
    this.#window.view(position, length, this.readAhead()).then(done, (error: Error) => callback(error));
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const blockBytes = Math.max(4096, Math.floor(this.chunkBytes));
    const handle = this.#handle;
    let position = start;
    // Two blocks buffered: the next positional read runs while the consumer checks this one.
    return new Readable({
      highWaterMark: 2 * blockBytes,
      read(): void {
        if (position >= end) {
          this.push(null);
          return;
        }
        const buffer = Buffer.allocUnsafe(Math.min(blockBytes, end - position));
        const at = position;
        position += buffer.length;
        readFully(handle, buffer, at).then(
          (read) => {
            // A short read means the file shrank; yauzl's byte counter reports the range as short.
            this.push(read === buffer.length ? buffer : buffer.subarray(0, read));
            if (read < buffer.length) this.push(null);
          },
          (error: Error) => this.destroy(error),
        );
      },
    });
  }

  /** yauzl calls this once its last user lets go; the archive may call it first, on a refusal. */
  override close(callback?: (error: Error | null) => void): void {
    this.closeFile().then(
      () => callback?.(null),
      (error: Error) => callback?.(error),
    );
  }

  /** Closes the file once, however many parties ask. */
  closeFile(): Promise<void> {
    this.#closed ??= this.#handle.close();
    return this.#closed;
  }

  #hideComment(bytes: Buffer, position: number): void {
    for (let at = this.#commentLengthAt; at < this.#commentLengthAt + 2; at++) {
      if (at >= position && at < position + bytes.length) bytes[at - position] = 0;
    }
  }
}
