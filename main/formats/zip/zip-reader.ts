import { open, type FileHandle } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { ByteWindow, readFully, WINDOW_BYTES } from './byte-window';
import {
  checkDuplicates,
  checkRecord,
  DEFAULT_ZIP_LIMITS,
  formatBytes,
  type CheckedRecord,
  type ZipLimits,
} from './zip-checks';
import { locateDirectory, readCentralDirectory } from './zip-directory';
import { EXTRA, FLAG, fromDosDateTime, LOCAL, MAX32, parseExtraFields, readUint64 } from './zip-format';
import { quoteName } from './zip-names';
import { ZipRefusedError } from './zip-refused';

export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-checks';
export { ZIP_REFUSAL_RULES, ZipRefusedError, type ZipRefusalRule } from './zip-refused';

/** One entry that passed every check; data is read through ZipArchive.readEntry. */
export interface ZipEntry {
  readonly name: string;
  /** The name ends with '/'; size is then 0. */
  readonly isDirectory: boolean;
  readonly size: number;
  readonly compressedSize: number;
  readonly crc32: number;
  readonly method: 0 | 8;
  /** Where the entry's (compressed) bytes start, after its own local header. */
  readonly dataOffset: number;
  /** The MS-DOS date and time, read as this computer's local time (as unzip tools do). */
  readonly modified: Date;
}

export interface ReadEntryOptions {
  signal?: AbortSignal;
  /** Bytes per positional read of stored data (default 4 MiB). */
  chunkBytes?: number;
}

/** Stored data is read in blocks this large: few system calls, and zlib.crc32 runs at full speed. */
const STORED_CHUNK_BYTES = 4 * 1024 * 1024;
/** Compressed data is fed to zlib in blocks this large; zlib's own backpressure bounds the output. */
const DEFLATE_INPUT_BYTES = 1024 * 1024;

/**
 * Opens a zip that may be hostile and validates all of it before returning: end records, central
 * directory, every name, type, method and size against the limits, duplicates, and every local
 * header and the byte range it occupies. Entry data is checked (length and CRC-32) as it is read.
 * Refusals are ZipRefusedError; a file that cannot be opened at all rejects with Node's own error.
 */
export async function openZip(path: string, limits: Partial<ZipLimits> = {}): Promise<ZipArchive> {
  const effective: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ZipRefusedError('not-a-zip', null, 'it is not a regular file');
    const window = new ByteWindow(handle, stat.size);
    const location = await locateDirectory(handle, stat.size, window);
    if (location.entries > effective.maxEntries) {
      throw new ZipRefusedError(
        'entry-count',
        null,
        `it holds ${location.entries} entries, more than the ${effective.maxEntries} allowed`,
      );
    }
    const records = await readCentralDirectory(window, location);
    const checked: CheckedRecord[] = [];
    let totalBytes = 0;
    for (const record of records) {
      const entry = checkRecord(record, effective);
      totalBytes += entry.record.size;
      if (totalBytes > effective.maxTotalBytes) {
        throw new ZipRefusedError(
          'total-size',
          entry.name,
          `brings the total past the ${formatBytes(effective.maxTotalBytes)} allowed for a bundle`,
        );
      }
      checked.push(entry);
    }
    checkDuplicates(checked);
    const entries = await checkLocalHeaders(window, checked, location.offset);
    return new ZipArchive(handle, stat.size, entries);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Reads each local header and checks it against the central directory (one file, one story), then
 * that no two entries share bytes and none runs into the central directory: overlapping entries are
 * how a few kilobytes of "zip bomb" expand to petabytes.
 */
async function checkLocalHeaders(
  window: ByteWindow,
  checked: readonly CheckedRecord[],
  directoryOffset: number,
): Promise<ZipEntry[]> {
  const entries = new Map<CheckedRecord, ZipEntry>();
  const byOffset = [...checked].sort((a, b) => a.record.localHeaderOffset - b.record.localHeaderOffset);
  let previous: { name: string; end: number } | null = null;
  for (const [index, entry] of byOffset.entries()) {
    const { record, name } = entry;
    const offset = record.localHeaderOffset;
    const mismatch = (detail: string): ZipRefusedError =>
      new ZipRefusedError('header-mismatch', name, detail);
    // Judged before the header is read: in the classic bomb many entries share one local header,
    // and that is an overlap more than it is a name mismatch.
    if (previous !== null && offset < previous.end) {
      throw new ZipRefusedError('overlap', name, `shares its bytes with entry ${quoteName(previous.name)}`);
    }
    if (offset + LOCAL.size > directoryOffset) {
      throw new ZipRefusedError('overlap', name, 'starts inside the central directory');
    }
    const fixed =
      window.peek(offset, LOCAL.size) ?? (await window.view(offset, LOCAL.size, readAhead(byOffset, index)));
    if (fixed === null) throw new ZipRefusedError('truncated', name, 'is cut short');
    if (fixed.readUInt32LE(0) !== LOCAL.signature)
      throw mismatch('has no local header where the directory says');
    const nameLength = fixed.readUInt16LE(LOCAL.nameLength);
    const extraLength = fixed.readUInt16LE(LOCAL.extraLength);
    const flags = fixed.readUInt16LE(LOCAL.flags);
    const method = fixed.readUInt16LE(LOCAL.method);
    const crc = fixed.readUInt32LE(LOCAL.crc32);
    let compressedSize: number | null = fixed.readUInt32LE(LOCAL.compressedSize);
    let size: number | null = fixed.readUInt32LE(LOCAL.size32);
    const headerLength = LOCAL.size + nameLength + extraLength;
    const header =
      window.peek(offset, headerLength) ??
      (await window.view(offset, headerLength, readAhead(byOffset, index)));
    if (header === null) throw new ZipRefusedError('truncated', name, 'is cut short');
    if (!header.subarray(LOCAL.size, LOCAL.size + nameLength).equals(record.nameBytes)) {
      throw mismatch('has a different name in its local header');
    }
    if ((flags & FLAG.encrypted) !== (record.flags & FLAG.encrypted) || method !== record.method) {
      throw mismatch('has a local header that disagrees with the directory about its encryption or method');
    }
    // Without a data descriptor the local header states CRC and sizes too; a second reader that
    // trusts them must see the same entry we do.
    if ((flags & FLAG.dataDescriptor) === 0) {
      if (size === MAX32 || compressedSize === MAX32) {
        const extras = parseExtraFields(header.subarray(LOCAL.size + nameLength));
        const zip64 = extras?.find((field) => field.id === EXTRA.zip64)?.data;
        if (zip64 === undefined || zip64.length < 16) throw mismatch('has a damaged ZIP64 local header');
        size = readUint64(zip64, 0);
        compressedSize = readUint64(zip64, 8);
      }
      if (crc !== record.crc32 || size !== record.size || compressedSize !== record.compressedSize) {
        throw mismatch('has a local header that disagrees with the directory about its size or checksum');
      }
    }

    const dataOffset = offset + LOCAL.size + nameLength + extraLength;
    const dataEnd = dataOffset + record.compressedSize;
    if (dataEnd > directoryOffset) {
      throw new ZipRefusedError('overlap', name, 'runs into the central directory');
    }
    previous = { name, end: dataEnd };
    entries.set(
      entry,
      Object.freeze({
        name,
        isDirectory: entry.isDirectory,
        size: record.size,
        compressedSize: record.compressedSize,
        crc32: record.crc32,
        method: entry.method,
        dataOffset,
        modified: fromDosDateTime(record.date, record.time),
      }),
    );
  }
  // In central directory order, which is the order the archive lists them.
  return checked.map((entry) => entries.get(entry) as ZipEntry);
}

/** Bytes a little past a local header's name, where its extra field usually ends. */
const LOCAL_HEADER_GUESS = LOCAL.size + 1024;

/**
 * How much to read from the header at byOffset[index]: through the headers that follow within one
 * window, and no further. Reading past a large entry's data would be wasted: validating a bundle of
 * big files would otherwise read much of it a second time.
 */
function readAhead(byOffset: readonly CheckedRecord[], index: number): number {
  const start = byOffset[index]?.record.localHeaderOffset ?? 0;
  let end = start + LOCAL_HEADER_GUESS + (byOffset[index]?.record.nameBytes.length ?? 0);
  for (let next = index + 1; next < byOffset.length; next++) {
    const record = (byOffset[next] as CheckedRecord).record;
    if (record.localHeaderOffset - start >= WINDOW_BYTES) break;
    end = Math.max(end, record.localHeaderOffset + LOCAL_HEADER_GUESS + record.nameBytes.length);
  }
  return end - start;
}

/** A validated archive, open for reading entry data. */
export class ZipArchive {
  readonly entries: readonly ZipEntry[];
  readonly fileSize: number;
  readonly #handle: FileHandle;
  readonly #known: ReadonlySet<ZipEntry>;
  #closed: Promise<void> | null = null;

  constructor(handle: FileHandle, fileSize: number, entries: ZipEntry[]) {
    this.#handle = handle;
    this.fileSize = fileSize;
    this.entries = Object.freeze(entries);
    this.#known = new Set(entries);
  }

  /**
   * The entry's bytes as fresh Buffers the caller may keep. Stored data comes in positional reads
   * of chunkBytes (the next read already running while a block is checked and handed over);
   * deflated data is inflated as it is consumed, refused the moment it outgrows its declared size.
   * The length and CRC-32 are checked at the end, so only a fully consumed entry is known good.
   */
  async *readEntry(entry: ZipEntry, options: ReadEntryOptions = {}): AsyncGenerator<Buffer> {
    if (!this.#known.has(entry)) throw new Error('ZipArchive.readEntry: the entry is not from this archive.');
    if (this.#closed !== null) throw new Error('ZipArchive.readEntry: the archive is closed.');
    if (entry.method === 0) {
      yield* this.#readStored(entry, options.signal, options.chunkBytes ?? STORED_CHUNK_BYTES);
    } else {
      yield* this.#readDeflated(entry, options.signal);
    }
  }

  /** The whole entry in one Buffer; refused when it is larger than maxBytes. */
  async readEntryBytes(entry: ZipEntry, maxBytes: number): Promise<Buffer> {
    if (entry.size > maxBytes) {
      throw new ZipRefusedError(
        'entry-size',
        entry.name,
        `is larger than the ${formatBytes(maxBytes)} allowed here`,
      );
    }
    const chunks: Buffer[] = [];
    for await (const chunk of this.readEntry(entry)) chunks.push(chunk);
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, entry.size);
  }

  /** Closes the file; idempotent. */
  close(): Promise<void> {
    this.#closed ??= this.#handle.close();
    return this.#closed;
  }

  async *#readStored(
    entry: ZipEntry,
    signal: AbortSignal | undefined,
    chunkBytes: number,
  ): AsyncGenerator<Buffer> {
    const blockBytes = Math.max(4096, Math.floor(chunkBytes));
    const end = entry.dataOffset + entry.size;
    let position = entry.dataOffset;
    let crc = 0;
    const readBlock = (at: number): Promise<Buffer> =>
      this.#readAt(entry, at, Math.min(blockBytes, end - at));
    let next: Promise<Buffer> | null = position < end ? readBlock(position) : null;
    try {
      while (next !== null) {
        const block: Buffer = await next;
        position += block.length;
        next = position < end ? readBlock(position) : null;
        throwIfCancelled(signal);
        crc = crc32(block, crc);
        yield block;
      }
    } finally {
      // A consumer that stops early leaves one read running; its outcome no longer matters.
      next?.catch(() => undefined);
    }
    if (crc !== entry.crc32) throw badCrc(entry);
  }

  async *#readDeflated(entry: ZipEntry, signal: AbortSignal | undefined): AsyncGenerator<Buffer> {
    const compressed = Readable.from(this.#compressedBlocks(entry, signal));
    const inflate = createInflateRaw();
    // Errors surface through the iteration below; the callback only keeps them from going unhandled.
    pipeline(compressed, inflate, () => undefined);
    let total = 0;
    let crc = 0;
    try {
      for await (const block of inflate as AsyncIterable<Buffer>) {
        total += block.length;
        // Never trust the declared size for memory: stop at the first byte beyond it.
        if (total > entry.size) {
          throw new ZipRefusedError(
            'size-mismatch',
            entry.name,
            'decompresses to more bytes than it declares',
          );
        }
        crc = crc32(block, crc);
        yield block;
      }
    } catch (error) {
      if (isZlibError(error)) {
        throw new ZipRefusedError('crc', entry.name, 'is damaged (its compressed data cannot be read)');
      }
      throw error;
    } finally {
      inflate.destroy();
      compressed.destroy();
    }
    if (total !== entry.size) {
      throw new ZipRefusedError('size-mismatch', entry.name, 'decompresses to fewer bytes than it declares');
    }
    if (crc !== entry.crc32) throw badCrc(entry);
  }

  async *#compressedBlocks(entry: ZipEntry, signal: AbortSignal | undefined): AsyncGenerator<Buffer> {
    const end = entry.dataOffset + entry.compressedSize;
    for (let at = entry.dataOffset; at < end;) {
      throwIfCancelled(signal);
      const block = await this.#readAt(entry, at, Math.min(DEFLATE_INPUT_BYTES, end - at));
      at += block.length;
      yield block;
    }
  }

  /** A fresh Buffer of exactly `length` bytes from `position`; the file shrinking is a refusal. */
  async #readAt(entry: ZipEntry, position: number, length: number): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(length);
    const read = await readFully(this.#handle, buffer, position);
    if (read < length) throw new ZipRefusedError('truncated', entry.name, 'is cut short');
    return buffer;
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BreachdeskError('CANCELLED', 'Reading the bundle was cancelled.');
}

function badCrc(entry: ZipEntry): ZipRefusedError {
  return new ZipRefusedError('crc', entry.name, 'is damaged (its CRC-32 checksum does not match)');
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
