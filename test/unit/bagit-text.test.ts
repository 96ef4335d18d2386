import { describe, expect, it } from 'vitest';
import {
  BAGIT_TXT,
  bagitPythonPathProblem,
  decodeManifestPath,
  decodeTagFile,
  DIGEST_HEX_LENGTH,
  encodeManifestPath,
  formatBagInfo,
  formatManifest,
  manifestKind,
  manifestPathProblem,
  MANIFEST_RE,
  parseBagInfo,
  parseBagitTxt,
  parseManifest,
  parseOxum,
  payloadOxum,
  SUPPORTED_ALGORITHMS,
  TAGMANIFEST_RE,
  unsafePathReason,
} from '../../main/formats/bagit/bag-text';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const SHA256_A = 'a'.repeat(64);
const SHA256_B = 'b'.repeat(64);

describe('bagit.txt', () => {
  it('is exactly the two RFC 8493 §2.1.1 lines', () => {
    expect(BAGIT_TXT).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(parseBagitTxt(bytes(BAGIT_TXT))).toEqual({ ok: true, version: '1.0', encoding: 'UTF-8' });
  });

  it('reads CRLF line ends, 0.97 and a lowercase encoding name', () => {
    const text = 'BagIt-Version: 0.97\r\nTag-File-Character-Encoding: utf-8\r\n';
    expect(parseBagitTxt(bytes(text))).toEqual({ ok: true, version: '0.97', encoding: 'utf-8' });
  });

  it('refuses a byte-order mark', () => {
    const result = parseBagitTxt(new Uint8Array([...BOM, ...bytes(BAGIT_TXT)]));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join()).toMatch(/byte-order mark/);
  });

  it('refuses bytes that are not UTF-8', () => {
    const result = parseBagitTxt(new Uint8Array([...bytes('BagIt-Version: 1.0\n'), 0xff, 0x0a]));
    expect(!result.ok && result.problems).toEqual(['the file is not valid UTF-8']);
  });

  it('names each missing or repeated tag', () => {
    expect(parseBagitTxt(bytes('Tag-File-Character-Encoding: UTF-8\n'))).toEqual({
      ok: false,
      problems: ['BagIt-Version is missing'],
    });
    expect(parseBagitTxt(bytes('BagIt-Version: 1.0\n'))).toEqual({
      ok: false,
      problems: ['Tag-File-Character-Encoding is missing'],
    });
    expect(parseBagitTxt(bytes(`${BAGIT_TXT}BagIt-Version: 1.0\n`))).toEqual({
      ok: false,
      problems: ['BagIt-Version is given 2 times'],
    });
  });

  it('reports versions and encodings it does not read', () => {
    const other = parseBagitTxt(bytes('BagIt-Version: 0.96\nTag-File-Character-Encoding: ISO-8859-1\n'));
    expect(!other.ok && other.problems).toEqual([
      'BagIt-Version "0.96" is not one we read (1.0, 0.97)',
      'Tag-File-Character-Encoding "ISO-8859-1" is not UTF-8',
    ]);
  });
});

describe('decodeTagFile', () => {
  it('keeps text and refuses a BOM or invalid UTF-8', () => {
    expect(decodeTagFile(bytes('é\n'))).toEqual({ ok: true, text: 'é\n' });
    expect(decodeTagFile(new Uint8Array([...BOM, 0x41])).ok).toBe(false);
    expect(decodeTagFile(new Uint8Array([0xc3])).ok).toBe(false);
  });
});

describe('bag-info.txt', () => {
  it('writes Label: Value lines with LF ends, in order, CR and LF in values made spaces', () => {
    expect(
      formatBagInfo([
        ['Source-Organization', 'Example Ltd'],
        ['External-Description', 'line one\r\nline two\rthree\nfour'],
        ['Source-Organization', '  second value  '],
        ['Long-Value', 'x'.repeat(200)],
      ]),
    ).toBe(
      'Source-Organization: Example Ltd\n' +
        'External-Description: line one line two three four\n' +
        'Source-Organization: second value\n' +
        `Long-Value: ${'x'.repeat(200)}\n`,
    );
  });

  it('refuses labels that would not read back', () => {
    for (const label of ['', 'Has:Colon', 'Has Space', 'Tab\there', 'Line\nBreak', ' Lead']) {
      expect(() => formatBagInfo([[label, 'v']]), label).toThrow(/label/);
    }
  });

  it('reads back what it writes', () => {
    const entries: [string, string][] = [
      ['Contact-Name', 'Ada Lovelace'],
      ['Contact-Name', 'Grace Hopper'],
      ['Payload-Oxum', '10.2'],
      ['Empty', ''],
    ];
    expect(parseBagInfo(formatBagInfo(entries))).toEqual({ ok: true, entries });
  });

  it('folds continuation lines into the previous value (bagit-python _parse_tags)', () => {
    const text =
      'External-Description: first part\r\n' +
      '  second part\r\n' +
      '\tthird part\n' +
      '\n' +
      'Contact-Name:Ada\n' +
      'Bag-Count :  1 of 2  \n';
    expect(parseBagInfo(text)).toEqual({
      ok: true,
      entries: [
        ['External-Description', 'first part  second part\tthird part'],
        ['Contact-Name', 'Ada'],
        ['Bag-Count', '1 of 2'],
      ],
    });
  });

  it('names the line without a colon and the line with an empty label', () => {
    expect(parseBagInfo('Source-Organization: X\nno colon here\n: value\n')).toEqual({
      ok: false,
      problems: [
        'line 2: no colon, so not a "Label: Value" line',
        'line 3: the label before the colon is empty',
      ],
    });
  });
});

describe('manifest paths', () => {
  it('percent-encodes %, CR and LF only (RFC 8493 §2.1.3)', () => {
    expect(encodeManifestPath('data/100% a\r\nb %20.txt')).toBe('data/100%25 a%0D%0Ab %2520.txt');
  });

  it('decodes in one pass, in either case, and nothing else', () => {
    expect(decodeManifestPath('data/%250A%0d%0a%25%20%41.txt')).toBe('data/%0A\r\n%%20%41.txt');
    for (const path of ['data/100%.txt', 'data/a\nb\rc', 'data/%0A', 'data/%25%%']) {
      expect(decodeManifestPath(encodeManifestPath(path))).toBe(path);
    }
  });

  it('decodes a 0.97 manifest as bagit-python does (CR and LF only)', () => {
    expect(decodeManifestPath('data/100%25%0a.txt', '0.97')).toBe('data/100%25\n.txt');
  });

  it.each([
    ['', /empty/],
    ['/etc/passwd', /absolute/],
    ['~/.bashrc', /home/],
    ['~user/x', /home/],
    ['data/../../secret', /\.\./],
    ['data/a/..', /\.\./],
    ['data\\evil.txt', /backslash/],
    ['C:/Windows/x', /drive/],
    ['data//a', /empty or "\."/],
    ['data/./a', /empty or "\."/],
    ['data/a/', /empty or "\."/],
    ['data/a\0b', /NUL/],
  ])('refuses the unsafe path %j', (path, reason) => {
    expect(unsafePathReason(path)).toMatch(reason);
  });

  it('accepts ordinary paths, including odd but safe names', () => {
    for (const path of ['data/a.txt', 'data/..a', 'data/a..', 'data/~x', 'bag-info.txt', 'data/a b/c']) {
      expect(unsafePathReason(path), path).toBeNull();
    }
  });

  it('says which paths cannot be written so they read back, and which bagit-python misreads', () => {
    expect(manifestPathProblem('data/ leading')).toBeNull();
    expect(manifestPathProblem(' data/x')).toMatch(/whitespace/);
    expect(manifestPathProblem('data/x\u00a0')).toMatch(/whitespace/);
    expect(manifestPathProblem('*tag.txt')).toMatch(/"\*"/);
    expect(manifestPathProblem('data/../x')).toMatch(/\.\./);
    expect(bagitPythonPathProblem('data/100%.txt')).toMatch(/%25/);
    expect(bagitPythonPathProblem('data/line\nbreak')).toBeNull();
  });
});

describe('formatManifest', () => {
  it('writes sorted "<digest>  <encoded path>" lines', () => {
    expect(
      formatManifest([
        { path: 'data/b.txt', digest: SHA256_B },
        { path: 'data/a\nb%.txt', digest: SHA256_A },
      ]),
    ).toBe(`${SHA256_A}  data/a%0Ab%25.txt\n${SHA256_B}  data/b.txt\n`);
    expect(formatManifest([])).toBe('');
  });

  it('refuses unsafe or repeated paths and digests that are not lowercase hex', () => {
    expect(() => formatManifest([{ path: '../x', digest: SHA256_A }])).toThrow(/\.\./);
    expect(() => formatManifest([{ path: 'data/x ', digest: SHA256_A }])).toThrow(/whitespace/);
    expect(() =>
      formatManifest([
        { path: 'data/x', digest: SHA256_A },
        { path: 'data/x', digest: SHA256_B },
      ]),
    ).toThrow(/twice/);
    expect(() => formatManifest([{ path: 'data/x', digest: 'ABC' }])).toThrow(/hex/);
  });

  it('round-trips CR, LF and % in names through parseManifest', () => {
    const entries = [
      { path: 'data/line\nbreak\r.txt', digest: SHA256_A },
      { path: 'data/100% sure %0A.txt', digest: SHA256_B },
    ];
    const parsed = parseManifest(formatManifest(entries), 'manifest-sha256.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toEqual(new Map(entries.map((e) => [e.path, e.digest])));
  });
});

describe('parseManifest', () => {
  it('knows the kind and algorithm from the file name', () => {
    const parsed = parseManifest('', 'tagmanifest-md5.txt');
    expect(parsed).toMatchObject({ kind: 'tag', algorithm: 'md5', fileName: 'tagmanifest-md5.txt' });
    expect(() => parseManifest('', 'manifest-blake2b.txt')).toThrow(/supported/);
  });

  it('reads lines as bagit-python does: stripped, comments and blanks skipped, any whitespace, * removed', () => {
    const text =
      '# a comment\r\n' +
      '\n' +
      `  ${SHA256_A.toUpperCase()}\t\tdata/two  spaces inside.txt  \r\n` +
      `${SHA256_B} *data/binary-mode.bin\n` +
      `${SHA256_A} data/last-without-newline`;
    const parsed = parseManifest(text, 'manifest-sha256.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toEqual(
      new Map([
        ['data/two  spaces inside.txt', SHA256_A],
        ['data/binary-mode.bin', SHA256_B],
        ['data/last-without-newline', SHA256_A],
      ]),
    );
  });

  it('reports, by line, a missing path, a bad digest, an unsafe path and a repeated path', () => {
    const text = [
      `${SHA256_A}`,
      `${SHA256_A.slice(1)} data/short.txt`,
      `${'g'.repeat(64)} data/not-hex.txt`,
      `${SHA256_A} data/../../etc/passwd`,
      `${SHA256_A} /etc/passwd`,
      `${SHA256_A} data/dup.txt`,
      `${SHA256_B} data/dup.txt`,
    ].join('\n');
    const parsed = parseManifest(text, 'manifest-sha256.txt');
    expect(parsed.problems).toEqual([
      'line 1: no path after the digest',
      `line 2: "data/short.txt": "${SHA256_A.slice(1)}" is not a sha256 digest (64 hex digits)`,
      `line 3: "data/not-hex.txt": "${'g'.repeat(64)}" is not a sha256 digest (64 hex digits)`,
      'line 4: "data/../../etc/passwd": the path has a ".." segment and could leave the bag',
      'line 5: "/etc/passwd": the path is absolute',
      'line 7: "data/dup.txt" is listed more than once',
    ]);
    // Bad digests stay listed (for completeness); unsafe paths are dropped.
    expect([...parsed.entries.keys()]).toEqual(['data/short.txt', 'data/not-hex.txt', 'data/dup.txt']);
  });

  it('keeps payload manifests to data/ and tag manifests out of it and off tag manifests', () => {
    const payload = parseManifest(`${SHA256_A} bag-info.txt\n`, 'manifest-sha256.txt');
    expect(payload.problems).toEqual([
      'line 1: "bag-info.txt": a payload manifest lists only files under data/',
    ]);
    const tag = parseManifest(
      `${SHA256_A} data/x\n${SHA256_A} tagmanifest-sha512.txt\n${SHA256_A} bag-info.txt\n`,
      'tagmanifest-sha256.txt',
    );
    expect(tag.problems).toEqual([
      'line 1: "data/x": a tag manifest must not list payload files',
      'line 2: "tagmanifest-sha512.txt": a tag manifest must not list tag manifests',
    ]);
    expect([...tag.entries.keys()]).toEqual(['bag-info.txt']);
  });
});

describe('algorithms and names', () => {
  it('maps each supported algorithm to its digest length', () => {
    expect(SUPPORTED_ALGORITHMS).toEqual(['sha256', 'sha512', 'sha1', 'md5']);
    expect(DIGEST_HEX_LENGTH).toEqual({ sha256: 64, sha512: 128, sha1: 40, md5: 32 });
  });

  it('recognises manifest names', () => {
    expect(MANIFEST_RE.exec('manifest-sha512.txt')?.[1]).toBe('sha512');
    expect(TAGMANIFEST_RE.exec('tagmanifest-sha1.txt')?.[1]).toBe('sha1');
    expect(MANIFEST_RE.test('tagmanifest-sha1.txt')).toBe(false);
    expect(manifestKind('manifest-sha256.txt')).toEqual({ kind: 'payload', algorithm: 'sha256' });
    expect(manifestKind('manifest-SHA256.txt')).toBeNull();
    expect(manifestKind('manifest-sha3_256.txt')).toBeNull();
    expect(manifestKind('tagmanifest-sha256.txt.sig')).toBeNull();
  });
});

describe('Payload-Oxum', () => {
  it('writes and reads "<octets>.<files>"', () => {
    expect(payloadOxum(1234, 5)).toBe('1234.5');
    expect(payloadOxum(0, 0)).toBe('0.0');
    expect(parseOxum('1234.5')).toEqual({ bytes: 1234, files: 5 });
    expect(parseOxum('007.01')).toEqual({ bytes: 7, files: 1 });
    expect(() => payloadOxum(-1, 0)).toThrow();
    expect(() => payloadOxum(1.5, 0)).toThrow();
  });

  it.each(['', '12', '12.', '.3', '1.2.3', 'a.b', ' 1.2', '1,2', '99999999999999999999.1', '١.٢'])(
    'refuses %j',
    (value) => {
      expect(parseOxum(value)).toBeNull();
    },
  );
});
