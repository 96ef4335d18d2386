import { crc32, deflateRawSync } from 'node:zlib';

/*
 * A deliberately naive zip builder for tests: every header field can be set to anything, so tests
 * can write the malformed and hostile archives the reader must refuse. Field offsets are written
 * out here from APPNOTE.TXT on purpose, independently of main/formats/zip/zip-format.ts, so a mistake
 * there is not silently mirrored by the tests.
 */

export interface RawEntry {
  /** A string is written as UTF-8; bytes are written as they are. */
  name: string | Uint8Array;
  /** The bytes stored after the local header (already compressed for method 8). */
  data?: Uint8Array;
  method?: number;
  /** General purpose flags; default bit 11 (UTF-8). */
  flags?: number;
  /** Default: CRC-32 of `uncompressed` when given, else of `data`. */
  crc32?: number;
  /** Default: length of `uncompressed` when given, else of `data`. */
  size?: number;
  /** Default: length of `data`. */
  compressedSize?: number;
  /** The real content of a compressed entry (for the default CRC and size). */
  uncompressed?: Uint8Array;
  /** Default (3 << 8) | 20: Unix, version 2.0. */
  versionMadeBy?: number;
  versionNeeded?: number;
  /** Default 0o100644 << 16 (a regular file; 0o040755 for names ending in '/'). */
  externalAttributes?: number;
  date?: number;
  time?: number;
  centralExtra?: Uint8Array;
  diskStart?: number;
  /** Overrides for the local header only. */
  local?: {
    name?: string | Uint8Array;
    flags?: number;
    method?: number;
    crc32?: number;
    size?: number;
    compressedSize?: number;
    extra?: Uint8Array;
    signature?: number;
  };
  /** Local header offset recorded in the central directory (default: where it was written). */
  offset?: number;
  /** Write no local header or data for this entry (use with `offset` to point at another's). */
  omitLocal?: boolean;
}

export interface RawZipOptions {
  /** Bytes before the first local header. */
  prefix?: Uint8Array;
  comment?: Uint8Array;
  /** Leave out the end of central directory record. */
  omitEnd?: boolean;
  /** End of central directory overrides. */
  end?: {
    diskNumber?: number;
    centralDisk?: number;
    entriesOnDisk?: number;
    entries?: number;
    centralSize?: number;
    centralOffset?: number;
  };
}

const u16 = (value: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value & 0xffff);
  return b;
};
const u32 = (value: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
};
const bytesOf = (name: string | Uint8Array): Buffer =>
  typeof name === 'string' ? Buffer.from(name, 'utf8') : Buffer.from(name);

/** Builds the archive in memory. */
export function buildRawZip(entries: readonly RawEntry[], options: RawZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  const push = (part: Buffer): void => {
    parts.push(part);
    offset += part.length;
  };
  if (options.prefix) push(Buffer.from(options.prefix));

  const central: Buffer[] = [];
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? new Uint8Array());
    const content = entry.uncompressed ?? data;
    const name = bytesOf(entry.name);
    const flags = entry.flags ?? 0x0800;
    const method = entry.method ?? 0;
    const crc = entry.crc32 ?? crc32(content);
    const size = entry.size ?? content.length;
    const compressedSize = entry.compressedSize ?? data.length;
    const date = entry.date ?? ((2024 - 1980) << 9) | (5 << 5) | 17;
    const time = entry.time ?? (12 << 11) | (30 << 5);
    const versionNeeded = entry.versionNeeded ?? 20;
    const headerOffset = offset;

    if (!entry.omitLocal) {
      const local = entry.local ?? {};
      const localName = bytesOf(local.name ?? entry.name);
      const localExtra = Buffer.from(local.extra ?? new Uint8Array());
      push(
        Buffer.concat([
          u32(local.signature ?? 0x04034b50),
          u16(versionNeeded),
          u16(local.flags ?? flags),
          u16(local.method ?? method),
          u16(time),
          u16(date),
          u32(local.crc32 ?? crc),
          u32(local.compressedSize ?? compressedSize),
          u32(local.size ?? size),
          u16(localName.length),
          u16(localExtra.length),
          localName,
          localExtra,
        ]),
      );
      push(data);
    }

    const extra = Buffer.from(entry.centralExtra ?? new Uint8Array());
    const isDirectoryName = name.at(-1) === 0x2f;
    const external = entry.externalAttributes ?? ((isDirectoryName ? 0o040755 : 0o100644) << 16) >>> 0;
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(entry.versionMadeBy ?? (3 << 8) | 20),
        u16(versionNeeded),
        u16(flags),
        u16(method),
        u16(time),
        u16(date),
        u32(crc),
        u32(compressedSize),
        u32(size),
        u16(name.length),
        u16(extra.length),
        u16(0), // comment length
        u16(entry.diskStart ?? 0),
        u16(0), // internal attributes
        u32(external),
        u32(entry.offset ?? headerOffset),
        name,
        extra,
      ]),
    );
  }

  const centralOffset = offset;
  for (const header of central) push(header);
  const centralSize = offset - centralOffset;
  if (!options.omitEnd) {
    const end = options.end ?? {};
    const comment = Buffer.from(options.comment ?? new Uint8Array());
    push(
      Buffer.concat([
        u32(0x06054b50),
        u16(end.diskNumber ?? 0),
        u16(end.centralDisk ?? 0),
        u16(end.entriesOnDisk ?? end.entries ?? entries.length),
        u16(end.entries ?? entries.length),
        u32(end.centralSize ?? centralSize),
        u32(end.centralOffset ?? centralOffset),
        u16(comment.length),
        comment,
      ]),
    );
  }
  return Buffer.concat(parts);
}

/** A STORED entry of the given text or bytes. */
export function stored(
  name: string | Uint8Array,
  content: string | Uint8Array = '',
  more: Partial<RawEntry> = {},
): RawEntry {
  return { name, data: typeof content === 'string' ? Buffer.from(content) : content, ...more };
}

/** A DEFLATED entry with honest sizes and CRC (override any of them with `more`). */
export function deflated(
  name: string | Uint8Array,
  content: Uint8Array,
  more: Partial<RawEntry> = {},
): RawEntry {
  return { name, method: 8, data: deflateRawSync(content), uncompressed: content, ...more };
}

/** An extra field: id, length, data. */
export function extraField(id: number, data: Uint8Array): Buffer {
  return Buffer.concat([u16(id), u16(data.length), Buffer.from(data)]);
}
