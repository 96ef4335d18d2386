import { formatBytes } from '../../../shared/text/bytes';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { fromRandomAccessReaderPromise, type LocalFileHeader, type ZipFile } from 'yauzl';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { ByteWindow, WINDOW_BYTES } from './byte-window';
import { readCentralDirectory, type CentralRecord } from './zip-central';
import {
  checkDuplicates,
  checkRecord,
  DEFAULT_ZIP_LIMITS,
  type CheckedRecord,
  type ZipLimits,
} from './zip-checks';
import { damaged, locateDirectory } from './zip-directory';
import type { ReadableFile } from './random-access-file';
import { DEFAULT_CHUNK_BYTES, ZipFileReader } from './zip-file-reader';
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

/** Compressed data is fed to zlib in blocks this large; zlib's own backpressure bounds the output. */
const DEFLATE_INPUT_BYTES = 1024 * 1024;

/**
 * Opens a zip that may be hostile and validates all of it before returning: end records, central
 * directory, every name, type, method and size against the limits, duplicates, and every local
 * header and the byte range it occupies. Entry data is checked (length and CRC-32) as it is read.
 * yauzl parses the records and streams the data; the policy above is this module's, on top.
 * Refusals are ZipRefusedError; a file that cannot be opened at all rejects with Node's own error.
 * The source is a path, or a file already open (a decrypting scratch file: formats/scratch).
 */
export async function openZip(
  source: string | ReadableFile,
  limits: Partial<ZipLimits> = {},
): Promise<ZipArchive> {
  const effective: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  // An open file given here belongs to the archive from now on: closed on a refusal or by close().
  const handle = typeof source === 'string' ? await open(source, 'r') : source;
  let reader: ZipFileReader | null = null;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ZipRefusedError('not-a-zip', null, 'it is not a regular file');
    const window = new ByteWindow(handle, stat.size);
    // yauzl trusts the end records; their agreement with each other and the file is checked first.
    const location = await locateDirectory(handle, stat.size, window);
    if (location.entries > effective.maxEntries) {
      throw new ZipRefusedError(
        'entry-count',
        null,
        `it holds ${location.entries} entries, more than the ${effective.maxEntries} allowed`,
      );
    }
    reader = new ZipFileReader(handle, window, location.eocdPosition);
    const zipfile = await openWithYauzl(reader, location.eocdPosition);
    const records = await readCentralDirectory(zipfile, window, location);
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
    const entries = await checkLocalHeaders(zipfile, reader, checked, location.offset);
    return new ZipArchive(zipfile, reader, stat.size, entries);
  } catch (error) {
    await (reader?.closeFile() ?? handle.close());
    throw error;
  }
}

async function openWithYauzl(reader: ZipFileReader, eocdPosition: number): Promise<ZipFile> {
  try {
    return await fromRandomAccessReaderPromise(reader, ZipFileReader.visibleSize(eocdPosition), {
      autoClose: false,
      // Names are judged as bytes here (UTF-8 flag, Unicode Path field), not decoded by yauzl.
      decodeStrings: false,
      // Sizes are checked here while the data streams, with refusals that name the entry.
      validateEntrySizes: false,
    });
  } catch (error) {
    throw error instanceof Error ? damaged(error.message.replace(/\.$/u, '')) : error;
  }
}

/**
 * Reads each local header and checks it against the central directory (one file, one story), then
 * that no two entries share bytes and none runs into the central directory: overlapping entries are
 * how a few kilobytes of "zip bomb" expand to petabytes.
 */
async function checkLocalHeaders(
  zipfile: ZipFile,
  reader: ZipFileReader,
  checked: readonly CheckedRecord[],
  directoryOffset: number,
): Promise<ArchiveEntry[]> {
  const entries = new Map<CheckedRecord, ArchiveEntry>();
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
    reader.readAhead = () => readAhead(byOffset, index);
    let local: LocalFileHeader;
    try {
      local = await zipfile.readLocalFileHeaderPromise(record.entry, { minimal: false });
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (message.startsWith('invalid local file header signature')) {
        throw mismatch('has no local header where the directory says');
      }
      if (message.startsWith('file data overflows')) {
        throw new ZipRefusedError('overlap', name, 'runs into the central directory');
      }
      throw new ZipRefusedError('truncated', name, 'is cut short');
    }
    if (!local.fileName.equals(record.nameBytes)) throw mismatch('has a different name in its local header');
    if (
      (local.generalPurposeBitFlag & FLAG.encrypted) !== (record.flags & FLAG.encrypted) ||
      local.compressionMethod !== record.method
    ) {
      throw mismatch('has a local header that disagrees with the directory about its encryption or method');
    }
    // Without a data descriptor the local header states CRC and sizes too; a second reader that
    // trusts them must see the same entry we do.
    if ((local.generalPurposeBitFlag & FLAG.dataDescriptor) === 0) {
      let size: number | null = local.uncompressedSize;
      let compressedSize: number | null = local.compressedSize;
      if (size === MAX32 || compressedSize === MAX32) {
        const zip64 = parseExtraFields(local.extraField)?.find((field) => field.id === EXTRA.zip64)?.data;
        if (zip64 === undefined || zip64.length < 16) throw mismatch('has a damaged ZIP64 local header');
        size = readUint64(zip64, 0);
        compressedSize = readUint64(zip64, 8);
      }
      if (local.crc32 !== record.crc32 || size !== record.size || compressedSize !== record.compressedSize) {
        throw mismatch('has a local header that disagrees with the directory about its size or checksum');
      }
    }

    const dataOffset = local.fileDataStart;
    const dataEnd = dataOffset + record.compressedSize;
    if (dataEnd > directoryOffset) {
      throw new ZipRefusedError('overlap', name, 'runs into the central directory');
    }
    previous = { name, end: dataEnd };
    const zipEntry: ZipEntry = Object.freeze({
      name,
      isDirectory: entry.isDirectory,
      size: record.size,
      compressedSize: record.compressedSize,
      crc32: record.crc32,
      method: entry.method,
      dataOffset,
      modified: fromDosDateTime(record.date, record.time),
    });
    entries.set(entry, { entry: zipEntry, record });
  }
  reader.readAhead = () => WINDOW_BYTES;
  // In central directory order, which is the order the archive lists them.
  return checked.map((entry) => entries.get(entry) as ArchiveEntry);
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

/** A checked entry with the record yauzl needs to stream its data. */
interface ArchiveEntry {
  entry: ZipEntry;
  record: CentralRecord;
}

/** A validated archive, open for reading entry data. */
export class ZipArchive {
  readonly entries: readonly ZipEntry[];
  readonly fileSize: number;
  readonly #zipfile: ZipFile;
  readonly #reader: ZipFileReader;
  readonly #known: ReadonlySet<ZipEntry>;
  #closed: Promise<void> | null = null;

  constructor(zipfile: ZipFile, reader: ZipFileReader, fileSize: number, entries: readonly ArchiveEntry[]) {
    this.#zipfile = zipfile;
    this.#reader = reader;
    this.fileSize = fileSize;
    this.entries = Object.freeze(entries.map((e) => e.entry));
    this.#known = new Set(this.entries);
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
    const deflated = entry.method === 8;
    this.#reader.chunkBytes = deflated ? DEFLATE_INPUT_BYTES : (options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    // The callback form: yauzl 3.4.0's openReadStreamLowLevelPromise calls openReadStream instead.
    const stream = await new Promise<Readable>((resolve, reject) =>
      this.#zipfile.openReadStreamLowLevel(
        entry.dataOffset,
        entry.compressedSize,
        0,
        entry.compressedSize,
        deflated,
        entry.size,
        (error, opened) => (error === null ? resolve(opened) : reject(error)),
      ),
    );
    yield* checkedData(entry, stream, options.signal);
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
    this.#closed ??= (async () => {
      this.#zipfile.close();
      await this.#reader.closeFile();
    })();
    return this.#closed;
  }
}

/**
 * The entry's data as it streams, refused the moment it outgrows its declared size (never trust
 * the declared size for memory), then checked for length and CRC-32 at the end.
 */
async function* checkedData(
  entry: ZipEntry,
  stream: Readable,
  signal: AbortSignal | undefined,
): AsyncGenerator<Buffer> {
  let total = 0;
  let crc = 0;
  try {
    for await (const block of stream as AsyncIterable<Buffer>) {
      throwIfCancelled(signal);
      total += block.length;
      if (total > entry.size) {
        throw new ZipRefusedError('size-mismatch', entry.name, 'decompresses to more bytes than it declares');
      }
      crc = crc32(block, crc);
      yield block;
    }
  } catch (error) {
    if (isZlibError(error)) {
      throw new ZipRefusedError('crc', entry.name, 'is damaged (its compressed data cannot be read)');
    }
    if (error instanceof Error && error.message.startsWith('not enough bytes')) {
      throw new ZipRefusedError('truncated', entry.name, 'is cut short');
    }
    throw error;
  } finally {
    // A consumer that stops early leaves the stream open; its outcome no longer matters.
    stream.destroy();
  }
  if (total !== entry.size) {
    throw new ZipRefusedError('size-mismatch', entry.name, 'decompresses to fewer bytes than it declares');
  }
  if (crc !== entry.crc32) {
    throw new ZipRefusedError('crc', entry.name, 'is damaged (its CRC-32 checksum does not match)');
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BreachdeskError('CANCELLED', 'Reading the bundle was cancelled.');
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
