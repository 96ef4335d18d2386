import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  openZip,
  ZipRefusedError,
  type ZipArchive,
  type ZipLimits,
  type ZipRefusalRule,
} from '../../main/formats/zip/zip-reader';
import { ZipWriter } from '../../main/formats/zip/zip-writer';
import {
  buildRawZip,
  deflated,
  extraField,
  stored,
  type RawEntry,
  type RawZipOptions,
} from '../helpers/raw-zip';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

function zipFile(entries: readonly RawEntry[], options?: RawZipOptions): string {
  return bytesFile(buildRawZip(entries, options));
}

function bytesFile(bytes: Uint8Array): string {
  const path = join(tempDir(), 'hostile.zip');
  writeFileSync(path, bytes);
  return path;
}

async function refusal(work: Promise<unknown>): Promise<ZipRefusedError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ZipRefusedError) return error;
    throw error;
  }
  throw new Error('expected the zip to be refused');
}

/** Opens the archive expecting a refusal by `rule` that names `entry` (in its message too). */
async function expectRefused(
  path: string,
  rule: ZipRefusalRule,
  entry: string | null,
  limits?: Partial<ZipLimits>,
): Promise<ZipRefusedError> {
  const error = await refusal(openZip(path, limits));
  expect(error.rule).toBe(rule);
  expect(error.entry).toBe(entry);
  expect(error.code).toBe('INVALID_INPUT');
  expect(error.message).toMatch(/^The bundle is refused: .*\.$/u);
  if (entry !== null) expect(error.message).toContain(`entry "${entry}"`);
  return error;
}

/** Reads an entry to the end, returning what was yielded before the refusal. */
async function readRefusal(
  zip: ZipArchive,
  name: string,
): Promise<{ error: ZipRefusedError; yielded: number }> {
  const entry = zip.entries.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no entry ${name}`);
  let yielded = 0;
  const error = await refusal(
    (async () => {
      for await (const chunk of zip.readEntry(entry)) yielded += chunk.length;
    })(),
  );
  expect(error.entry).toBe(name);
  expect(error.message).toContain(`entry "${name}"`);
  return { error, yielded };
}

const unixMode = (mode: number): number => (mode << 16) >>> 0;

describe('openZip refuses names that could land outside the bag', () => {
  it('refuses an absolute path', async () => {
    const error = await expectRefused(zipFile([stored('/etc/passwd', 'x')]), 'absolute-path', '/etc/passwd');
    expect(error.message).toBe(
      'The bundle is refused: entry "/etc/passwd" points outside the bag (an absolute path).',
    );
  });

  it('refuses a ".." segment', async () => {
    const error = await expectRefused(zipFile([stored('../evil.txt', 'x')]), 'parent-path', '../evil.txt');
    expect(error.message).toBe(
      'The bundle is refused: entry "../evil.txt" points outside the bag (a ".." path).',
    );
    await expectRefused(
      zipFile([stored('bag/data/../../../evil', 'x')]),
      'parent-path',
      'bag/data/../../../evil',
    );
  });

  it('refuses a backslash', async () => {
    await expectRefused(zipFile([stored('bag\\..\\evil.txt', 'x')]), 'backslash', 'bag\\..\\evil.txt');
  });

  it('refuses a Windows drive letter', async () => {
    await expectRefused(
      zipFile([stored('C:/Windows/evil.dll', 'x')]),
      'absolute-path',
      'C:/Windows/evil.dll',
    );
    await expectRefused(zipFile([stored('c:evil.dll', 'x')]), 'absolute-path', 'c:evil.dll');
  });

  it('refuses NUL and other control characters, showing them escaped', async () => {
    const error = await refusal(openZip(zipFile([stored('bag/a\0.txt', 'x')])));
    expect(error.rule).toBe('bad-name');
    expect(error.entry).toBe('bag/a\0.txt');
    expect(error.message).toContain('entry "bag/a\\u0000.txt"');
    expect((await refusal(openZip(zipFile([stored('bag/a\nb', 'x')])))).rule).toBe('bad-name');
  });

  it('refuses empty names and "." or empty segments', async () => {
    await expectRefused(zipFile([stored('', 'x')]), 'bad-name', '');
    await expectRefused(zipFile([stored('bag/./x', 'x')]), 'bad-name', 'bag/./x');
    await expectRefused(zipFile([stored('bag//x', 'x')]), 'bad-name', 'bag//x');
  });

  it('refuses names that are not valid UTF-8, or not ASCII without the UTF-8 flag, or too long', async () => {
    const invalid = Buffer.from([0x62, 0x61, 0x67, 0x2f, 0xff, 0xfe]);
    await expectRefused(zipFile([stored(invalid, 'x')]), 'bad-name', 'bag/\ufffd\ufffd');
    const cp437 = Buffer.from([0x63, 0x61, 0x66, 0x82]); // "café" in code page 437
    await expectRefused(zipFile([stored(cp437, 'x', { flags: 0 })]), 'bad-name', 'caf\ufffd');
    const long = `bag/${'n'.repeat(200)}`;
    await expectRefused(zipFile([stored(long, 'x')]), 'bad-name', long, { maxNameBytes: 100 });
  });

  it('refuses an Info-ZIP Unicode Path field naming a different file', async () => {
    const other = Buffer.concat([Buffer.from([1, 0, 0, 0, 0]), Buffer.from('../../evil.txt')]);
    await expectRefused(
      zipFile([stored('bag/ok.txt', 'x', { centralExtra: extraField(0x7075, other) })]),
      'bad-name',
      'bag/ok.txt',
    );
  });
});

describe('openZip refuses links and special files', () => {
  it('refuses a Unix symbolic link', async () => {
    const link = stored('bag/data/link', '/etc/passwd', { externalAttributes: unixMode(0o120777) });
    await expectRefused(zipFile([link]), 'symlink', 'bag/data/link');
  });

  it('refuses a symbolic link made on macOS (host 19)', async () => {
    const link = stored('bag/link', '..', {
      externalAttributes: unixMode(0o120755),
      versionMadeBy: (19 << 8) | 20,
    });
    await expectRefused(zipFile([link]), 'symlink', 'bag/link');
  });

  it('refuses a FIFO and a device', async () => {
    await expectRefused(
      zipFile([stored('bag/fifo', '', { externalAttributes: unixMode(0o010644) })]),
      'special-file',
      'bag/fifo',
    );
    await expectRefused(
      zipFile([stored('bag/dev', '', { externalAttributes: unixMode(0o020644) })]),
      'special-file',
      'bag/dev',
    );
  });

  it('refuses a folder-typed entry without a trailing "/"', async () => {
    await expectRefused(
      zipFile([stored('bag/dir', '', { externalAttributes: unixMode(0o040755) })]),
      'special-file',
      'bag/dir',
    );
  });

  it('ignores Unix type bits from hosts that do not define them (MS-DOS)', async () => {
    const zip = await openZip(
      zipFile([stored('bag/x', 'x', { externalAttributes: unixMode(0o120777), versionMadeBy: 20 })]),
    );
    expect(zip.entries.map((e) => e.name)).toEqual(['bag/x']);
    await zip.close();
  });
});

describe('openZip refuses duplicates', () => {
  it('refuses the same name twice', async () => {
    const error = await expectRefused(
      zipFile([stored('bag/a.txt', '1'), stored('bag/a.txt', '2')]),
      'duplicate',
      'bag/a.txt',
    );
    expect(error.message).toContain('appears twice');
  });

  it('refuses names equal after Unicode normalisation (é composed and decomposed)', async () => {
    const composed = 'bag/caf\u00e9.txt';
    const decomposed = 'bag/cafe\u0301.txt';
    const error = await expectRefused(
      zipFile([stored(composed, '1'), stored(decomposed, '2')]),
      'duplicate',
      decomposed,
    );
    expect(error.message).toContain(JSON.stringify(composed));
  });

  it('refuses names equal after case folding', async () => {
    await expectRefused(
      zipFile([stored('bag/Data/x', '1'), stored('bag/data/x', '2')]),
      'duplicate',
      'bag/data/x',
    );
  });

  it('refuses a file whose name another entry uses as a folder', async () => {
    await expectRefused(zipFile([stored('bag/a', '1'), stored('bag/a/b', '2')]), 'duplicate', 'bag/a/b');
    await expectRefused(zipFile([stored('bag/A/b', '2'), stored('bag/a', '1')]), 'duplicate', 'bag/A/b');
    await expectRefused(zipFile([stored('bag/a/', ''), stored('bag/a', '1')]), 'duplicate', 'bag/a');
  });

  it('accepts a folder entry alongside the files inside it', async () => {
    const zip = await openZip(zipFile([stored('bag/', ''), stored('bag/a/', ''), stored('bag/a/b', '1')]));
    expect(zip.entries.map((e) => [e.name, e.isDirectory])).toEqual([
      ['bag/', true],
      ['bag/a/', true],
      ['bag/a/b', false],
    ]);
    await zip.close();
  });
});

describe('openZip refuses encryption and unknown methods', () => {
  it('refuses the traditional encryption bit (0)', async () => {
    await expectRefused(zipFile([stored('bag/secret', 'x', { flags: 0x0801 })]), 'encrypted', 'bag/secret');
  });

  it('refuses strong encryption (bit 6) and AES (method 99)', async () => {
    await expectRefused(zipFile([stored('bag/secret', 'x', { flags: 0x0841 })]), 'encrypted', 'bag/secret');
    await expectRefused(zipFile([stored('bag/aes', 'xx', { method: 99 })]), 'encrypted', 'bag/aes');
  });

  it('refuses bzip2 (method 12)', async () => {
    const error = await expectRefused(
      zipFile([stored('bag/b.bz2', 'BZh9', { method: 12 })]),
      'unsupported-method',
      'bag/b.bz2',
    );
    expect(error.message).toContain('method 12');
  });
});

describe('openZip enforces the size limits', () => {
  it('refuses more entries than allowed, before reading them', async () => {
    const path = zipFile([stored('bag/1', 'a'), stored('bag/2', 'b'), stored('bag/3', 'c')]);
    const error = await expectRefused(path, 'entry-count', null, { maxEntries: 2 });
    expect(error.message).toContain('3 entries');
    // The declared count is judged on its own, even when the directory behind it is damaged.
    const lying = zipFile([stored('bag/1', 'a')], { end: { entries: 60_000 } });
    await expectRefused(lying, 'entry-count', null, { maxEntries: 50_000 });
  });

  it('refuses an entry larger than allowed', async () => {
    await expectRefused(zipFile([stored('bag/big', Buffer.alloc(200))]), 'entry-size', 'bag/big', {
      maxEntryBytes: 100,
    });
  });

  it('refuses entries larger than allowed together, naming the one that crosses the line', async () => {
    const path = zipFile([stored('bag/1', Buffer.alloc(100)), stored('bag/2', Buffer.alloc(100))]);
    await expectRefused(path, 'total-size', 'bag/2', { maxTotalBytes: 150 });
  });

  it('refuses a deflated entry that expands too much (10 MB of zeros)', async () => {
    const bomb = deflated('bag/bomb.bin', Buffer.alloc(10_000_000));
    const error = await expectRefused(zipFile([bomb]), 'ratio', 'bag/bomb.bin', { maxRatio: 100 });
    expect(error.message).toContain('zip bomb');
  });

  it('refuses a stored entry with two sizes, and a folder entry holding data', async () => {
    await expectRefused(zipFile([stored('bag/x', 'abc', { size: 5 })]), 'size-mismatch', 'bag/x');
    await expectRefused(
      zipFile([stored('bag/d/', 'abc', { externalAttributes: 0 })]),
      'size-mismatch',
      'bag/d/',
    );
  });
});

describe('openZip refuses overlapping and inconsistent entries', () => {
  it('refuses an entry whose bytes lie inside another entry ("overlapping files" bomb)', async () => {
    // The inner entry's complete local header and data sit inside the outer entry's data, so the
    // inner header checks out on its own: only the byte ranges give it away.
    const inner = stored('bag/inner', 'payload');
    const innerLocal = buildRawZip([inner]).subarray(0, 30 + 'bag/inner'.length + 'payload'.length);
    const outerName = 'bag/outer';
    const path = zipFile([
      stored(outerName, innerLocal),
      { ...inner, omitLocal: true, offset: 30 + outerName.length },
    ]);
    const error = await expectRefused(path, 'overlap', 'bag/inner');
    expect(error.message).toContain('"bag/outer"');
  });

  it('refuses entries that share one local header (the "full overlap" bomb)', async () => {
    const shared = deflated('bag/a', randomBytes(100_000));
    const path = zipFile([shared, { ...shared, name: 'bag/b', omitLocal: true, offset: 0 }]);
    const error = await expectRefused(path, 'overlap', 'bag/b');
    expect(error.message).toBe('The bundle is refused: entry "bag/b" shares its bytes with entry "bag/a".');
  });

  it('refuses an entry whose data runs into the central directory', async () => {
    const path = zipFile([stored('bag/x', 'abc', { size: 500, compressedSize: 500 })]);
    await expectRefused(path, 'overlap', 'bag/x');
  });

  it('refuses a local header with another name', async () => {
    const path = zipFile([stored('bag/ok.txt', 'x', { local: { name: '../../evil.txt' } })]);
    const error = await expectRefused(path, 'header-mismatch', 'bag/ok.txt');
    expect(error.message).toContain('different name');
  });

  it('refuses a local header with another method, encryption, size or CRC', async () => {
    await expectRefused(
      zipFile([stored('bag/m', 'x', { local: { method: 8 } })]),
      'header-mismatch',
      'bag/m',
    );
    await expectRefused(
      zipFile([stored('bag/e', 'x', { local: { flags: 0x0801 } })]),
      'header-mismatch',
      'bag/e',
    );
    await expectRefused(zipFile([stored('bag/s', 'x', { local: { size: 9 } })]), 'header-mismatch', 'bag/s');
    await expectRefused(zipFile([stored('bag/c', 'x', { local: { crc32: 7 } })]), 'header-mismatch', 'bag/c');
  });

  it('accepts zero sizes and CRC in a local header followed by a data descriptor (bit 3)', async () => {
    const entry = stored('bag/streamed', 'hello', {
      flags: 0x0808,
      local: { crc32: 0, size: 0, compressedSize: 0 },
    });
    const zip = await openZip(zipFile([entry]));
    const [streamed] = zip.entries;
    if (streamed === undefined) throw new Error('no entry');
    expect((await zip.readEntryBytes(streamed, 100)).toString()).toBe('hello');
    await zip.close();
  });

  it('refuses a missing local header', async () => {
    await expectRefused(
      zipFile([stored('bag/x', 'x', { local: { signature: 0x12345678 } })]),
      'header-mismatch',
      'bag/x',
    );
  });
});

describe('openZip refuses damaged archives', () => {
  function goodArchive(): Buffer {
    return buildRawZip([stored('bag/a.txt', 'a'.repeat(300)), stored('bag/b.txt', 'b'.repeat(300))]);
  }

  it('refuses an archive cut short at the end (the last 100 bytes)', async () => {
    const bytes = goodArchive();
    const error = await expectRefused(bytesFile(bytes.subarray(0, bytes.length - 100)), 'truncated', null);
    expect(error.message).toContain('truncated');
  });

  it('refuses an archive cut in the middle', async () => {
    const bytes = goodArchive();
    await expectRefused(bytesFile(bytes.subarray(0, Math.floor(bytes.length / 2))), 'truncated', null);
  });

  it('refuses a central directory that is not where the end record says', async () => {
    const bytes = goodArchive();
    const shifted = buildRawZip([stored('bag/a.txt', 'a')], { end: { centralOffset: 3 } });
    await expectRefused(bytesFile(shifted), 'truncated', null);
    const tooBig = buildRawZip([stored('bag/a.txt', 'a')], { end: { centralSize: bytes.length * 2 } });
    await expectRefused(bytesFile(tooBig), 'truncated', null);
    const fewer = buildRawZip([stored('bag/a', 'a'), stored('bag/b', 'b')], { end: { entries: 1 } });
    await expectRefused(bytesFile(fewer), 'truncated', null);
  });

  it('refuses bytes put in front of an archive (its offsets no longer match)', async () => {
    const zip = buildRawZip([stored('bag/a', 'a')]);
    await expectRefused(
      bytesFile(Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), zip])),
      'truncated',
      null,
    );
  });

  it('accepts bytes in front when the offsets account for them (a self-extracting archive)', async () => {
    const zip = await openZip(
      zipFile([stored('bag/a', 'a')], { prefix: Buffer.from('#!/bin/sh\nexit 0\n') }),
    );
    expect(zip.entries.map((e) => e.name)).toEqual(['bag/a']);
    await zip.close();
  });

  it('refuses something that is not a zip at all', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.zip');
    await writeFile(text, 'These are notes, not a zip file.\n'.repeat(100));
    const error = await expectRefused(text, 'not-a-zip', null);
    expect(error.message).toBe('The bundle is refused: it is not a zip file.');
    const empty = join(dir, 'empty.zip');
    await writeFile(empty, '');
    await expectRefused(empty, 'not-a-zip', null);
    await expectRefused(dir, 'not-a-zip', null);
  });

  it('refuses a multi-disk archive', async () => {
    await expectRefused(
      zipFile([stored('bag/a', 'a')], { end: { diskNumber: 1, centralDisk: 1 } }),
      'multi-disk',
      null,
    );
    await expectRefused(zipFile([stored('bag/a', 'a')], { end: { entriesOnDisk: 0 } }), 'multi-disk', null);
    await expectRefused(zipFile([stored('bag/a', 'a', { diskStart: 2 })]), 'multi-disk', null);
  });

  it('refuses ZIP64 end records that disagree with the classic one', async () => {
    const path = join(tempDir(), 'zip64.zip');
    const writer = await ZipWriter.create(path, { zip64Threshold: 100 });
    await writer.addFile('bag/a', 200, Buffer.alloc(200, 1));
    await writer.finish();
    const bytes = await readFile(path);
    // The classic end record's central directory offset is a sentinel here; make it a plausible lie.
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    expect(bytes.readUInt32LE(eocd + 16)).toBe(0xffffffff);
    bytes.writeUInt32LE(0, eocd + 16);
    await expectRefused(bytesFile(bytes), 'truncated', null);
  });

  it('accepts an archive comment, even one holding an end record signature', async () => {
    const fake = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...Buffer.alloc(18)]);
    const comment = Buffer.concat([Buffer.from('note '), fake, Buffer.from(' more')]);
    const zip = await openZip(zipFile([stored('bag/a', 'a')], { comment }));
    expect(zip.entries.map((e) => e.name)).toEqual(['bag/a']);
    await zip.close();
  });

  it('refuses an ambiguous archive whose comment ends with a complete second end record', async () => {
    const fake = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...Buffer.alloc(18)]);
    await expectRefused(zipFile([stored('bag/a', 'a')], { comment: fake }), 'truncated', null);
  });
});

describe('readEntry checks the data as it streams', () => {
  it('refuses a stored entry whose CRC is wrong, after its last byte', async () => {
    const zip = await openZip(zipFile([stored('bag/x.txt', 'hello world', { crc32: 0xdeadbeef })]));
    const { error, yielded } = await readRefusal(zip, 'bag/x.txt');
    expect(error.rule).toBe('crc');
    expect(yielded).toBe(11);
    await zip.close();
  });

  it('refuses a deflated entry whose CRC is wrong', async () => {
    const zip = await openZip(
      zipFile([deflated('bag/x.txt', Buffer.from('hello '.repeat(100)), { crc32: 1 })]),
    );
    expect((await readRefusal(zip, 'bag/x.txt')).error.rule).toBe('crc');
    await zip.close();
  });

  it('stops a deflated entry as soon as it outgrows its declared size', async () => {
    // 64 MiB of zeros declared as 1 MiB: ratio 16, so it passes openZip; the lie shows while inflating.
    const declared = 1024 * 1024;
    const entry = deflated('bag/liar.bin', Buffer.alloc(64 * 1024 * 1024), { size: declared });
    const zip = await openZip(zipFile([entry]));
    const before = process.memoryUsage().arrayBuffers;
    const { error, yielded } = await readRefusal(zip, 'bag/liar.bin');
    expect(error.rule).toBe('size-mismatch');
    expect(error.message).toContain('more bytes than it declares');
    expect(yielded).toBeLessThanOrEqual(declared);
    // Nowhere near the 64 MiB it would take to inflate it all first.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    await zip.close();
  });

  it('refuses a deflated entry shorter than declared, and compressed data that is damaged', async () => {
    const content = randomBytes(3000); // incompressible, so the ratio check lets it through
    const short = deflated('bag/short', content, { size: content.length + 10 });
    const broken = deflated('bag/broken', content);
    broken.data = Buffer.from(broken.data ?? []).subarray(0, 5);
    broken.compressedSize = 5;
    const zip = await openZip(zipFile([short, broken]), { maxRatio: 1000 });
    expect((await readRefusal(zip, 'bag/short')).error.rule).toBe('size-mismatch');
    expect((await readRefusal(zip, 'bag/broken')).error.rule).toBe('crc');
    await zip.close();
  });

  it("refuses an entry over the caller's limit in readEntryBytes", async () => {
    const zip = await openZip(zipFile([stored('bag/x', Buffer.alloc(1000))]));
    const [entry] = zip.entries;
    if (entry === undefined) throw new Error('no entry');
    const error = await refusal(zip.readEntryBytes(entry, 999));
    expect(error.rule).toBe('entry-size');
    expect(error.entry).toBe('bag/x');
    expect((await zip.readEntryBytes(entry, 1000)).length).toBe(1000);
    await zip.close();
  });
});
