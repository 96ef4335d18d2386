import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BreachdeskError } from '../../shared/ipc/errors';
import { openZip, type ZipArchive } from '../../main/formats/zip/zip-reader';
import { ZipWriter } from '../../main/formats/zip/zip-writer';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

/** `unzip -t -q`: Info-ZIP tests every entry's CRC and says only "No errors detected…" when all is well. */
function unzipTest(path: string): { ok: boolean; output: string } {
  const result = spawnSync('unzip', ['-t', '-q', path], { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  return {
    ok: result.status === 0 && /^No errors detected in compressed data of .*\.\n$/u.test(output),
    output,
  };
}

/** Python's zipfile: testzip() (CRC of every entry), then each entry's name, flag bits and SHA-256. */
function pythonRead(path: string): {
  bad: string | null;
  entries: { name: string; flags: number; sha256: string }[];
} {
  const script = [
    'import hashlib, json, sys, zipfile',
    'with zipfile.ZipFile(sys.argv[1]) as z:',
    '    bad = z.testzip()',
    '    entries = [{"name": i.filename, "flags": i.flag_bits, "sha256": hashlib.sha256(z.read(i)).hexdigest()} for i in z.infolist()]',
    'print(json.dumps({"bad": bad, "entries": entries}))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, path], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`python zipfile failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as {
    bad: string | null;
    entries: { name: string; flags: number; sha256: string }[];
  };
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function readAll(zip: ZipArchive, name: string, chunkBytes?: number): Promise<Buffer> {
  const entry = zip.entries.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no entry ${name}`);
  const chunks: Buffer[] = [];
  for await (const chunk of zip.readEntry(entry, chunkBytes === undefined ? {} : { chunkBytes }))
    chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function* slowly(bytes: Buffer, pieces: number): AsyncGenerator<Uint8Array> {
  const step = Math.ceil(bytes.length / pieces);
  for (let at = 0; at < bytes.length; at += step) {
    await new Promise((resolve) => setImmediate(resolve));
    // Fresh copies, as SQLite hands them out: a view would share memory with `bytes`.
    yield Uint8Array.from(bytes.subarray(at, at + step));
  }
}

/** Writes the files and returns the archive's path. */
async function writeZip(
  files: { name: string; content: Buffer }[],
  options: { zip64Threshold?: number } = {},
): Promise<string> {
  const path = join(tempDir(), 'bundle.zip.writing');
  const writer = await ZipWriter.create(path, options);
  for (const file of files) {
    const { crc32: crc } = await writer.addFile(file.name, file.content.length, file.content);
    expect(crc).toBe(crc32(file.content));
  }
  const result = await writer.finish();
  expect(result.entries).toBe(files.length);
  expect(result.bytes).toBe(statSync(path).size);
  expect(writer.bytesWritten).toBe(result.bytes);
  return path;
}

async function expectRoundTrip(path: string, files: { name: string; content: Buffer }[]): Promise<void> {
  const unzip = unzipTest(path);
  expect(unzip.ok, unzip.output).toBe(true);

  const python = pythonRead(path);
  expect(python.bad).toBeNull();
  expect(python.entries).toEqual(
    files.map((f) => ({ name: f.name, flags: 0x800, sha256: sha256(f.content) })),
  );

  const zip = await openZip(path);
  try {
    expect(zip.entries.map((e) => [e.name, e.size, e.method, e.crc32])).toEqual(
      files.map((f) => [f.name, f.content.length, 0, crc32(f.content)]),
    );
    for (const file of files) expect((await readAll(zip, file.name)).equals(file.content)).toBe(true);
  } finally {
    await zip.close();
  }
}

describe('ZipWriter', () => {
  it('writes an archive that unzip, Python and our reader all accept, from every kind of source', async () => {
    const dir = tempDir();
    const path = join(dir, 'bundle.zip.writing');
    const writer = await ZipWriter.create(path);
    const tagFile = Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const streamed = randomBytes(3 * 1024 * 1024 + 17);
    const big = randomBytes(9 * 1024 * 1024 + 5); // more than two 4 MiB slices
    const parts = [randomBytes(100), randomBytes(70_000), randomBytes(1)];
    const files = [
      { name: 'bag/bagit.txt', content: tagFile },
      { name: 'bag/data/empty.txt', content: Buffer.alloc(0) },
      { name: 'bag/data/streamed.bin', content: streamed },
      { name: 'bag/data/big.bin', content: big },
      { name: 'bag/data/parts.bin', content: Buffer.concat(parts) },
    ];
    await writer.addFile('bag/bagit.txt', tagFile.length, tagFile);
    await writer.addFile('bag/data/empty.txt', 0, []);
    await writer.addFile('bag/data/streamed.bin', streamed.length, slowly(streamed, 7));
    await writer.addFile(
      'bag/data/big.bin',
      big.length,
      new Uint8Array(big.buffer, big.byteOffset, big.length),
    );
    await writer.addFile('bag/data/parts.bin', 70_101, parts);
    await writer.finish();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await expectRoundTrip(path, files);

    // Our reader also hands the data back in small blocks when asked.
    const zip = await openZip(path);
    expect((await readAll(zip, 'bag/data/streamed.bin', 4096)).equals(streamed)).toBe(true);
    await zip.close();
  });

  it('patches every CRC, whether its header is still gathered in memory or already on disk', async () => {
    // A mix of tiny and medium files: some headers are patched in the gathering buffer, others by a
    // positional write racing the writes in flight.
    const files = Array.from({ length: 60 }, (_, i) => ({
      name: `bag/data/f${i}.bin`,
      content: randomBytes(i % 3 === 0 ? 200_000 + i : i * 37),
    }));
    await expectRoundTrip(await writeZip(files), files);
  });

  it('writes ZIP64 fields for sizes and offsets past the threshold, accepted by unzip and Python', async () => {
    const files = [
      { name: 'bag/small.txt', content: randomBytes(10) },
      { name: 'bag/large.bin', content: randomBytes(5000) }, // size ≥ threshold
      { name: 'bag/late.txt', content: randomBytes(20) }, // offset ≥ threshold
      { name: 'bag/later.bin', content: randomBytes(4000) }, // both
    ];
    const path = await writeZip(files, { zip64Threshold: 1000 });
    const bytes = await readFile(path);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true); // ZIP64 end record
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true); // …and its locator
    // The large entry's local header holds 0xFFFFFFFF sizes and both real sizes in its extra field.
    const local = bytes.indexOf(Buffer.from('bag/large.bin')) - 30;
    expect(bytes.readUInt16LE(local + 4)).toBe(45);
    expect(bytes.readUInt32LE(local + 18)).toBe(0xffffffff);
    expect(bytes.readUInt32LE(local + 22)).toBe(0xffffffff);
    expect(bytes.readUInt16LE(local + 28)).toBe(20);
    expect(bytes.readBigUInt64LE(local + 30 + 13 + 4)).toBe(5000n);
    expect(bytes.readBigUInt64LE(local + 30 + 13 + 12)).toBe(5000n);
    await expectRoundTrip(path, files);
  });

  it('writes a ZIP64 end record for more than 65,535 entries', { timeout: 60_000 }, async () => {
    const path = join(tempDir(), 'many.zip');
    const writer = await ZipWriter.create(path);
    for (let i = 0; i < 65_600; i++)
      await writer.addFile(`bag/e/${i}`, String(i).length, Buffer.from(String(i)));
    await writer.finish();
    const bytes = await readFile(path);
    const eocd = bytes.subarray(bytes.length - 22);
    expect(eocd.readUInt16LE(10)).toBe(0xffff); // the classic count is the sentinel…
    expect(bytes.readBigUInt64LE(bytes.length - 22 - 20 - 56 + 32)).toBe(65_600n); // …the ZIP64 record counts
    expect(unzipTest(path).ok).toBe(true);
    // Python lists it; its testzip() would take several seconds here, and unzip -t checked the CRCs.
    const listing = 'import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).infolist()))';
    const python = spawnSync('python3', ['-c', listing, path], { encoding: 'utf8' });
    expect(python.stdout).toBe('65600\n');
    const zip = await openZip(path);
    expect(zip.entries.length).toBe(65_600);
    expect((await readAll(zip, 'bag/e/65599')).toString()).toBe('65599');
    await zip.close();
  });

  it('round-trips UTF-8 names with the language encoding flag (bit 11)', async () => {
    const files = [
      { name: 'bag/data/café é.txt', content: Buffer.from('accent') },
      { name: 'bag/data/日本/報告.txt', content: Buffer.from('kanji') },
    ];
    const path = await writeZip(files);
    await expectRoundTrip(path, files); // Python reports flag bits 0x800 for each
    const listing = spawnSync('unzip', ['-Z1', path], { encoding: 'utf8' }).stdout;
    expect(listing.split('\n')).toContain('bag/data/日本/報告.txt');
  });

  it('stores the modification time to the nearest two seconds, in local time', async () => {
    const path = join(tempDir(), 'dated.zip');
    const writer = await ZipWriter.create(path);
    const modified = new Date(2024, 2, 9, 14, 30, 17);
    await writer.addFile('bag/x', 1, Buffer.from('x'), { modified });
    await writer.finish();
    const zip = await openZip(path);
    expect(zip.entries[0]?.modified).toEqual(new Date(2024, 2, 9, 14, 30, 16));
    await zip.close();
  });

  it('throws when the source yields more or fewer bytes than announced', async () => {
    for (const [announced, content] of [
      [10, Buffer.alloc(11)],
      [10, Buffer.alloc(9)],
    ] as const) {
      const path = join(tempDir(), 'mismatch.zip');
      const writer = await ZipWriter.create(path);
      await expect(writer.addFile('bag/x', announced, content)).rejects.toThrow(
        /bundle entry "bag\/x" supplied/u,
      );
      await expect(writer.addFile('bag/y', 1, Buffer.alloc(1))).rejects.toThrow(/only abort\(\)/u);
      await expect(writer.finish()).rejects.toThrow(/only abort\(\)/u);
      await writer.abort();
      expect(existsSync(path)).toBe(false);
    }
  });

  it('stops with CANCELLED between chunks when the signal is aborted', async () => {
    const path = join(tempDir(), 'cancelled.zip');
    const writer = await ZipWriter.create(path);
    const controller = new AbortController();
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield await Promise.resolve(randomBytes(100_000));
      controller.abort();
      yield randomBytes(100_000);
    }
    const error: unknown = await writer
      .addFile('bag/x', 200_000, chunks(), { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BreachdeskError);
    expect((error as BreachdeskError).code).toBe('CANCELLED');
    await writer.abort();
    expect(existsSync(path)).toBe(false);
  });

  it('abort removes the file, is idempotent, and cleans up after finish too', async () => {
    const dir = tempDir();
    const path = join(dir, 'aborted.zip');
    const writer = await ZipWriter.create(path);
    await writer.addFile('bag/x', 300_000, randomBytes(300_000));
    await Promise.all([writer.abort(), writer.abort()]);
    await writer.abort();
    expect(existsSync(path)).toBe(false);
    await expect(writer.addFile('bag/y', 0, [])).rejects.toThrow(/aborted/u);

    const finished = await ZipWriter.create(join(dir, 'finished.zip'));
    await finished.finish();
    expect(existsSync(join(dir, 'finished.zip'))).toBe(true);
    await finished.abort();
    expect(existsSync(join(dir, 'finished.zip'))).toBe(false);
  });

  it('never replaces an existing file', async () => {
    const path = join(tempDir(), 'exists.zip');
    writeFileSync(path, 'keep me');
    await expect(ZipWriter.create(path)).rejects.toMatchObject({ code: 'EEXIST' });
    expect((await readFile(path, 'utf8')).toString()).toBe('keep me');
  });

  it('refuses names that are not safe relative paths (a programming error)', async () => {
    const path = join(tempDir(), 'names.zip');
    const writer = await ZipWriter.create(path);
    for (const name of [
      '',
      '/abs',
      'a\\b',
      'a\0b',
      '../x',
      'a/../b',
      './x',
      'a/./b',
      'a//b',
      'dir/',
      'C:/x',
    ]) {
      await expect(writer.addFile(name, 0, [])).rejects.toThrow(TypeError);
    }
    // Refusing a name leaves the writer usable.
    await writer.addFile('bag/ok', 0, []);
    expect((await writer.finish()).entries).toBe(1);
    expect(unzipTest(path).ok).toBe(true);
  });

  it('writes an empty archive that unzip and Python accept', async () => {
    const path = await writeZip([]);
    expect(statSync(path).size).toBe(22);
    expect(pythonRead(path)).toEqual({ bad: null, entries: [] });
    const zip = await openZip(path);
    expect(zip.entries).toEqual([]);
    await zip.close();
  });
});
