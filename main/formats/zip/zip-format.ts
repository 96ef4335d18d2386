/**
 * The ZIP layouts (PKWARE APPNOTE.TXT 6.3.x) shared by the writer and the reader: signatures, field
 * offsets, flag bits and limits live here once, so the two sides cannot drift apart.
 */

/** Local file header, APPNOTE 4.3.7: fixed part, then file name, then extra field. */
export const LOCAL = {
  signature: 0x04034b50,
  size: 30,
  versionNeeded: 4,
  flags: 6,
  method: 8,
  time: 10,
  date: 12,
  crc32: 14,
  compressedSize: 18,
  size32: 22,
  nameLength: 26,
  extraLength: 28,
} as const;

/** Central directory file header, APPNOTE 4.3.12: fixed part, then name, extra field and comment. */
export const CENTRAL = {
  signature: 0x02014b50,
  size: 46,
  versionMadeBy: 4,
  versionNeeded: 6,
  flags: 8,
  method: 10,
  time: 12,
  date: 14,
  crc32: 16,
  compressedSize: 20,
  size32: 24,
  nameLength: 28,
  extraLength: 30,
  commentLength: 32,
  diskStart: 34,
  internalAttributes: 36,
  externalAttributes: 38,
  localHeaderOffset: 42,
} as const;

/** End of central directory record, APPNOTE 4.3.16; an archive comment of up to 65,535 bytes follows. */
export const EOCD = {
  signature: 0x06054b50,
  size: 22,
  diskNumber: 4,
  centralDisk: 6,
  entriesOnDisk: 8,
  entries: 10,
  centralSize: 12,
  centralOffset: 16,
  commentLength: 20,
} as const;

/** The furthest an EOCD record can start from the end of the file: itself plus the longest comment. */
export const EOCD_SEARCH_BYTES = EOCD.size + 0xffff;

/** ZIP64 end of central directory record, APPNOTE 4.3.14 (version 1, no extensible data written). */
export const ZIP64_EOCD = {
  signature: 0x06064b50,
  size: 56,
  /** "Size of zip64 end of central directory record": the bytes after this 12-byte prefix. */
  recordSize: 4,
  versionMadeBy: 12,
  versionNeeded: 14,
  diskNumber: 16,
  centralDisk: 20,
  entriesOnDisk: 24,
  entries: 32,
  centralSize: 40,
  centralOffset: 48,
} as const;

/** The 12 bytes (signature and the record-size field) not counted by ZIP64_EOCD.recordSize. */
export const ZIP64_EOCD_PREFIX = 12;

/** ZIP64 end of central directory locator, APPNOTE 4.3.15; sits immediately before the EOCD. */
export const ZIP64_LOCATOR = {
  signature: 0x07064b50,
  size: 20,
  eocdDisk: 4,
  eocdOffset: 8,
  totalDisks: 16,
} as const;

/** Extra field header ids (APPNOTE 4.5.2, 4.6.9). Each field is id (2), data length (2), data. */
export const EXTRA = {
  headerSize: 4,
  zip64: 0x0001,
  /** Info-ZIP Unicode Path: other tools show this name instead of the header's own. */
  unicodePath: 0x7075,
} as const;

/** General purpose bit flags (APPNOTE 4.4.4). */
export const FLAG = {
  encrypted: 1 << 0,
  dataDescriptor: 1 << 3,
  strongEncryption: 1 << 6,
  utf8: 1 << 11,
  centralDirectoryEncrypted: 1 << 13,
} as const;

export const METHOD = { stored: 0, deflate: 8, aes: 99 } as const;

/** Sentinels meaning "the real value is in a ZIP64 field" (APPNOTE 4.4.1.4). */
export const MAX16 = 0xffff;
export const MAX32 = 0xffffffff;

/** Version needed to extract: 2.0 for plain stored/deflated entries, 4.5 for ZIP64 (APPNOTE 4.4.3.2). */
export const VERSION_DEFAULT = 20;
export const VERSION_ZIP64 = 45;
/** Host system in the high byte of "version made by" (APPNOTE 4.4.2.2). */
export const HOST_UNIX = 3;
export const HOST_OSX = 19;
export const VERSION_MADE_BY = (HOST_UNIX << 8) | VERSION_ZIP64;

/** Unix file type bits, as Info-ZIP stores them in the high 16 bits of the external attributes. */
export const UNIX = {
  typeMask: 0o170000,
  regular: 0o100000,
  directory: 0o040000,
  symlink: 0o120000,
} as const;

/** A regular file, rw-r--r--: shifted into the high half of the external attributes. */
export const FILE_EXTERNAL_ATTRIBUTES = ((UNIX.regular | 0o644) << 16) >>> 0;

/** Reads a little-endian 64-bit field; null when it does not fit a JavaScript number exactly. */
export function readUint64(buffer: Buffer, offset: number): number | null {
  const value = buffer.readBigUInt64LE(offset);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(value);
}

export function writeUint64(buffer: Buffer, value: number, offset: number): void {
  buffer.writeBigUInt64LE(BigInt(value), offset);
}

/**
 * MS-DOS date and time (APPNOTE 4.4.6) in the computer's local time zone, as every unzip tool
 * assumes. Two-second resolution; clamped to the representable years 1980–2107.
 */
export function toDosDateTime(when: Date): { date: number; time: number } {
  const year = when.getFullYear();
  if (Number.isNaN(year) || year < 1980) return { date: (1 << 5) | 1, time: 0 };
  if (year > 2107) return { date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };
  return {
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
  };
}

/** The inverse of toDosDateTime (local time); out-of-range fields are clamped, never thrown on. */
export function fromDosDateTime(date: number, time: number): Date {
  const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), high);
  return new Date(
    1980 + (date >> 9),
    clamp((date >> 5) & 0xf, 1, 12) - 1,
    clamp(date & 0x1f, 1, 31),
    clamp(time >> 11, 0, 23),
    clamp((time >> 5) & 0x3f, 0, 59),
    clamp((time & 0x1f) * 2, 0, 59),
  );
}

/** One extra field as found while walking an extra block. */
export interface ExtraField {
  id: number;
  data: Buffer;
}

/**
 * Splits an extra block into its fields; null when a field claims more bytes than the block holds.
 * Up to three trailing bytes are tolerated: alignment tools pad with zeros that are not a field.
 */
export function parseExtraFields(block: Buffer): ExtraField[] | null {
  const fields: ExtraField[] = [];
  let at = 0;
  while (block.length - at >= EXTRA.headerSize) {
    const id = block.readUInt16LE(at);
    const length = block.readUInt16LE(at + 2);
    const start = at + EXTRA.headerSize;
    if (start + length > block.length) return null;
    fields.push({ id, data: block.subarray(start, start + length) });
    at = start + length;
  }
  return fields;
}
