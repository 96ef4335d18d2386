import type { ReadableFile } from './random-access-file';
import { readFully, type ByteWindow } from './byte-window';
import {
  EOCD,
  EOCD_SEARCH_BYTES,
  LOCAL,
  MAX16,
  MAX32,
  readUint64,
  ZIP64_EOCD,
  ZIP64_EOCD_PREFIX,
  ZIP64_LOCATOR,
} from './zip-format';
import { ZipRefusedError } from './zip-refused';

/** Where the central directory is (yauzl reads it from there), after the end records agree with each other and with the file. */
export interface DirectoryLocation {
  entries: number;
  offset: number;
  size: number;
  /** Where the classic end record starts. */
  eocdPosition: number;
}

export const damaged = (detail: string): ZipRefusedError =>
  new ZipRefusedError('truncated', null, `it is truncated or damaged (${detail})`);

/**
 * Finds the end of central directory record (and the ZIP64 record when its locator is present) and
 * checks that the central directory they describe ends exactly where the end records begin.
 */
export async function locateDirectory(
  handle: ReadableFile,
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
    return { entries: classic.entries, offset: classic.offset, size: classic.size, eocdPosition };
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
  return { entries: wide.entries, offset: wide.offset, size: wide.size, eocdPosition };
}

export function multiDisk(): ZipRefusedError {
  return new ZipRefusedError('multi-disk', null, 'it is split across several files (a multi-disk archive)');
}
