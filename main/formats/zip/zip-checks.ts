import { formatBytes } from '../../../shared/text/bytes';
import type { CentralRecord } from './zip-central';
import { FLAG, HOST_OSX, HOST_UNIX, METHOD, UNIX } from './zip-format';
import { describeNameProblem, nameProblem, quoteName, type NameProblem } from './zip-names';
import { ZipRefusedError, type ZipRefusalRule } from './zip-refused';

/** Caps on what an archive may ask of us; every one is checked before any entry data is read. */
export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed over compressed size, for deflated entries. */
  maxRatio: number;
  /** UTF-8 bytes of one entry name. */
  maxNameBytes: number;
}

const GiB = 1024 ** 3;

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 200_000,
  maxEntryBytes: 64 * GiB,
  maxTotalBytes: 256 * GiB,
  maxRatio: 100,
  maxNameBytes: 1024,
});

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const NAME_RULES: Record<NameProblem, ZipRefusalRule> = {
  empty: 'bad-name',
  'control-character': 'bad-name',
  backslash: 'backslash',
  absolute: 'absolute-path',
  drive: 'absolute-path',
  'parent-segment': 'parent-path',
  'dot-segment': 'bad-name',
  'empty-segment': 'bad-name',
};

/** An entry whose central directory header passed every check that needs no other entry. */
export interface CheckedRecord {
  record: CentralRecord;
  name: string;
  isDirectory: boolean;
  method: 0 | 8;
}

/** Checks one entry's name, file type, encryption, method and sizes; refuses at the first problem. */
export function checkRecord(record: CentralRecord, limits: ZipLimits): CheckedRecord {
  const name = decodeName(record, limits);
  const isDirectory = name.endsWith('/');
  const refuse = (rule: ZipRefusalRule, detail: string): ZipRefusedError =>
    new ZipRefusedError(rule, name, detail);

  const host = record.versionMadeBy >> 8;
  if (host === HOST_UNIX || host === HOST_OSX) {
    const type = (record.externalAttributes >>> 16) & UNIX.typeMask;
    if (type === UNIX.symlink) throw refuse('symlink', 'is a symbolic link');
    if (type !== 0 && type !== UNIX.regular && type !== UNIX.directory) {
      throw refuse('special-file', 'is a special file (not a regular file or folder)');
    }
    if ((type === UNIX.directory) !== isDirectory && type !== 0) {
      throw refuse(
        'special-file',
        isDirectory
          ? 'is named as a folder but is not one'
          : 'is a folder without a "/" at the end of its name',
      );
    }
  }

  const encryptedFlags = FLAG.encrypted | FLAG.strongEncryption | FLAG.centralDirectoryEncrypted;
  if ((record.flags & encryptedFlags) !== 0 || record.method === METHOD.aes) {
    throw refuse('encrypted', 'is encrypted');
  }
  if (record.method !== METHOD.stored && record.method !== METHOD.deflate) {
    throw refuse('unsupported-method', `uses compression method ${record.method}, which is not supported`);
  }
  if (record.method === METHOD.stored && record.compressedSize !== record.size) {
    throw refuse('size-mismatch', 'is stored uncompressed but declares two different sizes');
  }
  if (isDirectory && record.size !== 0) throw refuse('size-mismatch', 'is a folder but holds data');
  if (record.size > limits.maxEntryBytes) {
    throw refuse(
      'entry-size',
      `is larger than the ${formatBytes(limits.maxEntryBytes)} allowed for one file`,
    );
  }
  if (
    record.method === METHOD.deflate &&
    record.size / Math.max(record.compressedSize, 1) > limits.maxRatio
  ) {
    throw refuse('ratio', `expands more than ${limits.maxRatio} times when decompressed (a "zip bomb")`);
  }
  return { record, name, isDirectory, method: record.method };
}

/** The entry's name, refused unless it decodes exactly and is a safe relative path. */
function decodeName(record: CentralRecord, limits: ZipLimits): string {
  const { nameBytes, label } = record;
  const badName = (detail: string): ZipRefusedError => new ZipRefusedError('bad-name', label, detail);
  if (nameBytes.length > limits.maxNameBytes) {
    throw badName(`has a name longer than ${limits.maxNameBytes} bytes`);
  }
  let name: string;
  if ((record.flags & FLAG.utf8) !== 0) {
    try {
      name = strictUtf8.decode(nameBytes);
    } catch {
      throw badName('has a name that is not valid UTF-8');
    }
  } else {
    // Without the UTF-8 flag the bytes are in some DOS code page we cannot know: ASCII only.
    if (nameBytes.some((byte) => byte >= 0x80)) throw badName('has a name in an unknown character set');
    name = nameBytes.toString('latin1');
  }
  const problem = nameProblem(name);
  if (problem !== null) throw new ZipRefusedError(NAME_RULES[problem], name, describeNameProblem(problem));

  // Info-ZIP's Unicode Path field names the entry for tools that honour it; it must not name
  // a different file from the one we check and extract.
  const unicodePath = record.unicodePath;
  if (unicodePath !== null) {
    let alternative: string | null;
    try {
      // Version (1 byte) and the CRC-32 of the header's name (4 bytes), then the UTF-8 name.
      alternative = unicodePath.length > 5 ? strictUtf8.decode(unicodePath.subarray(5)) : null;
    } catch {
      alternative = null;
    }
    if (alternative !== name) throw new ZipRefusedError('bad-name', name, 'carries a second, different name');
  }
  return name;
}

/**
 * Refuses two entries that would land on the same path on a case-insensitive or normalising file
 * system (macOS, Windows), and a file whose name another entry uses as a folder.
 */
export function checkDuplicates(entries: readonly CheckedRecord[]): void {
  const byKey = new Map<string, CheckedRecord>();
  for (const entry of entries) {
    const key = pathKey(entry.name);
    const earlier = byKey.get(key);
    if (earlier !== undefined) {
      const detail =
        earlier.name === entry.name
          ? 'appears twice'
          : earlier.name.normalize('NFC') === entry.name.normalize('NFC')
            ? `clashes with entry ${quoteName(earlier.name)}: the same name with its accented letters encoded another way (Unicode normalisation), one file on macOS and Windows`
            : `clashes with entry ${quoteName(earlier.name)}: the same name in other letter case, one file on macOS and Windows`;
      throw new ZipRefusedError('duplicate', entry.name, detail);
    }
    byKey.set(key, entry);
  }
  for (const entry of entries) {
    const key = pathKey(entry.name);
    for (let slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
      const parent = byKey.get(key.slice(0, slash));
      if (parent !== undefined && !parent.isDirectory) {
        throw new ZipRefusedError(
          'duplicate',
          entry.name,
          `is inside ${quoteName(parent.name)}, which is a file, not a folder`,
        );
      }
    }
  }
}

function pathKey(name: string): string {
  const key = name.normalize('NFC').toLowerCase();
  return key.endsWith('/') ? key.slice(0, -1) : key;
}
