/**
 * BagIt validation (RFC 8493 §3), deciding as bagit-python's `Bag.validate()` does, in two phases
 * so a zip import can read every entry exactly once:
 *
 * 1. checkBag: everything that needs only the list of files, their sizes and the small tag files
 *    (structure, bagit.txt, bag-info.txt, Payload-Oxum, manifests, fetch.txt, completeness). It
 *    returns, per file, the digests the manifests expect, so the caller knows what to hash.
 * 2. compareDigests: the digests the caller computed (while copying each file, say) against those.
 *
 * (Tests run both over a folder on disk with test/helpers/bag-directory.ts.) Unlike bagit-python,
 * which raises at the first failing stage, we collect every problem, except that a bag without bagit.txt, data/ or a
 * payload manifest, or with an unreadable bagit.txt, is not looked at further (everything else would
 * only repeat that). Rules bagit-python does not enforce but RFC 8493 requires are noted where they
 * are checked; so is what we read more narrowly (versions, encodings, algorithms).
 */

import { BAG_PROBLEM_CODES, type BundleProblem } from '../../../shared/domain/bundle';
import {
  ANY_MANIFEST_RE,
  decodeManifestPath,
  decodeTagFile,
  isDigest,
  manifestKind,
  parseBagInfo,
  parseBagitTxt,
  parseManifest,
  parseOxum,
  SUPPORTED_ALGORITHMS,
  unsafePathReason,
  type BagAlgorithm,
  type BagItVersion,
  type ParsedManifest,
} from './bag-text';

export { BAG_PROBLEM_CODES };
export type BagProblemCode = (typeof BAG_PROBLEM_CODES)[number];

export interface BagProblem extends BundleProblem {
  code: BagProblemCode;
}

/** What is in the bag, without the bytes: wherever it is (a folder, a zip's central directory). */
export interface BagListing {
  /** Every regular file: bag-relative path with '/' separators → size in bytes. */
  files: ReadonlyMap<string, number>;
  /** Directories, bag-relative without a trailing '/', e.g. 'data'; implied ones may be missing. */
  directories: ReadonlySet<string>;
}

/** Reads one (small) file of the bag, by bag-relative path. Only called for listed files. */
export type ReadBagFile = (path: string) => Promise<Uint8Array>;

/** A tag file larger than this is reported rather than read (bagit-python has no limit). */
export const MAX_TAG_FILE_BYTES = 16 * 1024 * 1024;

/** Per file (a path of the listing), the digest each algorithm must give. */
export type ExpectedDigests = Map<string, Map<BagAlgorithm, string>>;

export interface BagCheck {
  /** From bagit.txt; null when it could not be read. */
  version: BagItVersion | null;
  problems: BagProblem[];
  /** bag-info.txt entries in file order; null when absent or unreadable. */
  bagInfo: [string, string][] | null;
  manifests: ParsedManifest[];
  /** Empty in fast mode and when the bag was not looked at past its structure. */
  expected: ExpectedDigests;
}

export interface BagCheckOptions {
  /** Stop after Payload-Oxum, like `bagit.py --validate --fast` (which requires one). */
  fast?: boolean;
}

const PAYLOAD_PREFIX = 'data/';

function hasDirectory(listing: BagListing, dir: string): boolean {
  if (listing.directories.has(dir)) return true;
  for (const path of listing.files.keys()) if (path.startsWith(`${dir}/`)) return true;
  return false;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Phase 1: every check that needs no file's digest. */
export async function checkBag(
  listing: BagListing,
  readBagFile: ReadBagFile,
  options: BagCheckOptions = {},
): Promise<BagCheck> {
  const problems: BagProblem[] = [];
  const add = (code: BagProblemCode, path: string | null, message: string): void => {
    problems.push({ code, path, message });
  };
  const result: BagCheck = { version: null, problems, bagInfo: null, manifests: [], expected: new Map() };

  /** A tag file's text, or null after reporting why it cannot be had. */
  const readTagText = async (path: string, code: BagProblemCode): Promise<string | null> => {
    const size = listing.files.get(path) ?? 0;
    if (size > MAX_TAG_FILE_BYTES) {
      add(code, path, `${path} is ${size} bytes; tag files over ${MAX_TAG_FILE_BYTES} bytes are not read.`);
      return null;
    }
    const bytes = await readBagFile(path);
    if (bytes.length > MAX_TAG_FILE_BYTES) {
      add(code, path, `${path} is over ${MAX_TAG_FILE_BYTES} bytes; tag files that large are not read.`);
      return null;
    }
    const decoded = decodeTagFile(bytes);
    if (!decoded.ok) add(code, path, `${path} ${decoded.problem}.`);
    return decoded.ok ? decoded.text : null;
  };

  // Structure: RFC 8493 §2.1; bagit-python `Bag._open`, `_validate_structure_payload_directory`,
  // `_validate_structure_tag_files`.
  // The listing comes from a folder or a zip's entry names; a name no manifest could list safely is
  // refused before anything is looked up by it (the zip reader should already have refused it).
  for (const path of [...listing.files.keys(), ...listing.directories]) {
    const unsafe = unsafePathReason(path);
    if (unsafe !== null) add('structure', path, `${JSON.stringify(path)}: ${unsafe}.`);
  }
  const topLevel = [...listing.files.keys()].filter((path) => !path.includes('/')).sort(byCodeUnit);
  if (!listing.files.has('bagit.txt')) {
    add('structure', 'bagit.txt', 'The bag declaration bagit.txt is missing (RFC 8493 §2.1.1).');
  }
  if (listing.files.has('data')) {
    add('structure', 'data', 'data is a file; the payload must be a directory named data (RFC 8493 §2.1.2).');
  } else if (!hasDirectory(listing, 'data')) {
    add('structure', 'data/', 'The payload directory data/ is missing (RFC 8493 §2.1.2).');
  }
  const manifestNames: string[] = [];
  for (const name of topLevel) {
    const named = ANY_MANIFEST_RE.exec(name);
    if (named === null) continue;
    if (manifestKind(name) === null) {
      // bagit-python ignores a manifest whose algorithm it does not know; a manifest nobody checks
      // would let its files go unverified, so we say so.
      add(
        'manifest',
        name,
        `${name} uses the algorithm "${named[2] ?? ''}", which is not checked here ` +
          `(${SUPPORTED_ALGORITHMS.join(', ')}).`,
      );
    } else {
      manifestNames.push(name);
    }
  }
  const payloadManifestNames = manifestNames.filter((name) => manifestKind(name)?.kind === 'payload');
  if (payloadManifestNames.length === 0) {
    add('structure', null, 'The bag has no payload manifest such as manifest-sha256.txt (RFC 8493 §2.1.3).');
  }
  // Two names equal after Unicode normalisation become one file on macOS and cannot be told apart by
  // bagit-python's normalisation-tolerant lookup (`FileNormalizationConflict`).
  const byNfc = new Map<string, string[]>();
  for (const path of listing.files.keys()) {
    const key = path.normalize('NFC');
    byNfc.set(key, [...(byNfc.get(key) ?? []), path]);
  }
  for (const group of byNfc.values()) {
    if (group.length < 2) continue;
    for (const path of group.sort(byCodeUnit)) {
      const others = group.filter((other) => other !== path).map((other) => JSON.stringify(other));
      add(
        'structure',
        path,
        `${JSON.stringify(path)} and ${others.join(', ')} differ only in Unicode normalisation, ` +
          'so they would be one file on some systems.',
      );
    }
  }

  // bagit.txt: RFC 8493 §2.1.1; bagit-python `Bag._open`, `_validate_bagittxt`.
  if (listing.files.has('bagit.txt')) {
    const size = listing.files.get('bagit.txt') ?? 0;
    const bytes = size > MAX_TAG_FILE_BYTES ? null : await readBagFile('bagit.txt');
    if (bytes === null || bytes.length > MAX_TAG_FILE_BYTES) {
      add(
        'bagit-txt',
        'bagit.txt',
        `bagit.txt is over ${MAX_TAG_FILE_BYTES} bytes; a bag declaration is two short lines.`,
      );
    } else {
      const declaration = parseBagitTxt(bytes);
      if (declaration.ok) {
        result.version = declaration.version;
      } else {
        for (const problem of declaration.problems) add('bagit-txt', 'bagit.txt', `bagit.txt: ${problem}.`);
      }
    }
  }
  const version = result.version;
  if (version === null || problems.some((problem) => problem.code === 'structure')) return result;

  // bag-info.txt (optional): RFC 8493 §2.2.2; bagit-python `_load_tag_file`, `_parse_tags`.
  if (listing.files.has('bag-info.txt')) {
    const text = await readTagText('bag-info.txt', 'bag-info');
    if (text !== null) {
      const info = parseBagInfo(text);
      if (info.ok) {
        result.bagInfo = info.entries;
      } else {
        for (const problem of info.problems) add('bag-info', 'bag-info.txt', `bag-info.txt: ${problem}.`);
      }
    }
  }

  // Payload-Oxum: RFC 8493 §2.2.2; bagit-python `_validate_contents`, `_validate_oxum`.
  checkOxum(listing, result.bagInfo, listing.files.has('bag-info.txt'), options.fast === true, add);

  // Manifests: RFC 8493 §2.1.3, §2.2.1; bagit-python `_load_manifests` (which runs for --fast too).
  let unreadableManifest = false;
  for (const name of manifestNames) {
    const code: BagProblemCode = 'manifest';
    const text = await readTagText(name, code);
    if (text === null) {
      unreadableManifest = true;
      continue;
    }
    const { problems: lineProblems, ...manifest } = parseManifest(text, name, version);
    for (const problem of lineProblems) add(code, name, `${name}: ${problem}.`);
    result.manifests.push(manifest);
  }

  // fetch.txt (optional): RFC 8493 §2.2.3; bagit-python `validate_fetch`.
  if (listing.files.has('fetch.txt')) {
    const text = await readTagText('fetch.txt', 'structure');
    if (text !== null) {
      for (const problem of fetchProblems(text, version)) {
        add('structure', 'fetch.txt', `fetch.txt: ${problem}.`);
      }
    }
  }

  // Without every manifest, completeness would only list what the unread one may have named.
  if (options.fast === true || unreadableManifest) return result;
  result.expected = checkCompleteness(listing, result.manifests, version, add);
  return result;
}

type AddProblem = (code: BagProblemCode, path: string | null, message: string) => void;

/**
 * Payload-Oxum against the payload's size and file count. bagit-python uses the first of several
 * values with a warning; RFC 8493 §2.2.2 says it MUST NOT be repeated, so that is reported too.
 * Fast validation without one is an error in bagit-python.
 */
function checkOxum(
  listing: BagListing,
  bagInfo: [string, string][] | null,
  hasBagInfo: boolean,
  fast: boolean,
  add: AddProblem,
): void {
  const path = 'bag-info.txt';
  const values = (bagInfo ?? []).filter(([label]) => label === 'Payload-Oxum').map(([, value]) => value);
  if (values.length === 0) {
    if (fast && (bagInfo !== null || !hasBagInfo)) {
      add('payload-oxum', path, 'Fast validation needs a Payload-Oxum in bag-info.txt, and there is none.');
    }
    return;
  }
  if (values.length > 1) {
    add('payload-oxum', path, `Payload-Oxum is given ${values.length} times; it must appear once.`);
  }
  const value = values[0] ?? '';
  const oxum = parseOxum(value);
  if (oxum === null) {
    add('payload-oxum', path, `Payload-Oxum ${JSON.stringify(value)} is not "<octets>.<files>".`);
    return;
  }
  let bytes = 0;
  let files = 0;
  for (const [file, size] of listing.files) {
    if (!file.startsWith(PAYLOAD_PREFIX)) continue;
    bytes += size;
    files += 1;
  }
  if (oxum.bytes !== bytes || oxum.files !== files) {
    add(
      'payload-oxum',
      path,
      `Payload-Oxum says ${oxum.bytes} bytes in ${oxum.files} files; the payload has ${bytes} bytes in ${files} files.`,
    );
  }
}

/**
 * fetch.txt lines as bagit-python's `fetch_entries` and `validate_fetch` check them: `URL LENGTH
 * PATH`, a URL with a scheme and a host (or a file: URL), a safe path. Stricter, from RFC 8493
 * §2.2.3: LENGTH is digits or "-", and PATH is in the payload. (bagit-python fails on a blank line.)
 */
function fetchProblems(text: string, version: BagItVersion): string[] {
  const problems: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, index) => {
    const where = `line ${index + 1}`;
    const parts = /^(\S+)\s+(\S+)\s+(.+)$/.exec(line.trim());
    if (parts === null) {
      problems.push(`${where}: not "URL LENGTH PATH"`);
      return;
    }
    const [, url = '', length = '', encoded = ''] = parts;
    const path = decodeManifestPath(encoded, version);
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/([^/?#]*))?/.exec(url);
    if (scheme === null || (scheme[1]?.toLowerCase() !== 'file' && (scheme[3] ?? '') === '')) {
      problems.push(`${where}: ${JSON.stringify(url)} is not a URL with a scheme and a host`);
    }
    if (!/^([0-9]+|-)$/.test(length)) {
      problems.push(`${where}: length ${JSON.stringify(length)} is not a number or "-"`);
    }
    const unsafe = unsafePathReason(path);
    if (unsafe !== null) {
      problems.push(`${where}: ${JSON.stringify(path)}: ${unsafe}`);
    } else if (!path.startsWith(PAYLOAD_PREFIX)) {
      problems.push(`${where}: ${JSON.stringify(path)} is not a payload file`);
    }
  });
  return problems;
}

/**
 * Completeness (RFC 8493 §3; bagit-python `_validate_completeness`, `compare_manifests_with_fs`):
 * every file a manifest lists is present, every payload file is in a payload manifest and, for
 * BagIt 1.0, in every payload manifest (RFC 8493 §3 item 4; bagit-python checks only "in some
 * manifest" and then compares just the digests each file has, so this is stricter). Returns the
 * digests to compute, keyed by the listing's path.
 *
 * A listed name that matches a file only after Unicode normalisation (NFC) counts as that file, as
 * in bagit-python, which compares normalised names because file systems may renormalise names after
 * a bag is made (its issue #51). bagit-python then opens the file under its on-disk name only when
 * the manifest has the NFC form; with an NFD manifest name on a non-normalising file system it fails
 * to open it and reports a checksum mismatch. We always hash the file that is there.
 */
function checkCompleteness(
  listing: BagListing,
  manifests: readonly ParsedManifest[],
  version: BagItVersion,
  add: AddProblem,
): ExpectedDigests {
  const expected: ExpectedDigests = new Map();
  const byNfc = new Map<string, string>();
  for (const path of listing.files.keys()) byNfc.set(path.normalize('NFC'), path);
  const resolve = (listed: string): string | null =>
    listing.files.has(listed) ? listed : (byNfc.get(listed.normalize('NFC')) ?? null);

  const missing = new Map<string, string[]>();
  const listedIn = new Map<string, Set<string>>();
  for (const manifest of manifests) {
    const named = new Map<string, string>();
    for (const [listed, digest] of manifest.entries) {
      const file = resolve(listed);
      if (file === null) {
        missing.set(listed, [...(missing.get(listed) ?? []), manifest.fileName]);
        continue;
      }
      const earlier = named.get(file);
      if (earlier !== undefined) {
        add(
          'manifest',
          manifest.fileName,
          `${manifest.fileName}: ${JSON.stringify(earlier)} and ${JSON.stringify(listed)} both name ` +
            `${JSON.stringify(file)} (they differ only in Unicode normalisation).`,
        );
        continue;
      }
      named.set(file, listed);
      listedIn.set(file, (listedIn.get(file) ?? new Set()).add(manifest.fileName));
      // A malformed digest was reported with its manifest and cannot match; it is not computed.
      if (!isDigest(manifest.algorithm, digest)) continue;
      const digests = expected.get(file) ?? new Map<BagAlgorithm, string>();
      digests.set(manifest.algorithm, digest);
      expected.set(file, digests);
    }
  }

  for (const [listed, manifestNames] of missing) {
    const where = manifestNames.join(', ');
    add(
      'missing-file',
      listed,
      hasDirectory(listing, listed)
        ? `${listed} is a directory; ${where} may list only files (RFC 8493 §2.1.3).`
        : `${listed} is listed in ${where} but is not in the bag.`,
    );
  }

  const payloadManifests = manifests.filter((manifest) => manifest.kind === 'payload');
  for (const file of [...listing.files.keys()].sort(byCodeUnit)) {
    if (!file.startsWith(PAYLOAD_PREFIX)) continue;
    const inManifests = listedIn.get(file);
    if (inManifests === undefined) {
      add('unexpected-file', file, `${file} is in the payload but in no payload manifest.`);
      continue;
    }
    // BagIt 0.97 allowed a payload file to be in just one of the payload manifests.
    if (version !== '1.0') continue;
    const absent = payloadManifests.filter((manifest) => !inManifests.has(manifest.fileName));
    if (absent.length > 0) {
      add(
        'unexpected-file',
        file,
        `${file} is not listed in ${absent.map((manifest) => manifest.fileName).join(', ')}; ` +
          'every payload file must be in every payload manifest (RFC 8493 §3).',
      );
    }
  }
  return expected;
}

/** The manifest that expects `algorithm` for `path`. */
function manifestFor(path: string, algorithm: string): string {
  return path.startsWith(PAYLOAD_PREFIX) ? `manifest-${algorithm}.txt` : `tagmanifest-${algorithm}.txt`;
}

/**
 * Phase 2: one 'checksum' problem per file and algorithm whose computed digest differs from the
 * manifest's (bagit-python `_validate_entries`, `ChecksumMismatch`). A digest that was expected but
 * not computed is a bug in the caller, so it throws rather than let a file pass unchecked.
 */
export function compareDigests(
  expected: ReadonlyMap<string, ReadonlyMap<string, string>>,
  computed: ReadonlyMap<string, ReadonlyMap<string, string>>,
): BagProblem[] {
  const problems: BagProblem[] = [];
  for (const [path, digests] of expected) {
    for (const [algorithm, want] of digests) {
      const got = computed.get(path)?.get(algorithm);
      if (got === undefined) throw new Error(`No ${algorithm} digest was computed for ${path}`);
      if (got.toLowerCase() === want.toLowerCase()) continue;
      problems.push({
        code: 'checksum',
        path,
        message: `${path} does not match ${manifestFor(path, algorithm)}: expected ${want.toLowerCase()}, computed ${got.toLowerCase()}.`,
      });
    }
  }
  return problems;
}
