import type { Entry, ZipFile } from 'yauzl';
import type { ByteWindow } from './byte-window';
import { damaged, multiDisk, type DirectoryLocation } from './zip-directory';
import { CENTRAL, EXTRA, MAX16, MAX32 } from './zip-format';
import { ZipRefusedError } from './zip-refused';

/** One central directory header as yauzl parsed it (ZIP64 fields resolved), nothing judged yet. */
export interface CentralRecord {
  /** yauzl's entry: needed again to read the local header and the data. */
  entry: Entry;
  nameBytes: Buffer;
  /** The name decoded leniently: only for messages until the name has been checked. */
  label: string;
  versionMadeBy: number;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  externalAttributes: number;
  date: number;
  time: number;
  /** The Info-ZIP Unicode Path extra field's data, when present (an alternative name). */
  unicodePath: Buffer | null;
}

const lenient = new TextDecoder('utf-8');

/**
 * Reads every central directory header through yauzl. yauzl does not check that the directory
 * holds exactly the declared entries, nor keep each entry's disk number, so both are checked
 * here from where each header sits; yauzl's own refusals are given the entry's name.
 */
export async function readCentralDirectory(
  zipfile: ZipFile,
  window: ByteWindow,
  location: DirectoryLocation,
): Promise<CentralRecord[]> {
  const records: CentralRecord[] = [];
  const end = location.offset + location.size;
  let position = location.offset;
  const iterator = zipfile.eachEntry();
  for (;;) {
    let next: IteratorResult<Entry>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw refusalFor(error, window, position, records.length);
    }
    if (next.done === true) break;
    const entry = next.value;
    const length = CENTRAL.size + entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength;
    if (position + length > end) throw damaged(`central directory header ${records.length + 1} is damaged`);
    records.push(toRecord(entry, window, position));
    position += length;
  }
  if (position !== end) throw damaged('its central directory holds more than its end record declares');
  return records;
}

function toRecord(entry: Entry, window: ByteWindow, position: number): CentralRecord {
  const nameBytes = entry.fileNameRaw;
  const label = lenient.decode(nameBytes);
  const sizes = [entry.uncompressedSize, entry.compressedSize, entry.relativeOffsetOfLocalHeader];
  const zip64 = entry.extraFields.find((field) => field.id === EXTRA.zip64)?.data;
  // yauzl leaves a sentinel in place when the ZIP64 field that should replace it is missing.
  if (sizes.includes(MAX32) && zip64 === undefined) {
    throw new ZipRefusedError('truncated', label, 'is damaged (its ZIP64 sizes are missing)');
  }
  // The header was just read through the window, so this peek does not touch the disk.
  const header = window.peek(position, CENTRAL.size);
  let diskStart = header?.readUInt16LE(CENTRAL.diskStart) ?? 0;
  if (diskStart === MAX16) {
    // APPNOTE 4.5.3: after the 8-byte fields whose header values were sentinels.
    const raw = header as Buffer;
    const at =
      8 *
      [CENTRAL.size32, CENTRAL.compressedSize, CENTRAL.localHeaderOffset].filter(
        (field) => raw.readUInt32LE(field) === MAX32,
      ).length;
    if (zip64 === undefined || at + 4 > zip64.length) throw damaged('a disk number is missing');
    diskStart = zip64.readUInt32LE(at);
  }
  if (diskStart !== 0) throw multiDisk();
  return {
    entry,
    nameBytes,
    label,
    versionMadeBy: entry.versionMadeBy,
    flags: entry.generalPurposeBitFlag,
    method: entry.compressionMethod,
    crc32: entry.crc32,
    compressedSize: entry.compressedSize,
    size: entry.uncompressedSize,
    localHeaderOffset: entry.relativeOffsetOfLocalHeader,
    externalAttributes: entry.externalFileAttributes,
    date: entry.lastModFileDate,
    time: entry.lastModFileTime,
    unicodePath: entry.extraFields.find((field) => field.id === EXTRA.unicodePath)?.data ?? null,
  };
}

/** yauzl's error for the header at `position`, as a refusal naming the entry when it can. */
function refusalFor(error: unknown, window: ByteWindow, position: number, index: number): unknown {
  if (!(error instanceof Error) || error instanceof ZipRefusedError) return error;
  const fixed = window.peek(position, CENTRAL.size);
  const nameLength = fixed?.readUInt16LE(CENTRAL.nameLength) ?? 0;
  const name = window.peek(position + CENTRAL.size, nameLength);
  const label = fixed === null || name === null ? null : lenient.decode(name);
  if (error.message.startsWith('strong encryption')) {
    return new ZipRefusedError('encrypted', label, 'is encrypted');
  }
  if (error.message.startsWith('zip64 extended information')) {
    return new ZipRefusedError('truncated', label, 'is damaged (its ZIP64 sizes are missing)');
  }
  if (error.message.startsWith('extra field length')) {
    return new ZipRefusedError('truncated', label, 'is damaged (its extra field is malformed)');
  }
  return damaged(`central directory header ${index + 1} is damaged`);
}
