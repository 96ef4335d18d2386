import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inspectAgeHeader, isPassphraseEnvelope, MAX_HEADER_BYTES } from '../../main/formats/age/age-header';
import {
  formatIdentityFile,
  generateAgeKeyPair,
  isAgeRecipient,
  parseIdentityFile,
  recipientOf,
  statedRecipient,
} from '../../main/formats/age/age-keys';
import { AgeOpenError, decryptAge, encryptAge } from '../../main/formats/age/age-stream';
import { SealedScratch } from '../../main/formats/scratch/sealed-scratch';
import { openZip } from '../../main/formats/zip/zip-reader';
import { ZipWriter } from '../../main/formats/zip/zip-writer';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

/** The bytes in pieces, as a file stream would give them. */
function chunks(bytes: Buffer, size = 10_000): AsyncIterable<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return Readable.from(pieces);
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

describe('age streams (formats/age)', () => {
  it('round-trips to recipients and to a passphrase, across many 64 KiB chunks', async () => {
    const plain = randomBytes(300_000);
    const one = await generateAgeKeyPair();
    const two = await generateAgeKeyPair();
    const sealed = await collect(
      await encryptAge(chunks(plain), { recipients: [one.recipient, two.recipient] }),
    );
    expect(inspectAgeHeader(sealed)).toMatchObject({ kind: 'age', stanzaTypes: ['X25519', 'X25519'] });
    for (const who of [one, two]) {
      expect(
        (await collect(await decryptAge(chunks(sealed), { identities: [who.identity] }))).equals(plain),
      ).toBe(true);
    }
    const byPassphrase = await collect(await encryptAge(chunks(plain), { passphrase: 'pw' }, 10));
    const header = inspectAgeHeader(byPassphrase);
    expect(header.kind === 'age' && isPassphraseEnvelope(header)).toBe(true);
    const opened = await decryptAge(chunks(byPassphrase), { passphrase: 'pw', identities: [] });
    expect((await collect(opened)).equals(plain)).toBe(true);
  });

  it('says "no-match" for a wrong key and "damaged" for a changed chunk', async () => {
    const plain = randomBytes(200_000);
    const keys = await generateAgeKeyPair();
    const other = await generateAgeKeyPair();
    const sealed = await collect(await encryptAge(chunks(plain), { recipients: [keys.recipient] }));
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => (error instanceof AgeOpenError ? error.failure : error),
      );
    expect(await failure(decryptAge(chunks(sealed), { identities: [other.identity] }))).toBe('no-match');
    const changed = Buffer.from(sealed);
    changed[changed.length - 70_000] = (changed[changed.length - 70_000] ?? 0) ^ 1;
    const opened = await decryptAge(chunks(changed), { identities: [keys.identity] });
    expect(await failure(collect(opened))).toBe('damaged');
  });

  it('reads a header without trusting it: armour, other files, and headers that never end', () => {
    expect(inspectAgeHeader(Buffer.from('-----BEGIN AGE ENCRYPTED FILE-----\n'))).toEqual({
      kind: 'armored',
    });
    expect(inspectAgeHeader(Buffer.from('PK\x03\x04'))).toEqual({ kind: 'not-age' });
    expect(inspectAgeHeader(Buffer.alloc(0))).toEqual({ kind: 'not-age' });
    const endless = Buffer.concat([
      Buffer.from('age-encryption.org/v1\n-> scrypt abc 18\n'),
      Buffer.alloc(MAX_HEADER_BYTES),
    ]);
    expect(inspectAgeHeader(endless)).toMatchObject({ kind: 'damaged', stanzaTypes: ['scrypt'] });
  });

  it('checks recipients and reads identity files as age-keygen writes them', async () => {
    const keys = await generateAgeKeyPair();
    expect(isAgeRecipient(keys.recipient)).toBe(true);
    expect(isAgeRecipient(`${keys.recipient.slice(0, -1)}${keys.recipient.endsWith('q') ? 'p' : 'q'}`)).toBe(
      false,
    );
    expect(isAgeRecipient(keys.recipient.toUpperCase())).toBe(false);
    expect(isAgeRecipient('age1')).toBe(false);
    const text = formatIdentityFile(keys, '2026-11-28T10:00:00.000Z');
    expect(text).toBe(
      `# created: 2026-11-28T10:00:00.000Z\n# public key: ${keys.recipient}\n${keys.identity}\n`,
    );
    expect(parseIdentityFile(`\r\n# comment\r\n${keys.identity}\r\n`)).toEqual([keys.identity]);
    expect(statedRecipient(text)).toBe(keys.recipient);
    expect(await recipientOf(keys.identity)).toBe(keys.recipient);
  });
});

describe('a sealed scratch file (formats/scratch)', () => {
  it('reads back what was written anywhere, in any order, and keeps only noise on disk', async () => {
    const path = join(tempDir(), 'scratch.sealed');
    const scratch = await SealedScratch.create(path);
    const plain = Buffer.concat([randomBytes(50_000), Buffer.from('PLAINTEXT-MARKER'), randomBytes(50_000)]);
    // Unaligned pieces, the later ones first, then a small patch over written bytes.
    const cuts = [0, 17, 4099, 33_333, 70_001, plain.length];
    for (let i = cuts.length - 2; i >= 0; i--) {
      const start = cuts[i] ?? 0;
      const end = cuts[i + 1] ?? 0;
      await scratch.write(plain, start, end - start, start);
    }
    plain.write('PATCH', 40_000, 'latin1');
    await scratch.write(Buffer.from('PATCH'), 0, 5, 40_000);
    expect((await scratch.stat()).size).toBe(plain.length);
    const back = Buffer.alloc(1000);
    const { bytesRead } = await scratch.read(back, 10, 990, 39_999);
    expect(bytesRead).toBe(990);
    expect(back.subarray(10).equals(plain.subarray(39_999, 40_989))).toBe(true);
    const streamed: Buffer[] = [];
    for await (const block of scratch.readFrom(5, 7777)) streamed.push(block);
    expect(Buffer.concat(streamed).equals(plain.subarray(5))).toBe(true);
    expect(readFileSync(path).includes('PLAINTEXT-MARKER')).toBe(false);
    await scratch.close();
    await scratch.close();
    expect(existsSync(path)).toBe(false);
  });

  it('carries a zip the writer patches in place and the reader checks as hostile input', async () => {
    const path = join(tempDir(), 'zip.sealed');
    const scratch = await SealedScratch.create(path);
    const writer = ZipWriter.onto(scratch);
    const data = randomBytes(3 * 1024 * 1024 + 5);
    await writer.addFile('bag/data/a.bin', data.length, data);
    await writer.addFile('bag/data/b.txt', 6, Buffer.from('hello\n'));
    await writer.finish();
    // The writer leaves the file open for the caller: read it back through a borrowed view.
    const zip = await openZip(scratch.borrowed());
    expect(zip.entries.map((e) => e.name)).toEqual(['bag/data/a.bin', 'bag/data/b.txt']);
    const [first] = zip.entries;
    if (first === undefined) throw new Error('no entry');
    expect((await zip.readEntryBytes(first, 8 * 1024 * 1024)).equals(data)).toBe(true);
    await zip.close();
    expect(existsSync(path)).toBe(true);
    // Given to the reader itself, the scratch file goes when the archive closes.
    const owned = await openZip(scratch);
    await owned.close();
    expect(existsSync(path)).toBe(false);
  });
});
