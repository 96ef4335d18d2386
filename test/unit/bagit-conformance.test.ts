import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkBag,
  compareDigests,
  type BagListing,
  type BagProblem,
} from '../../main/formats/bagit/bag-check';
import { createMultiHasher, validateBagDirectory } from '../helpers/bag-directory';
import {
  BAGIT_TXT_BYTES,
  digestOf,
  FIXTURE_PAYLOAD,
  makeBag,
  payloadOxumOnDisk,
  writeBagInfo,
  writeManifests,
  writePayload,
  writeTagManifest,
} from '../helpers/bag-fixture';
import { useTempDir } from '../helpers/temp-dir';

/**
 * RFC 8493 conformance: a valid bag, then one mutation per rule, each asserting exactly which
 * problems (code and path) come back. Mutations that touch a tag file re-seal the tag manifest
 * unless the test is about the tag manifest, so each test sees only the rule it is about.
 */

const tempDir = useTempDir();
const bag = (): string => makeBag(tempDir());
const at = (dir: string, path: string): string => join(dir, ...path.split('/'));

type Found = Pick<BagProblem, 'code' | 'path'>;
const key = (problem: Found): string => `${problem.code} ${problem.path ?? '(bag)'}`;
const found = (problems: readonly Found[]): Found[] =>
  problems
    .map(({ code, path }) => ({ code, path }))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** Validates `dir` and asserts exactly these problems (in any order), each with a real message. */
async function expectProblems(
  dir: string,
  expected: readonly Found[],
  options: { fast?: boolean } = {},
): Promise<BagProblem[]> {
  const problems = await validateBagDirectory(dir, options);
  expect(found(problems), problems.map((p) => p.message).join('\n')).toEqual(found(expected));
  for (const problem of problems) expect(problem.message.length).toBeGreaterThan(10);
  return problems;
}

function edit(dir: string, path: string, change: (text: string) => string): void {
  writeFileSync(at(dir, path), change(readFileSync(at(dir, path), 'utf8')));
}

describe('a valid bag', () => {
  it('validates with no problems, in full and in fast mode', async () => {
    const dir = bag();
    expect(await validateBagDirectory(dir)).toEqual([]);
    expect(await validateBagDirectory(dir, { fast: true })).toEqual([]);
  });

  it('accepts names with CR, LF and % on disk, percent-encoded in the manifests (RFC 8493 §2.1.3)', async () => {
    const dir = makeBag(tempDir(), {
      ...FIXTURE_PAYLOAD,
      'data/line\nbreak.txt': 'lf\n',
      'data/carriage\rreturn %0A.txt': 'cr\n',
    });
    const manifest = readFileSync(join(dir, 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toContain('  data/line%0Abreak.txt\n');
    expect(manifest).toContain('  data/carriage%0Dreturn %250A.txt\n');
    expect(await validateBagDirectory(dir)).toEqual([]);
  });

  it('returns the bag-info entries with folded lines unfolded, and what to hash', async () => {
    const dir = bag();
    const files = new Map<string, number>([
      ['bagit.txt', BAGIT_TXT_BYTES.length],
      ['bag-info.txt', readFileSync(join(dir, 'bag-info.txt')).length],
      ['manifest-sha256.txt', readFileSync(join(dir, 'manifest-sha256.txt')).length],
      ['manifest-sha512.txt', readFileSync(join(dir, 'manifest-sha512.txt')).length],
      ['tagmanifest-sha256.txt', readFileSync(join(dir, 'tagmanifest-sha256.txt')).length],
    ]);
    for (const [path, content] of Object.entries(FIXTURE_PAYLOAD))
      files.set(path, Buffer.byteLength(content));
    const listing: BagListing = { files, directories: new Set(['data']) };
    const read: string[] = [];
    const check = await checkBag(listing, (path) => {
      read.push(path);
      return Promise.resolve(readFileSync(at(dir, path)));
    });
    expect(check.problems).toEqual([]);
    expect(check.version).toBe('1.0');
    expect(check.bagInfo).toEqual([
      ['Source-Organization', 'Example Ltd'],
      ['External-Description', 'Records of the example breach,  continued on a second line'],
      ['External-Identifier', 'case-1'],
      ['Bagging-Date', '2024-05-01'],
      ['Payload-Oxum', payloadOxumOnDisk(dir)],
    ]);
    // Only tag files are read in phase 1; payload files are left to the caller.
    expect(read.every((path) => !path.startsWith('data/'))).toBe(true);
    expect(check.manifests.map((m) => [m.kind, m.algorithm])).toEqual([
      ['payload', 'sha256'],
      ['payload', 'sha512'],
      ['tag', 'sha256'],
    ]);
    expect(check.expected.get('data/case.json')).toEqual(
      new Map([
        ['sha256', digestOf('sha256', FIXTURE_PAYLOAD['data/case.json'] ?? '')],
        ['sha512', digestOf('sha512', FIXTURE_PAYLOAD['data/case.json'] ?? '')],
      ]),
    );
    expect(check.expected.get('bagit.txt')).toEqual(
      new Map([['sha256', digestOf('sha256', BAGIT_TXT_BYTES)]]),
    );
    expect(check.expected.size).toBe(Object.keys(FIXTURE_PAYLOAD).length + 4);
  });

  it('accepts a listing where data/ exists only as a directory (empty payload)', async () => {
    const listing: BagListing = {
      files: new Map([
        ['bagit.txt', BAGIT_TXT_BYTES.length],
        ['manifest-sha256.txt', 0],
        ['bag-info.txt', 17],
      ]),
      directories: new Set(['data']),
    };
    const texts: Record<string, string> = {
      'bagit.txt': BAGIT_TXT_BYTES,
      'manifest-sha256.txt': '',
      'bag-info.txt': 'Payload-Oxum: 0.0',
    };
    const check = await checkBag(listing, (path) => Promise.resolve(Buffer.from(texts[path] ?? '')));
    expect(check.problems).toEqual([]);
  });

  it('reads a BagIt 0.97 bag as bagit-python does: "%" unencoded, a file in just one payload manifest', async () => {
    const dir = bag();
    writeFileSync(join(dir, 'bagit.txt'), 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n');
    for (const manifest of ['manifest-sha256.txt', 'manifest-sha512.txt']) {
      edit(dir, manifest, (text) => text.replace('100%25 draft', '100% draft'));
    }
    edit(dir, 'manifest-sha512.txt', (text) => text.replace(/^.*data\/case\.json\n/m, ''));
    writeTagManifest(dir);
    await expectProblems(dir, []);
  });
});

describe('structure (RFC 8493 §2.1; bagit-python Bag._open, _validate_structure)', () => {
  it('missing bagit.txt', async () => {
    const dir = bag();
    rmSync(join(dir, 'bagit.txt'));
    await expectProblems(dir, [{ code: 'structure', path: 'bagit.txt' }]);
  });

  it('missing data/', async () => {
    const dir = bag();
    rmSync(join(dir, 'data'), { recursive: true });
    await expectProblems(dir, [{ code: 'structure', path: 'data/' }]);
  });

  it('no payload manifest', async () => {
    const dir = bag();
    rmSync(join(dir, 'manifest-sha256.txt'));
    rmSync(join(dir, 'manifest-sha512.txt'));
    await expectProblems(dir, [{ code: 'structure', path: null }]);
  });

  it('a manifest with an algorithm we do not check is reported, not ignored', async () => {
    const dir = bag();
    writeFileSync(join(dir, 'manifest-blake2b.txt'), '');
    writeTagManifest(dir);
    await expectProblems(dir, [{ code: 'manifest', path: 'manifest-blake2b.txt' }]);
  });

  it('two payload files whose names differ only in Unicode normalisation (FileNormalizationConflict)', async () => {
    const nfc = 'data/caf\u00e9.txt';
    const nfd = 'data/cafe\u0301.txt';
    const dir = bag();
    writePayload(dir, { [nfd]: 'other\n' });
    writeManifests(dir);
    writeBagInfo(dir);
    writeTagManifest(dir);
    await expectProblems(dir, [
      { code: 'structure', path: nfc },
      { code: 'structure', path: nfd },
    ]);
  });

  it('a listing with a name that could leave the bag (from a zip) is refused before anything else', async () => {
    const listing: BagListing = {
      files: new Map([
        ['bagit.txt', BAGIT_TXT_BYTES.length],
        ['manifest-sha256.txt', 0],
        ['data/../escape.txt', 1],
      ]),
      directories: new Set(['data']),
    };
    const read: string[] = [];
    const check = await checkBag(listing, (path) => {
      read.push(path);
      return Promise.resolve(Buffer.from(BAGIT_TXT_BYTES));
    });
    expect(found(check.problems)).toEqual([{ code: 'structure', path: 'data/../escape.txt' }]);
    expect(read).toEqual(['bagit.txt']);
  });

  it('a symbolic link in the payload is refused', async () => {
    const dir = bag();
    symlinkSync(join(dir, 'bagit.txt'), join(dir, 'data', 'link.txt'));
    // Left out of the listing, so it is neither counted in Payload-Oxum nor unexpected.
    const [problem] = await expectProblems(dir, [{ code: 'structure', path: 'data/link.txt' }]);
    expect(problem?.message).toMatch(/symbolic link/);
  });
});

describe('what a folder can hold that a bag cannot', () => {
  it.skipIf(process.platform === 'win32')('a FIFO is neither a file nor a directory', async () => {
    const dir = bag();
    execFileSync('mkfifo', [at(dir, 'data/pipe')]);
    await expectProblems(dir, [{ code: 'structure', path: 'data/pipe' }]);
  });

  it.skipIf(process.platform !== 'linux')('a file name that is not UTF-8', async () => {
    const dir = bag();
    writeFileSync(Buffer.concat([Buffer.from(at(dir, 'data/bad-')), Buffer.from([0xff])]), 'x');
    await expectProblems(dir, [{ code: 'structure', path: 'data/bad-\ufffd' }]);
  });
});

describe('bagit.txt (RFC 8493 §2.1.1; bagit-python _validate_bagittxt)', () => {
  it('BOM in bagit.txt', async () => {
    const dir = bag();
    writeFileSync(
      join(dir, 'bagit.txt'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BAGIT_TXT_BYTES)]),
    );
    await expectProblems(dir, [{ code: 'bagit-txt', path: 'bagit.txt' }]);
  });

  it('missing BagIt-Version', async () => {
    const dir = bag();
    writeFileSync(join(dir, 'bagit.txt'), 'Tag-File-Character-Encoding: UTF-8\n');
    await expectProblems(dir, [{ code: 'bagit-txt', path: 'bagit.txt' }]);
  });

  it('wrong Tag-File-Character-Encoding', async () => {
    const dir = bag();
    writeFileSync(join(dir, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\n');
    await expectProblems(dir, [{ code: 'bagit-txt', path: 'bagit.txt' }]);
  });

  it('a version we do not read', async () => {
    const dir = bag();
    writeFileSync(join(dir, 'bagit.txt'), 'BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n');
    await expectProblems(dir, [{ code: 'bagit-txt', path: 'bagit.txt' }]);
  });
});

describe('bag-info.txt and Payload-Oxum (RFC 8493 §2.2.2; bagit-python _validate_oxum)', () => {
  it('a line without a colon', async () => {
    const dir = bag();
    appendFileSync(join(dir, 'bag-info.txt'), 'not a tag\n');
    writeTagManifest(dir);
    const [problem] = await expectProblems(dir, [{ code: 'bag-info', path: 'bag-info.txt' }]);
    expect(problem?.message).toMatch(/line 7/);
  });

  it('Payload-Oxum with the wrong octet count', async () => {
    const dir = bag();
    const [bytes, files] = payloadOxumOnDisk(dir).split('.');
    writeBagInfo(dir, `${Number(bytes) + 1}.${files}`);
    writeTagManifest(dir);
    await expectProblems(dir, [{ code: 'payload-oxum', path: 'bag-info.txt' }]);
  });

  it('Payload-Oxum with the wrong file count', async () => {
    const dir = bag();
    const [bytes, files] = payloadOxumOnDisk(dir).split('.');
    writeBagInfo(dir, `${bytes}.${Number(files) - 1}`);
    writeTagManifest(dir);
    await expectProblems(dir, [{ code: 'payload-oxum', path: 'bag-info.txt' }]);
  });

  it.each(['12', 'a.b', '1.2.3', ''])('malformed Payload-Oxum %j', async (value) => {
    const dir = bag();
    writeBagInfo(dir, value);
    writeTagManifest(dir);
    await expectProblems(dir, [{ code: 'payload-oxum', path: 'bag-info.txt' }]);
  });

  it('Payload-Oxum given twice (RFC 8493 §2.2.2: MUST NOT be repeated)', async () => {
    const dir = bag();
    appendFileSync(join(dir, 'bag-info.txt'), `Payload-Oxum: ${payloadOxumOnDisk(dir)}\n`);
    writeTagManifest(dir);
    await expectProblems(dir, [{ code: 'payload-oxum', path: 'bag-info.txt' }]);
  });

  it('no Payload-Oxum is fine, except in fast mode', async () => {
    const dir = bag();
    writeBagInfo(dir, null);
    writeTagManifest(dir);
    await expectProblems(dir, []);
    await expectProblems(dir, [{ code: 'payload-oxum', path: 'bag-info.txt' }], { fast: true });
  });
});

describe('fast mode (bagit.py --validate --fast)', () => {
  it('stops at Payload-Oxum: a changed byte passes, a missing byte does not', async () => {
    const dir = bag();
    edit(dir, 'data/case.json', (text) => text.replace('case-1', 'case-2'));
    await expectProblems(dir, [], { fast: true });
    edit(dir, 'data/case.json', (text) => text.replace('case-2', 'case'));
    await expectProblems(dir, [{ code: 'payload-oxum', path: 'bag-info.txt' }], { fast: true });
  });

  it('does not check completeness, but still reads the manifests', async () => {
    const dir = bag();
    renameSync(at(dir, 'data/case.json'), at(dir, 'data/renamed.json'));
    await expectProblems(dir, [], { fast: true });
    appendFileSync(join(dir, 'manifest-sha256.txt'), `${'0'.repeat(64)} /etc/passwd\n`);
    writeTagManifest(dir);
    await expectProblems(dir, [{ code: 'manifest', path: 'manifest-sha256.txt' }], { fast: true });
  });
});

describe('manifests (RFC 8493 §2.1.3, §2.2.1; bagit-python _load_manifests)', () => {
  const appendToManifest = (dir: string, line: string, manifest = 'manifest-sha256.txt'): void => {
    appendFileSync(join(dir, manifest), `${line}\n`);
    writeTagManifest(dir);
  };

  it('a line without a path', async () => {
    const dir = bag();
    appendToManifest(dir, digestOf('sha256', 'x'));
    await expectProblems(dir, [{ code: 'manifest', path: 'manifest-sha256.txt' }]);
  });

  it('a digest of the wrong length', async () => {
    const dir = bag();
    edit(dir, 'manifest-sha256.txt', (text) =>
      text.replace(
        /^([0-9a-f]{64}) {2}data\/case\.json$/m,
        (_m, d: string) => `${d.slice(1)}  data/case.json`,
      ),
    );
    writeTagManifest(dir);
    await expectProblems(dir, [{ code: 'manifest', path: 'manifest-sha256.txt' }]);
  });

  it('the same path listed twice', async () => {
    const dir = bag();
    appendToManifest(dir, `${digestOf('sha256', FIXTURE_PAYLOAD['data/case.json'] ?? '')}  data/case.json`);
    await expectProblems(dir, [{ code: 'manifest', path: 'manifest-sha256.txt' }]);
  });

  it('a payload manifest listing a path outside data/', async () => {
    const dir = bag();
    appendToManifest(dir, `${digestOf('sha256', BAGIT_TXT_BYTES)}  bagit.txt`);
    await expectProblems(dir, [{ code: 'manifest', path: 'manifest-sha256.txt' }]);
  });

  it.each([
    'data/../../outside.txt',
    '../outside.txt',
    '/etc/passwd',
    '~/.bashrc',
    'data\\evil.txt',
    'data//case.json',
  ])('an unsafe path %j (bagit-python _path_is_dangerous)', async (path) => {
    const dir = bag();
    appendToManifest(dir, `${digestOf('sha256', 'x')}  ${path}`);
    await expectProblems(dir, [{ code: 'manifest', path: 'manifest-sha256.txt' }]);
  });

  it('a manifest that starts with a byte-order mark', async () => {
    const dir = bag();
    const text = readFileSync(join(dir, 'manifest-sha256.txt'));
    writeFileSync(join(dir, 'manifest-sha256.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]));
    writeTagManifest(dir);
    // Unread, the manifest could have named anything, so completeness is not judged.
    await expectProblems(dir, [{ code: 'manifest', path: 'manifest-sha256.txt' }]);
  });

  it('uppercase digests, comments, blank lines, tabs and a leading * are read as bagit-python reads them', async () => {
    const dir = bag();
    edit(
      dir,
      'manifest-sha256.txt',
      (text) =>
        `# written by hand\n\n${text
          .split('\n')
          .map((line) => line.replace(/^([0-9a-f]+) {2}/, (_m, d: string) => `${d.toUpperCase()}\t*`))
          .join('\r\n')}`,
    );
    writeTagManifest(dir);
    await expectProblems(dir, []);
  });

  it('a tag manifest listing a tag manifest', async () => {
    const dir = bag();
    writeFileSync(join(dir, 'tagmanifest-sha512.txt'), '');
    appendFileSync(join(dir, 'tagmanifest-sha256.txt'), `${digestOf('sha256', '')} tagmanifest-sha512.txt\n`);
    await expectProblems(dir, [{ code: 'manifest', path: 'tagmanifest-sha256.txt' }]);
  });

  it('a tag manifest listing a payload file', async () => {
    const dir = bag();
    appendFileSync(
      join(dir, 'tagmanifest-sha256.txt'),
      `${digestOf('sha256', FIXTURE_PAYLOAD['data/case.json'] ?? '')} data/case.json\n`,
    );
    await expectProblems(dir, [{ code: 'manifest', path: 'tagmanifest-sha256.txt' }]);
  });
});

describe('completeness (RFC 8493 §3; bagit-python _validate_completeness)', () => {
  it('a file listed but missing (FileMissing)', async () => {
    const dir = bag();
    rmSync(at(dir, 'data/case.json'));
    await expectProblems(dir, [
      { code: 'missing-file', path: 'data/case.json' },
      { code: 'payload-oxum', path: 'bag-info.txt' },
    ]);
  });

  it('a payload file in no manifest (UnexpectedFile)', async () => {
    const dir = bag();
    writePayload(dir, { 'data/evidence/extra.txt': 'extra\n' });
    await expectProblems(dir, [
      { code: 'unexpected-file', path: 'data/evidence/extra.txt' },
      { code: 'payload-oxum', path: 'bag-info.txt' },
    ]);
  });

  it('a payload file in the sha256 manifest but not the sha512 one (RFC 8493 §3: every manifest)', async () => {
    const dir = bag();
    edit(dir, 'manifest-sha512.txt', (text) => text.replace(/^.*data\/case\.json\n/m, ''));
    writeTagManifest(dir);
    const [problem] = await expectProblems(dir, [{ code: 'unexpected-file', path: 'data/case.json' }]);
    expect(problem?.message).toMatch(/manifest-sha512\.txt/);
  });

  it('a tag file listed in the tag manifest but missing', async () => {
    const dir = bag();
    writeFileSync(join(dir, 'extra-tags.txt'), 'x\n');
    writeTagManifest(dir);
    rmSync(join(dir, 'extra-tags.txt'));
    await expectProblems(dir, [{ code: 'missing-file', path: 'extra-tags.txt' }]);
  });

  it('a manifest listing a directory', async () => {
    const dir = bag();
    mkdirSync(at(dir, 'data/empty-dir'));
    writeManifests(dir);
    appendFileSync(join(dir, 'manifest-sha256.txt'), `${digestOf('sha256', '')}  data/empty-dir\n`);
    appendFileSync(join(dir, 'manifest-sha512.txt'), `${digestOf('sha512', '')}  data/empty-dir\n`);
    writeTagManifest(dir);
    const [problem] = await expectProblems(dir, [{ code: 'missing-file', path: 'data/empty-dir' }]);
    expect(problem?.message).toMatch(/directory/);
  });

  it('a manifest name that matches a file only after Unicode normalisation counts as that file', async () => {
    const dir = bag();
    // The disk has the NFC name; rewrite the manifests with the NFD spelling (as from a Mac).
    for (const manifest of ['manifest-sha256.txt', 'manifest-sha512.txt']) {
      edit(dir, manifest, (text) => text.replace('data/caf\u00e9.txt', 'data/cafe\u0301.txt'));
    }
    writeTagManifest(dir);
    await expectProblems(dir, []);
    // And the file is still hashed: a change to it is caught.
    writeFileSync(at(dir, 'data/caf\u00e9.txt'), 'ACCENTS\n');
    await expectProblems(dir, [
      { code: 'checksum', path: 'data/caf\u00e9.txt' },
      { code: 'checksum', path: 'data/caf\u00e9.txt' },
    ]);
  });
});

describe('checksums (RFC 8493 §3 valid; bagit-python _validate_entries)', () => {
  it('a changed payload byte: one problem per manifest algorithm', async () => {
    const dir = bag();
    edit(dir, 'data/evidence/nested/deep/note.txt', (text) => text.replace('deep', 'deeP'));
    const problems = await expectProblems(dir, [
      { code: 'checksum', path: 'data/evidence/nested/deep/note.txt' },
      { code: 'checksum', path: 'data/evidence/nested/deep/note.txt' },
    ]);
    expect(problems.map((p) => p.message).join('\n')).toMatch(
      /manifest-sha256\.txt[^\n]*\n[^\n]*manifest-sha512\.txt/,
    );
  });

  it('a changed bag-info.txt fails the tag manifest', async () => {
    const dir = bag();
    edit(dir, 'bag-info.txt', (text) => text.replace('Example Ltd', 'Example Limited'));
    const [problem] = await expectProblems(dir, [{ code: 'checksum', path: 'bag-info.txt' }]);
    expect(problem?.message).toMatch(/tagmanifest-sha256\.txt/);
  });

  it('a payload file with % in its name is checked under its real name', async () => {
    const dir = bag();
    writeFileSync(at(dir, 'data/letters/100% draft.txt'), 'Dear customeR,\n');
    await expectProblems(dir, [
      { code: 'checksum', path: 'data/letters/100% draft.txt' },
      { code: 'checksum', path: 'data/letters/100% draft.txt' },
    ]);
  });
});

describe('fetch.txt (RFC 8493 §2.2.3; bagit-python validate_fetch)', () => {
  it('an unsafe path or a URL without a host', async () => {
    const dir = bag();
    writeFileSync(
      join(dir, 'fetch.txt'),
      'https://example.org/a 10 data/case.json\nhttps://example.org/b - ../x\nnot-a-url 1 data/y\n',
    );
    writeTagManifest(dir);
    const problems = await expectProblems(dir, [
      { code: 'structure', path: 'fetch.txt' },
      { code: 'structure', path: 'fetch.txt' },
    ]);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/line 2[^\n]*\.\.[^]*line 3[^\n]*not a URL/);
  });
});

describe('compareDigests', () => {
  const sha256 = digestOf('sha256', 'payload');
  const sha512 = digestOf('sha512', 'payload');
  const tag = digestOf('sha256', 'tag');
  const expected = new Map([
    [
      'data/a.txt',
      new Map([
        ['sha256', sha256],
        ['sha512', sha512],
      ]),
    ],
    ['bag-info.txt', new Map([['sha256', tag]])],
  ]);

  it('finds nothing when every digest matches, in any case', () => {
    const computed = new Map([
      [
        'data/a.txt',
        new Map([
          ['sha256', sha256.toUpperCase()],
          ['sha512', sha512],
        ]),
      ],
      ['bag-info.txt', new Map([['sha256', tag]])],
    ]);
    expect(compareDigests(expected, computed)).toEqual([]);
  });

  it('reports each mismatching file and algorithm with the manifest, the expected and the actual digest', () => {
    const wrong = digestOf('sha512', 'other');
    const computed = new Map([
      [
        'data/a.txt',
        new Map([
          ['sha256', sha256],
          ['sha512', wrong],
        ]),
      ],
      ['bag-info.txt', new Map([['sha256', sha256]])],
    ]);
    expect(compareDigests(expected, computed)).toEqual([
      {
        code: 'checksum',
        path: 'data/a.txt',
        message: `data/a.txt does not match manifest-sha512.txt: expected ${sha512}, computed ${wrong}.`,
      },
      {
        code: 'checksum',
        path: 'bag-info.txt',
        message: `bag-info.txt does not match tagmanifest-sha256.txt: expected ${tag}, computed ${sha256}.`,
      },
    ]);
  });

  it('throws when a digest that was expected was not computed', () => {
    const computed = new Map([['data/a.txt', new Map([['sha256', sha256]])]]);
    expect(() => compareDigests(expected, computed)).toThrow(/sha512 digest was computed for data\/a\.txt/);
  });

  it('is fed by createMultiHasher reading each byte once for every algorithm', () => {
    const hasher = createMultiHasher(['sha256', 'sha512']);
    hasher.update(Buffer.from('pay'));
    hasher.update(Buffer.from('load'));
    expect(hasher.digest()).toEqual(
      new Map([
        ['sha256', sha256],
        ['sha512', sha512],
      ]),
    );
  });
});
