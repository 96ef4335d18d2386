import { crc32 } from 'node:zlib';

/**
 * Just enough of the zip format to damage a bundle on purpose: the entries of the central
 * directory and where each entry's bytes start (bundles store their files uncompressed).
 */
export interface ZipEntry {
  name: string;
  method: number;
  size: number;
  /** Offset of the entry's first data byte in the zip. */
  dataStart: number;
  /** Offsets of the entry's central and local headers. */
  central: number;
  local: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function zipEntries(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at -= 1) {
    if (zip.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`no central header at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`no local header for ${name}`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({ name, method, size, dataStart, central: at, local });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Changes one byte of a stored entry and writes the matching CRC-32 into both of its headers, as
 * someone editing the file inside the zip would: only the bag's own checksums can notice.
 */
export function tamperStoredEntry(zip: Buffer, entry: ZipEntry): void {
  if (entry.method !== 0 || entry.size === 0)
    throw new Error(`${entry.name} is not a stored, non-empty entry`);
  if ((zip.readUInt16LE(entry.local + 6) & 0x08) !== 0)
    throw new Error(`${entry.name} has a data descriptor`);
  zip[entry.dataStart] = (zip[entry.dataStart] ?? 0) ^ 0xff;
  const crc = crc32(zip.subarray(entry.dataStart, entry.dataStart + entry.size));
  zip.writeUInt32LE(crc, entry.local + 14);
  zip.writeUInt32LE(crc, entry.central + 16);
}
