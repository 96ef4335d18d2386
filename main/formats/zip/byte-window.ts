import type { ReadableFile } from './random-access-file';

/** Reads ahead this much at a time: one read serves many consecutive small headers. */
export const WINDOW_BYTES = 1024 * 1024;

/**
 * Positional reads of small ranges (headers) through one read-ahead window, so a directory of
 * 200,000 entries costs a few hundred reads rather than 200,000. Memory stays bounded whatever
 * sizes the archive claims: a window is at most max(WINDOW_BYTES, the range asked for). Callers
 * that know the next range is far away (past a large entry's data) ask for less read-ahead.
 */
export class ByteWindow {
  #buffer = Buffer.alloc(0);
  #start = 0;

  constructor(
    private readonly handle: ReadableFile,
    private readonly fileSize: number,
  ) {}

  /**
   * The bytes [position, position + length) when the window already holds them, else null. Kept
   * synchronous so that walking thousands of headers does not cost an await each.
   */
  peek(position: number, length: number): Buffer | null {
    const offset = position - this.#start;
    if (offset < 0 || length < 0 || offset + length > this.#buffer.length) return null;
    return this.#buffer.subarray(offset, offset + length);
  }

  /**
   * The bytes [position, position + length), valid until the next call; null when the range runs
   * past the end of the file. Use as `window.peek(p, n) ?? (await window.view(p, n))`.
   */
  async view(position: number, length: number, readAhead = WINDOW_BYTES): Promise<Buffer | null> {
    const cached = this.peek(position, length);
    if (cached !== null) return cached;
    if (position < 0 || length < 0 || position + length > this.fileSize) return null;
    const size = Math.min(Math.max(length, readAhead), this.fileSize - position);
    const buffer = Buffer.allocUnsafe(size);
    const read = await readFully(this.handle, buffer, position);
    if (read < length) return null; // the file shrank under us
    this.#buffer = buffer.subarray(0, read);
    this.#start = position;
    return this.#buffer.subarray(0, length);
  }
}

/** Fills the buffer from the position, stopping early only at the end of the file; returns bytes read. */
export async function readFully(handle: ReadableFile, buffer: Buffer, position: number): Promise<number> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}
