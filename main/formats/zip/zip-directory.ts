import type { FileHandle } from 'node:fs/promises';
import { readFully, type ByteWindow } from './byte-window';
import {
  CENTRAL,
  EOCD,
  EOCD_SEARCH_BYTES,
  EXTRA,
  LOCAL,
  MAX16,
  MAX32,
  parseExtraFields,
  readUint64,
  ZIP64_EOCD,
  ZIP64_EOCD_PREFIX,
  ZIP64_LOCATOR,
} from './zip-format';
import { ZipRefusedError } from './zip-refused';

/** Where the central directory is, after the end records agree with each other and with the file. */
export interface DirectoryLocation {
  entries: number;
  offset: number;
  size: number;
}

/** One central directory header, ZIP64 fields resolved, nothing else judged yet. */
export interface CentralRecord {
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

const damaged = (detail: string): ZipRefusedError =>
  new ZipRefusedError('truncated', null, `it is truncated or damaged (${detail})`);

/**
 * Finds the end of central directory record (and the ZIP64 record when its locator is present) and
 * checks that the central directory they describe ends exactly where the end records begin.
 */
export async function locateDirectory(
  handle: FileHandle,
  fileSize: number,
  window: ByteWindow,
): Promise<DirectoryLocation> {
  const tailLength = Math.min(fileSize, EOCD_SEARCH_BYTES);
  const tail = Buffer.alloc(tailLength);
  await readFully(handle, tail, fileSize - tailLength);

  // Backwards from the end: the record whose comment length reaches exactly to the end of the file.
  let at = -1;
  for (let i = tailLength - EOCD.size; i >= 0; i--) {
    if (
      tail.readUInt32LE(i) === EOCD.signature &&
      i + EOCD.size + tail.readUInt16LE(i + EOCD.commentLength) === tailLength
    ) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    const head = Buffer.alloc(4);
    const read = await readFully(handle, head, 0);
    throw read === 4 && head.readUInt32LE(0) === LOCAL.signature
      ? damaged('its end of central directory record is missing')
      : new ZipRefusedError('not-a-zip', null, 'it is not a zip file');
  }
  const eocdPosition = fileSize - tailLength + at;
  const eocd = tail.subarray(at, at + EOCD.size);
  const classic = {
    diskNumber: eocd.readUInt16LE(EOCD.diskNumber),
    centralDisk: eocd.readUInt16LE(EOCD.centralDisk),
    entriesOnDisk: eocd.readUInt16LE(EOCD.entriesOnDisk),
    entries: eocd.readUInt16LE(EOCD.entries),
    size: eocd.readUInt32LE(EOCD.centralSize),
    offset: eocd.readUInt32LE(EOCD.centralOffset),
  };

  const locatorPosition = eocdPosition - ZIP64_LOCATOR.size;
  const locator = locatorPosition >= 0 ? await window.view(locatorPosition, ZIP64_LOCATOR.size) : null;
  if (locator === null || locator.readUInt32LE(0) !== ZIP64_LOCATOR.signature) {
    if (classic.diskNumber !== 0 || classic.centralDisk !== 0 || classic.entriesOnDisk !== classic.entries) {
      throw multiDisk();
    }
    if (classic.offset + classic.size !== eocdPosition) {
      throw damaged('its central directory is not where its end record says');
    }
    return { entries: classic.entries, offset: classic.offset, size: classic.size };
  }

  if (
    locator.readUInt32LE(ZIP64_LOCATOR.eocdDisk) !== 0 ||
    locator.readUInt32LE(ZIP64_LOCATOR.totalDisks) > 1
  ) {
    throw multiDisk();
  }
  const recordPosition = readUint64(locator, ZIP64_LOCATOR.eocdOffset);
  const record = recordPosition === null ? null : await window.view(recordPosition, ZIP64_EOCD.size);
  if (recordPosition === null || record === null || record.readUInt32LE(0) !== ZIP64_EOCD.signature) {
    throw damaged('its ZIP64 end record is missing');
  }
  const recordSize = readUint64(record, ZIP64_EOCD.recordSize);
  if (
    recordSize === null ||
    recordSize < ZIP64_EOCD.size - ZIP64_EOCD_PREFIX ||
    recordPosition + ZIP64_EOCD_PREFIX + recordSize !== locatorPosition
  ) {
    throw damaged('its ZIP64 end record has the wrong length');
  }
  const wide = {
    diskNumber: record.readUInt32LE(ZIP64_EOCD.diskNumber),
    centralDisk: record.readUInt32LE(ZIP64_EOCD.centralDisk),
    entriesOnDisk: readUint64(record, ZIP64_EOCD.entriesOnDisk),
    entries: readUint64(record, ZIP64_EOCD.entries),
    size: readUint64(record, ZIP64_EOCD.centralSize),
    offset: readUint64(record, ZIP64_EOCD.centralOffset),
  };
  if (wide.diskNumber !== 0 || wide.centralDisk !== 0 || wide.entriesOnDisk !== wide.entries) {
    throw multiDisk();
  }
  if (wide.entries === null || wide.size === null || wide.offset === null) {
    throw damaged('its ZIP64 end record holds impossible values');
  }
  // A field not set to its sentinel must agree with the ZIP64 record: two readers must never see
  // two different directories in one file.
  const agree = (value: number, sentinel: number, wideValue: number): boolean =>
    value === sentinel || value === wideValue;
  if (
    !agree(classic.diskNumber, MAX16, 0) ||
    !agree(classic.centralDisk, MAX16, 0) ||
    !agree(classic.entriesOnDisk, MAX16, wide.entries) ||
    !agree(classic.entries, MAX16, wide.entries) ||
    !agree(classic.size, MAX32, wide.size) ||
    !agree(classic.offset, MAX32, wide.offset)
  ) {
    throw damaged('its two end records disagree');
  }
  if (wide.offset + wide.size !== recordPosition) {
    throw damaged('its central directory is not where its end record says');
  }
  return { entries: wide.entries, offset: wide.offset, size: wide.size };
}

function multiDisk(): ZipRefusedError {
  return new ZipRefusedError('multi-disk', null, 'it is split across several files (a multi-disk archive)');
}

/** Reads every central directory header; the directory must hold exactly the declared entries. */
export async function readCentralDirectory(
  window: ByteWindow,
  location: DirectoryLocation,
): Promise<CentralRecord[]> {
  const records: CentralRecord[] = [];
  const end = location.offset + location.size;
  let position = location.offset;
  for (let index = 0; index < location.entries; index++) {
    const fixed =
      position + CENTRAL.size <= end
        ? (window.peek(position, CENTRAL.size) ?? (await window.view(position, CENTRAL.size)))
        : null;
    if (fixed === null || fixed.readUInt32LE(0) !== CENTRAL.signature) {
      throw damaged(`central directory header ${index + 1} is damaged`);
    }
    const nameLength = fixed.readUInt16LE(CENTRAL.nameLength);
    const extraLength = fixed.readUInt16LE(CENTRAL.extraLength);
    const commentLength = fixed.readUInt16LE(CENTRAL.commentLength);
    const variableEnd = position + CENTRAL.size + nameLength + extraLength + commentLength;
    const length = variableEnd - position;
    const header =
      variableEnd <= end ? (window.peek(position, length) ?? (await window.view(position, length))) : null;
    if (header === null) throw damaged(`central directory header ${index + 1} is damaged`);
    records.push(parseCentralHeader(header, nameLength, extraLength));
    position = variableEnd;
  }
  if (position !== end) throw damaged('its central directory holds more than its end record declares');
  return records;
}

function parseCentralHeader(header: Buffer, nameLength: number, extraLength: number): CentralRecord {
  const nameBytes = Buffer.from(header.subarray(CENTRAL.size, CENTRAL.size + nameLength)); // a copy
  const label = lenient.decode(nameBytes);
  const extraBlock = header.subarray(CENTRAL.size + nameLength, CENTRAL.size + nameLength + extraLength);
  const extras = extraLength === 0 ? [] : parseExtraFields(extraBlock);
  if (extras === null) {
    throw new ZipRefusedError('truncated', label, 'is damaged (its extra field is malformed)');
  }

  let compressedSize = header.readUInt32LE(CENTRAL.compressedSize);
  let size = header.readUInt32LE(CENTRAL.size32);
  let localHeaderOffset = header.readUInt32LE(CENTRAL.localHeaderOffset);
  let diskStart = header.readUInt16LE(CENTRAL.diskStart);
  if (size === MAX32 || compressedSize === MAX32 || localHeaderOffset === MAX32 || diskStart === MAX16) {
    // APPNOTE 4.5.3: only the fields whose header value is the sentinel, in this fixed order.
    const zip64 = extras.find((field) => field.id === EXTRA.zip64)?.data;
    let at = 0;
    const next64 = (): number | null => {
      if (zip64 === undefined || at + 8 > zip64.length) {
        throw new ZipRefusedError('truncated', label, 'is damaged (its ZIP64 sizes are missing)');
      }
      const value = readUint64(zip64, at);
      at += 8;
      return value;
    };
    const tooLarge = (): ZipRefusedError =>
      new ZipRefusedError('entry-size', label, 'claims a size beyond what this computer can handle');
    if (size === MAX32) size = next64() ?? throwError(tooLarge());
    if (compressedSize === MAX32) compressedSize = next64() ?? throwError(tooLarge());
    if (localHeaderOffset === MAX32)
      localHeaderOffset = next64() ?? throwError(damaged('an offset is impossible'));
    if (diskStart === MAX16) {
      if (zip64 === undefined || at + 4 > zip64.length) throw damaged('a disk number is missing');
      diskStart = zip64.readUInt32LE(at);
    }
  }
  if (diskStart !== 0) throw multiDisk();

  return {
    nameBytes,
    label,
    versionMadeBy: header.readUInt16LE(CENTRAL.versionMadeBy),
    flags: header.readUInt16LE(CENTRAL.flags),
    method: header.readUInt16LE(CENTRAL.method),
    crc32: header.readUInt32LE(CENTRAL.crc32),
    compressedSize,
    size,
    localHeaderOffset,
    externalAttributes: header.readUInt32LE(CENTRAL.externalAttributes),
    date: header.readUInt16LE(CENTRAL.date),
    time: header.readUInt16LE(CENTRAL.time),
    unicodePath: copyOf(extras.find((field) => field.id === EXTRA.unicodePath)?.data),
  };
}

/** Copied: the window's buffer is reused by the next read. */
function copyOf(bytes: Buffer | undefined): Buffer | null {
  return bytes === undefined ? null : Buffer.from(bytes);
}

function throwError(error: Error): never {
  throw error;
}
