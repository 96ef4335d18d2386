import { describe, expect, it } from 'vitest';
import { pagesOfText, TextPager, type TextPage } from '../../main/evidence/text-pager';

function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

function page(encoding: string, bytes: Uint8Array, pageBytes: number, chunkSize: number) {
  const pager = new TextPager(encoding, pageBytes);
  const pages: TextPage[] = [];
  for (const chunk of chunksOf(bytes, chunkSize)) pages.push(...pager.push(chunk));
  pages.push(...pager.end());
  return { pages, lines: pager.lines };
}

function lineCountOf(text: string): number {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Everything the pager promises, checked against the bytes it was given. */
function expectExactPages(
  encoding: string,
  bytes: Uint8Array,
  bomLength: number,
  pageBytes: number,
): TextPage[] {
  const whole = new TextDecoder(encoding).decode(bytes);
  const reference = page(encoding, bytes, pageBytes, bytes.length || 1);
  for (const chunkSize of [1, 3, 7, pageBytes - 1, pageBytes + 5, 1000]) {
    // Pages depend on the bytes, never on how they arrived.
    expect(page(encoding, bytes, pageBytes, chunkSize)).toEqual(reference);
  }
  const { pages, lines } = reference;
  expect(pages.map((p) => p.text).join('')).toBe(whole);
  expect(lines).toBe(lineCountOf(whole));
  let byte = bomLength;
  let line = 1;
  for (const p of pages) {
    expect(p.byteStart).toBe(byte);
    const slice = bytes.subarray(p.byteStart, p.byteEnd);
    expect(new TextDecoder(encoding, { ignoreBOM: true }).decode(slice)).toBe(p.text);
    expect(p.firstLine).toBe(line);
    expect(p.lineCount).toBe(lineCountOf(p.text));
    byte = p.byteEnd;
    line += p.text.split('\n').length - 1;
  }
  expect(byte).toBe(pages.length === 0 ? bomLength : bytes.length);
  return pages;
}

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const numbered = (count: number, line: (n: number) => string): string =>
  Array.from({ length: count }, (_, i) => `${line(i + 1)}\n`).join('');

describe('TextPager', () => {
  it('cuts UTF-8 with multi-byte characters at line ends, exact byte ranges', () => {
    const text = numbered(200, (n) => `${n}: Grüße — 日本語 😀 ${'é'.repeat(n % 13)}`);
    const pages = expectExactPages('utf-8', utf8(text), 0, 256);
    expect(pages.length).toBeGreaterThan(10);
    for (const p of pages) expect(p.text.endsWith('\n')).toBe(true);
    for (const p of pages) expect(p.byteEnd - p.byteStart).toBeLessThanOrEqual(256);
  });

  it('strips and counts a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('one\ntwo\n')]);
    const pages = expectExactPages('utf-8', bytes, 3, 64);
    expect(pages).toEqual([{ text: 'one\ntwo\n', firstLine: 1, lineCount: 2, byteStart: 3, byteEnd: 11 }]);
  });

  it('keeps a U+FEFF that is not at the start', () => {
    const bytes = utf8('a\n\uFEFFb\n');
    expect(expectExactPages('utf-8', bytes, 0, 64)[0]?.text).toBe('a\n\uFEFFb\n');
  });

  it('pages UTF-16LE with a BOM on code-unit line feeds', () => {
    // U+0A0A has two 0x0A bytes and must not be taken for a line feed; nor may the second byte of an emoji.
    const text = numbered(120, (n) => `ligne ${n} \u0A0A\u010A ✓ 😀`);
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const pages = expectExactPages('utf-16le', bytes, 2, 200);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.every((p) => p.text.endsWith('\n'))).toBe(true);
  });

  it('pages UTF-16BE', () => {
    const le = Buffer.from(
      numbered(60, (n) => `row ${n} \u0A0A ✓`),
      'utf16le',
    );
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(le).swap16()]);
    expectExactPages('utf-16be', be, 2, 128);
  });

  it('pages windows-1252', () => {
    const bytes = new Uint8Array(
      Buffer.from(
        numbered(100, (n) => `Caf\xe9 cr\xe8me ${n} \x80`),
        'latin1',
      ),
    );
    const pages = expectExactPages('windows-1252', bytes, 0, 100);
    expect(pages[0]?.text.startsWith('Café crème 1 €\n')).toBe(true);
  });

  it('counts CRLF as one line break', () => {
    const bytes = utf8(numbered(50, (n) => `line ${n}\r`));
    const { pages, lines } = page('utf-8', bytes, 64, 5);
    expect(lines).toBe(50);
    expect(pages.at(-1)?.firstLine).toBe(50 - (pages.at(-1)?.lineCount ?? 0) + 1);
    expectExactPages('utf-8', bytes, 0, 64);
  });

  it('counts a last line without a line feed', () => {
    const pages = expectExactPages('utf-8', utf8('first\nsecond\nthird'), 0, 64);
    expect(pages).toEqual([
      { text: 'first\nsecond\nthird', firstLine: 1, lineCount: 3, byteStart: 0, byteEnd: 18 },
    ]);
    const long = numbered(40, (n) => `entry ${n}`) + 'tail without end';
    const tail = expectExactPages('utf-8', utf8(long), 0, 64).at(-1);
    expect(tail?.text.endsWith('tail without end')).toBe(true);
    expect(tail && tail.firstLine + tail.lineCount - 1).toBe(41);
  });

  it('gives an empty file, or one that is only a BOM, no pages and no lines', () => {
    expect(page('utf-8', new Uint8Array(0), 64, 1)).toEqual({ pages: [], lines: 0 });
    expect(page('utf-8', new Uint8Array([0xef, 0xbb, 0xbf]), 64, 1)).toEqual({ pages: [], lines: 0 });
    expect(page('utf-16le', new Uint8Array([0xff, 0xfe]), 64, 1)).toEqual({ pages: [], lines: 0 });
  });

  it('keeps a file shorter than a BOM that only starts like one', () => {
    expect(page('utf-8', new Uint8Array([0xef, 0xbb]), 64, 1).pages[0]?.text).toBe('\uFFFD');
  });

  it('gives a long line its own page, and cuts a huge one on character boundaries', () => {
    const long = 'ab'.repeat(100); // longer than a page, shorter than four
    const huge = 'é😀x'.repeat(400); // many pages long, no line feed
    const text = `short\n${long}\nnext\n${huge}\nend\n`;
    const pages = expectExactPages('utf-8', utf8(text), 0, 64);
    expect(pages.map((p) => p.text)).toContain(`${long}\n`);
    const cut = pages.filter((p) => !p.text.endsWith('\n'));
    expect(cut.length).toBeGreaterThan(1);
    for (const p of cut) expect(p.byteEnd - p.byteStart).toBeLessThanOrEqual(256);
    // The pieces of the huge line all start in line 4 and share it.
    expect(cut.every((p) => p.firstLine === 4 && p.lineCount === 1)).toBe(true);
  });

  it('cuts a huge UTF-16 line without splitting a surrogate pair', () => {
    const text = 'a😀'.repeat(300);
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    const pages = expectExactPages('utf-16le', bytes, 0, 30);
    expect(pages.length).toBeGreaterThan(10);
  });

  it('does not keep a reference to a chunk the caller reuses', () => {
    const pager = new TextPager('utf-8', 64);
    const buffer = new Uint8Array(4);
    buffer.set(utf8('abc\n'));
    pager.push(buffer);
    buffer.set(utf8('xyz\n'));
    pager.push(buffer);
    expect(pager.end().map((p) => p.text)).toEqual(['abc\nxyz\n']);
  });
});

describe('pagesOfText', () => {
  it('pages extracted text by whole lines', () => {
    const text = numbered(100, (n) => `line ${n}`);
    const pages = pagesOfText(text, 50);
    expect(pages.map((p) => p.text).join('')).toBe(text);
    let line = 1;
    for (const p of pages) {
      expect(p.text.length).toBeLessThanOrEqual(50);
      expect(p.text.endsWith('\n')).toBe(true);
      expect(p.firstLine).toBe(line);
      expect(p.lineCount).toBe(lineCountOf(p.text));
      line += p.lineCount;
    }
    expect(line - 1).toBe(100);
  });

  it('counts a last line without a line feed, and gives empty text no pages', () => {
    expect(pagesOfText('a\r\nb')).toEqual([{ text: 'a\r\nb', firstLine: 1, lineCount: 2 }]);
    expect(pagesOfText('')).toEqual([]);
  });

  it('cuts a huge line without splitting a surrogate pair', () => {
    const text = `x\n${'😀'.repeat(100)}\ny\n`;
    const pages = pagesOfText(text, 15);
    expect(pages.map((p) => p.text).join('')).toBe(text);
    for (const p of pages) expect(p.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(pages.at(-1)).toEqual({ text: 'y\n', firstLine: 3, lineCount: 1 });
  });
});
