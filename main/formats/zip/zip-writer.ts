import { open, rm } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { BreachdeskError } from '../../../shared/ipc/errors';
import {
  CENTRAL,
  EOCD,
  EXTRA,
  FILE_EXTERNAL_ATTRIBUTES,
  FLAG,
  LOCAL,
  MAX16,
  MAX32,
  METHOD,
  toDosDateTime,
  VERSION_DEFAULT,
  VERSION_MADE_BY,
  VERSION_ZIP64,
  writeUint64,
  ZIP64_EOCD,
  ZIP64_EOCD_PREFIX,
  ZIP64_LOCATOR,
} from './zip-format';
import { describeNameProblem, nameProblem, quoteName } from './zip-names';
import type { WritableFile } from './random-access-file';

export interface ZipWriterOptions {
  /**
   * Sizes and offsets at or above this use ZIP64 fields. Defaults to 0xFFFFFFFF, where the 32-bit
   * fields run out; tests lower it to exercise ZIP64 without 4 GiB files.
   */
  zip64Threshold?: number;
}

export interface AddFileOptions {
  /** Stored as an MS-DOS date and time in this computer's local time zone. Default: now. */
  modified?: Date;
  /** Checked between chunks; an aborted signal stops the entry with CANCELLED. */
  signal?: AbortSignal;
}

export type ZipSource = Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** Data writes kept in flight, so reading the next chunk overlaps with the disk taking this one. */
const MAX_WRITES_IN_FLIGHT = 4;
/** …and never more than this many bytes held for them, whatever the chunk size. */
const MAX_BYTES_IN_FLIGHT = 64 * 1024 * 1024;
/** A Uint8Array source is written in slices of this size (views, not copies). */
const SLICE_BYTES = 4 * 1024 * 1024;
/** Headers and chunks up to this size are copied into one buffer and written together. */
const COALESCE_CHUNK_BYTES = 64 * 1024;
const COALESCE_BUFFER_BYTES = 256 * 1024;

/** What the central directory needs to know about an entry once its data is written. */
interface WrittenEntry {
  name: Buffer;
  crc32: number;
  size: number;
  offset: number;
  date: number;
  time: number;
}

type State = 'open' | 'busy' | 'finished' | 'failed' | 'aborted';

/**
 * Writes a ZIP archive of STORED entries straight to disk. Sizes are known up front, so each local
 * header is complete when written except its CRC-32, which is computed with zlib.crc32 while the data
 * streams and then patched in place: no data descriptors, so every reader sees the same sizes in the
 * local and central headers. Entries are added one at a time (await each addFile).
 */
export class ZipWriter {
  /** The file this writer created and therefore closes and deletes on abort; null when the caller owns it. */
  readonly #path: string | null;
  readonly #handle: WritableFile;
  readonly #threshold: number;
  readonly #entries: WrittenEntry[] = [];
  /** Writes on their way to the disk, with the file range each covers. */
  readonly #inFlight = new Map<Promise<void>, { start: number; end: number }>();
  #inFlightBytes = 0;
  #failure: { error: unknown } | null = null;
  #state: State = 'open';
  #aborting: Promise<void> | null = null;
  /** Bytes handed to the file so far: the offset of the next byte of the archive. */
  #offset = 0;
  /** Small pieces waiting to be written together, starting at file offset #pendingStart. */
  #pending: Buffer | null = null;
  #pendingStart = 0;
  #pendingLength = 0;

  private constructor(path: string | null, handle: WritableFile, threshold: number) {
    this.#path = path;
    this.#handle = handle;
    this.#threshold = threshold;
  }

  /** Creates the file (it must not exist) readable by its owner only. */
  static async create(path: string, options: ZipWriterOptions = {}): Promise<ZipWriter> {
    const threshold = checkedThreshold(options);
    const handle = await open(path, 'wx', 0o600);
    return new ZipWriter(path, handle, threshold);
  }

  /**
   * Writes into a file the caller opened and keeps: finish() flushes it but leaves it open (to be
   * read back), and abort() only waits for the writes in flight. An encrypting scratch file is
   * written this way, so a bundle to be sealed in an envelope never exists on disk in plaintext.
   */
  static onto(file: WritableFile, options: ZipWriterOptions = {}): ZipWriter {
    return new ZipWriter(null, file, checkedThreshold(options));
  }

  /** Bytes of the archive produced so far (some may still be on their way to the disk). */
  get bytesWritten(): number {
    return this.#offset;
  }

  /**
   * Adds one STORED file of exactly `size` bytes. The source's chunks are written as they are, not
   * copied: they must not be changed or reused until addFile resolves. Throws (and leaves the writer
   * fit only for abort) when the source yields a different number of bytes, the signal is aborted,
   * or a write fails.
   */
  async addFile(
    name: string,
    size: number,
    source: ZipSource,
    options: AddFileOptions = {},
  ): Promise<{ crc32: number }> {
    this.#enter();
    const problem = nameProblem(name);
    if (problem !== null || name.endsWith('/')) {
      this.#state = 'open';
      throw new TypeError(
        `Zip entry name ${quoteName(name)} ${problem === null ? 'ends with "/"' : describeNameProblem(problem)}.`,
      );
    }
    const nameBytes = Buffer.from(name, 'utf8');
    if (nameBytes.length > MAX16) {
      this.#state = 'open';
      throw new TypeError(`Zip entry name ${quoteName(name.slice(0, 40))}… is longer than 65,535 bytes.`);
    }
    if (!Number.isSafeInteger(size) || size < 0) {
      this.#state = 'open';
      throw new RangeError(`Zip entry ${quoteName(name)} has an invalid size (${size}).`);
    }
    try {
      const result = await this.#writeEntry(name, nameBytes, size, source, options);
      this.#state = 'open';
      return result;
    } catch (error) {
      if (this.#state === 'busy') this.#state = 'failed';
      throw error;
    }
  }

  /** Writes the central directory and end records, flushes to disk and closes the file. */
  async finish(): Promise<{ bytes: number; entries: number }> {
    this.#enter();
    try {
      const centralOffset = this.#offset;
      for (const entry of this.#entries) await this.#write(this.#centralHeader(entry));
      const centralSize = this.#offset - centralOffset;
      await this.#write(this.#endRecords(centralOffset, centralSize));
      await this.#flushPending();
      await this.#drain();
      await this.#handle.sync();
      if (this.#path !== null) await this.#handle.close();
      this.#state = 'finished';
      return { bytes: this.#offset, entries: this.#entries.length };
    } catch (error) {
      if (this.#state === 'busy') this.#state = 'failed';
      throw error;
    }
  }

  /**
   * Closes and deletes the file. Safe after any error and idempotent; after finish it deletes the
   * finished file too, so a caller whose rename failed can clean up with the same call. A file
   * given to onto() is the caller's to close and delete: abort only lets its writes settle.
   */
  abort(): Promise<void> {
    this.#aborting ??= this.#abort();
    return this.#aborting;
  }

  async #abort(): Promise<void> {
    const wasFinished = this.#state === 'finished';
    this.#state = 'aborted';
    this.#pending = null;
    if (!wasFinished) {
      await Promise.allSettled([...this.#inFlight.keys()]);
      // FileHandle.close also waits for operations still running on the handle.
      if (this.#path !== null) await this.#handle.close().catch(() => undefined);
    }
    if (this.#path !== null) await rm(this.#path, { force: true });
  }

  #enter(): void {
    if (this.#state !== 'open') {
      throw new Error(
        this.#state === 'busy'
          ? 'ZipWriter: await each addFile before the next call.'
          : `ZipWriter: the archive is ${this.#state}; only abort() may be called now.`,
      );
    }
    this.#state = 'busy';
  }

  async #writeEntry(
    name: string,
    nameBytes: Buffer,
    size: number,
    source: ZipSource,
    options: AddFileOptions,
  ): Promise<{ crc32: number }> {
    const offset = this.#offset;
    const { date, time } = toDosDateTime(options.modified ?? new Date());
    const header = this.#localHeader(nameBytes, size, offset, date, time);
    await this.#write(header);

    let crc = 0;
    let total = 0;
    const take = async (chunk: Uint8Array): Promise<void> => {
      throwIfCancelled(options.signal);
      if (chunk.byteLength === 0) return;
      total += chunk.byteLength;
      if (total > size) throw sizeMismatch(name, size, 'more');
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      crc = crc32(bytes, crc);
      await this.#write(bytes);
    };
    // A Uint8Array is itself iterable (by number), so it must be recognised first; it is written in
    // slices (views, not copies) so its writes overlap like a stream's. Sync sources skip the
    // per-chunk cost of for-await.
    if (source instanceof Uint8Array) {
      for (let at = 0; at < source.byteLength; at += SLICE_BYTES) {
        await take(source.subarray(at, Math.min(at + SLICE_BYTES, source.byteLength)));
      }
    } else if (Symbol.asyncIterator in source) {
      for await (const chunk of source) await take(chunk);
    } else {
      for (const chunk of source) await take(chunk);
    }
    throwIfCancelled(options.signal);
    if (total !== size) throw sizeMismatch(name, size, 'fewer');

    await this.#patchCrc(offset + LOCAL.crc32, crc);
    this.#entries.push({ name: nameBytes, crc32: crc, size, offset, date, time });
    return { crc32: crc };
  }

  #localHeader(name: Buffer, size: number, offset: number, date: number, time: number): Buffer {
    // The local header has no offset field, so only a large size needs its ZIP64 extra; APPNOTE
    // 4.5.3 says that extra then holds both sizes. Version 4.5 if any header of the entry uses ZIP64.
    const sizeZip64 = size >= this.#threshold;
    const zip64 = sizeZip64 || offset >= this.#threshold;
    const extraLength = sizeZip64 ? EXTRA.headerSize + 16 : 0;
    const header = Buffer.alloc(LOCAL.size + name.length + extraLength);
    header.writeUInt32LE(LOCAL.signature, 0);
    header.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_DEFAULT, LOCAL.versionNeeded);
    header.writeUInt16LE(FLAG.utf8, LOCAL.flags);
    header.writeUInt16LE(METHOD.stored, LOCAL.method);
    header.writeUInt16LE(time, LOCAL.time);
    header.writeUInt16LE(date, LOCAL.date);
    header.writeUInt32LE(0, LOCAL.crc32); // patched once the data has streamed
    header.writeUInt32LE(sizeZip64 ? MAX32 : size, LOCAL.compressedSize);
    header.writeUInt32LE(sizeZip64 ? MAX32 : size, LOCAL.size32);
    header.writeUInt16LE(name.length, LOCAL.nameLength);
    header.writeUInt16LE(extraLength, LOCAL.extraLength);
    name.copy(header, LOCAL.size);
    if (sizeZip64) {
      const at = LOCAL.size + name.length;
      header.writeUInt16LE(EXTRA.zip64, at);
      header.writeUInt16LE(16, at + 2);
      writeUint64(header, size, at + 4); // original size
      writeUint64(header, size, at + 12); // compressed size (equal: STORED)
    }
    return header;
  }

  #centralHeader(entry: WrittenEntry): Buffer {
    // APPNOTE 4.5.3: the ZIP64 extra holds only the fields whose header value is 0xFFFFFFFF, in the
    // fixed order original size, compressed size, local header offset.
    const sizeZip64 = entry.size >= this.#threshold;
    const offsetZip64 = entry.offset >= this.#threshold;
    const zip64Values = [
      ...(sizeZip64 ? [entry.size, entry.size] : []),
      ...(offsetZip64 ? [entry.offset] : []),
    ];
    const extraLength = zip64Values.length > 0 ? EXTRA.headerSize + 8 * zip64Values.length : 0;
    const header = Buffer.alloc(CENTRAL.size + entry.name.length + extraLength);
    header.writeUInt32LE(CENTRAL.signature, 0);
    header.writeUInt16LE(VERSION_MADE_BY, CENTRAL.versionMadeBy);
    header.writeUInt16LE(extraLength > 0 ? VERSION_ZIP64 : VERSION_DEFAULT, CENTRAL.versionNeeded);
    header.writeUInt16LE(FLAG.utf8, CENTRAL.flags);
    header.writeUInt16LE(METHOD.stored, CENTRAL.method);
    header.writeUInt16LE(entry.time, CENTRAL.time);
    header.writeUInt16LE(entry.date, CENTRAL.date);
    header.writeUInt32LE(entry.crc32, CENTRAL.crc32);
    header.writeUInt32LE(sizeZip64 ? MAX32 : entry.size, CENTRAL.compressedSize);
    header.writeUInt32LE(sizeZip64 ? MAX32 : entry.size, CENTRAL.size32);
    header.writeUInt16LE(entry.name.length, CENTRAL.nameLength);
    header.writeUInt16LE(extraLength, CENTRAL.extraLength);
    header.writeUInt16LE(0, CENTRAL.commentLength);
    header.writeUInt16LE(0, CENTRAL.diskStart);
    header.writeUInt16LE(0, CENTRAL.internalAttributes);
    header.writeUInt32LE(FILE_EXTERNAL_ATTRIBUTES, CENTRAL.externalAttributes);
    header.writeUInt32LE(offsetZip64 ? MAX32 : entry.offset, CENTRAL.localHeaderOffset);
    entry.name.copy(header, CENTRAL.size);
    if (extraLength > 0) {
      let at = CENTRAL.size + entry.name.length;
      header.writeUInt16LE(EXTRA.zip64, at);
      header.writeUInt16LE(extraLength - EXTRA.headerSize, at + 2);
      at += EXTRA.headerSize;
      for (const value of zip64Values) {
        writeUint64(header, value, at);
        at += 8;
      }
    }
    return header;
  }

  /** The EOCD record, preceded by the ZIP64 record and locator when anything needed ZIP64. */
  #endRecords(centralOffset: number, centralSize: number): Buffer {
    const count = this.#entries.length;
    const threshold = this.#threshold;
    const countOver = count >= MAX16;
    const sizeOver = centralSize >= threshold;
    const offsetOver = centralOffset >= threshold;
    const anyEntryZip64 = this.#entries.some((e) => e.size >= threshold || e.offset >= threshold);
    const zip64 = anyEntryZip64 || countOver || sizeOver || offsetOver;

    const end = Buffer.alloc((zip64 ? ZIP64_EOCD.size + ZIP64_LOCATOR.size : 0) + EOCD.size);
    let at = 0;
    if (zip64) {
      const recordOffset = this.#offset;
      end.writeUInt32LE(ZIP64_EOCD.signature, 0);
      writeUint64(end, ZIP64_EOCD.size - ZIP64_EOCD_PREFIX, ZIP64_EOCD.recordSize);
      end.writeUInt16LE(VERSION_MADE_BY, ZIP64_EOCD.versionMadeBy);
      end.writeUInt16LE(VERSION_ZIP64, ZIP64_EOCD.versionNeeded);
      end.writeUInt32LE(0, ZIP64_EOCD.diskNumber);
      end.writeUInt32LE(0, ZIP64_EOCD.centralDisk);
      writeUint64(end, count, ZIP64_EOCD.entriesOnDisk);
      writeUint64(end, count, ZIP64_EOCD.entries);
      writeUint64(end, centralSize, ZIP64_EOCD.centralSize);
      writeUint64(end, centralOffset, ZIP64_EOCD.centralOffset);
      at = ZIP64_EOCD.size;
      end.writeUInt32LE(ZIP64_LOCATOR.signature, at);
      end.writeUInt32LE(0, at + ZIP64_LOCATOR.eocdDisk);
      writeUint64(end, recordOffset, at + ZIP64_LOCATOR.eocdOffset);
      end.writeUInt32LE(1, at + ZIP64_LOCATOR.totalDisks);
      at += ZIP64_LOCATOR.size;
    }
    // Like Python's zipfile and Info-ZIP, only the fields that do not fit hold the 0xFF.. sentinel;
    // the others keep their real values (which a careful reader checks against the ZIP64 record).
    end.writeUInt32LE(EOCD.signature, at);
    end.writeUInt16LE(0, at + EOCD.diskNumber);
    end.writeUInt16LE(0, at + EOCD.centralDisk);
    end.writeUInt16LE(countOver ? MAX16 : count, at + EOCD.entriesOnDisk);
    end.writeUInt16LE(countOver ? MAX16 : count, at + EOCD.entries);
    end.writeUInt32LE(sizeOver ? MAX32 : centralSize, at + EOCD.centralSize);
    end.writeUInt32LE(offsetOver ? MAX32 : centralOffset, at + EOCD.centralOffset);
    end.writeUInt16LE(0, at + EOCD.commentLength);
    return end;
  }

  /** Sets the CRC in a local header: in memory while it waits to be written, else by a positional write. */
  async #patchCrc(position: number, crc: number): Promise<void> {
    const pending = this.#pending;
    if (pending !== null && position >= this.#pendingStart) {
      pending.writeUInt32LE(crc, position - this.#pendingStart);
      return;
    }
    // Writes in flight may complete in any order: the patch must land after the header it patches.
    const header = [...this.#inFlight].filter(([, range]) => range.start <= position && position < range.end);
    await Promise.all(header.map(([write]) => write));
    this.#throwIfBroken();
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32LE(crc, 0);
    // Four bytes: not counted against capacity; finish() drains every write before closing.
    this.#startWrite(bytes, position);
  }

  /** Appends bytes to the archive: small ones are gathered, large ones written as they are. */
  async #write(bytes: Buffer): Promise<void> {
    this.#throwIfBroken();
    if (bytes.length <= COALESCE_CHUNK_BYTES) {
      if (this.#pending !== null && this.#pendingLength + bytes.length > this.#pending.length) {
        await this.#flushPending();
      }
      if (this.#pending === null) {
        this.#pending = Buffer.allocUnsafe(COALESCE_BUFFER_BYTES);
        this.#pendingStart = this.#offset;
        this.#pendingLength = 0;
      }
      bytes.copy(this.#pending, this.#pendingLength);
      this.#pendingLength += bytes.length;
      this.#offset += bytes.length;
      return;
    }
    await this.#flushPending();
    await this.#roomFor(bytes.length);
    this.#startWrite(bytes, this.#offset);
    this.#offset += bytes.length;
  }

  async #flushPending(): Promise<void> {
    const pending = this.#pending;
    if (pending === null || this.#pendingLength === 0) return;
    // The buffer now belongs to the write in flight; the next small piece starts a new one.
    this.#pending = null;
    await this.#roomFor(this.#pendingLength);
    this.#startWrite(pending.subarray(0, this.#pendingLength), this.#pendingStart);
  }

  /** Waits until one more write of `bytes` keeps memory and queue depth within bounds. */
  async #roomFor(bytes: number): Promise<void> {
    while (
      this.#inFlight.size > 0 &&
      (this.#inFlight.size >= MAX_WRITES_IN_FLIGHT || this.#inFlightBytes + bytes > MAX_BYTES_IN_FLIGHT)
    ) {
      await Promise.race(this.#inFlight.keys());
    }
    this.#throwIfBroken();
  }

  #startWrite(bytes: Buffer, position: number): void {
    this.#inFlightBytes += bytes.length;
    const write = writeFully(this.#handle, bytes, position)
      .catch((error: unknown) => {
        this.#failure ??= { error };
      })
      .finally(() => {
        this.#inFlight.delete(write);
        this.#inFlightBytes -= bytes.length;
      });
    this.#inFlight.set(write, { start: position, end: position + bytes.length });
  }

  async #drain(): Promise<void> {
    await Promise.all([...this.#inFlight.keys()]);
    this.#throwIfBroken();
  }

  #throwIfBroken(): void {
    if (this.#failure !== null) throw this.#failure.error;
    if (this.#state === 'aborted') throw new Error('ZipWriter: the archive was aborted.');
  }
}

function checkedThreshold(options: ZipWriterOptions): number {
  const threshold = options.zip64Threshold ?? MAX32;
  if (!Number.isSafeInteger(threshold) || threshold < 1 || threshold > MAX32) {
    throw new RangeError(`zip64Threshold must be an integer from 1 to ${MAX32}.`);
  }
  return threshold;
}

/** Positional write that finishes what a short write left over. */
async function writeFully(handle: WritableFile, bytes: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BreachdeskError('CANCELLED', 'Writing the bundle was cancelled.');
}

function sizeMismatch(name: string, size: number, direction: 'more' | 'fewer'): BreachdeskError {
  return new BreachdeskError(
    'INTERNAL',
    `The bundle entry ${quoteName(name)} supplied ${direction} bytes than the ${size} announced.`,
  );
}
