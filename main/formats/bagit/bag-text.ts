/**
 * The text formats of a BagIt 1.0 bag (RFC 8493): the bag declaration `bagit.txt`, the metadata file
 * `bag-info.txt`, payload and tag manifests, and Payload-Oxum. Pure: no I/O, so the exporter, the
 * zip import and the folder validator (bag-check.ts) read and write exactly the same bytes.
 *
 * Reading follows what bagit-python's `Bag` does (LibraryOfCongress/bagit-python, `_parse_tags`,
 * `_load_manifests`, `_validate_oxum`, `_path_is_dangerous`), because our bags must pass
 * `bagit.py --validate` and foreign bags that it accepts should read the same here. Where the RFC
 * forbids something bagit-python lets through, we report it; each such place says so.
 */

/** RFC 8493 §2.1.1, byte for byte: UTF-8, no byte-order mark, LF line ends. */
export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/**
 * The versions we read. 1.0 is RFC 8493; 0.97 (draft-kunze-bagit-14) is what bagit-python wrote
 * before 1.7, with the same files and the rule differences noted where they apply. bagit-python
 * also opens 0.93–0.96 (older tag file names, no tag manifests) and any 1.x; we report those.
 */
const BAGIT_VERSIONS = ['1.0', '0.97'] as const;
export type BagItVersion = (typeof BAGIT_VERSIONS)[number];

/** RFC 8493 §2.4 names; bagit-python accepts any `hashlib.algorithms_guaranteed` name, we these four. */
export const SUPPORTED_ALGORITHMS = ['sha256', 'sha512', 'sha1', 'md5'] as const;
export type BagAlgorithm = (typeof SUPPORTED_ALGORITHMS)[number];

/** The `node:crypto` `createHash` name of each algorithm. */
export const NODE_HASH_NAMES: Readonly<Record<BagAlgorithm, string>> = {
  sha256: 'sha256',
  sha512: 'sha512',
  sha1: 'sha1',
  md5: 'md5',
};

/** Hex digits in a digest of each algorithm. */
export const DIGEST_HEX_LENGTH: Readonly<Record<BagAlgorithm, number>> = {
  sha256: 64,
  sha512: 128,
  sha1: 40,
  md5: 32,
};

/** Payload manifest file names (RFC 8493 §2.1.3); algorithm names are lowercase (§2.4). */
export const MANIFEST_RE = /^manifest-([a-z0-9]+)\.txt$/;
/** Tag manifest file names (RFC 8493 §2.2.1). */
export const TAGMANIFEST_RE = /^tagmanifest-([a-z0-9]+)\.txt$/;
/** Anything named like a manifest, to report algorithms we do not support rather than ignore them. */
export const ANY_MANIFEST_RE = /^(tag)?manifest-(.+)\.txt$/;

function isSupportedAlgorithm(name: string): name is BagAlgorithm {
  return (SUPPORTED_ALGORITHMS as readonly string[]).includes(name);
}

/** Whether `digest` is hex of the right length for `algorithm` (either case: RFC 8493 §2.1.3). */
export function isDigest(algorithm: BagAlgorithm, digest: string): boolean {
  return digest.length === DIGEST_HEX_LENGTH[algorithm] && /^[0-9a-fA-F]+$/.test(digest);
}

// ---------------------------------------------------------------------------------------------
// Python's idea of whitespace and lines. bagit-python strips and splits with `str.strip()` and
// `str.split(None, 1)`, whose whitespace set differs from JavaScript's `\s` (it adds U+001C–U+001F
// and U+0085, and lacks U+FEFF), and reads files in text mode, where only CR, LF and CRLF end a
// line. Mirroring both keeps a name or value from being cut differently here and there.

const PY_WS = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_WS_CHAR = new RegExp(`[${PY_WS}]`);
const PY_STRIP = new RegExp(`^[${PY_WS}]+|[${PY_WS}]+$`, 'g');
const PY_SPLIT_ONCE = new RegExp(`^([^${PY_WS}]+)[${PY_WS}]+([^]*)$`);

function pyStrip(text: string): string {
  return text.replace(PY_STRIP, '');
}

/** Python's universal newlines: CRLF, CR and LF each end a line. */
function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

// ---------------------------------------------------------------------------------------------
// Decoding tag files.

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type DecodedText = { ok: true; text: string } | { ok: false; problem: string };

/**
 * A tag file's bytes as text. RFC 8493 §2.1.1 forbids a byte-order mark in bagit.txt and bagit-python
 * refuses one there (`_validate_bagittxt`); in the other tag files it warns (manifests) or silently
 * makes it part of the first label (bag-info.txt, which could hide Payload-Oxum), so we refuse it in
 * every tag file. Bytes that are not UTF-8 make bagit-python fail with a decoding error.
 */
export function decodeTagFile(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: false, problem: 'starts with a UTF-8 byte-order mark, which BagIt forbids' };
  }
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return { ok: false, problem: 'is not valid UTF-8' };
  }
}

// ---------------------------------------------------------------------------------------------
// Tag files (`Label: Value` lines): bagit.txt and bag-info.txt.

/**
 * `Label: Value` lines as bagit-python's `_parse_tags` reads them: blank lines are skipped; a line
 * that starts with whitespace continues the previous value; any other line must have a colon, the
 * label is what precedes the first one and label and value are stripped. A continuation is unfolded
 * as RFC 5322 does (the line break goes, the indentation stays), which is what bagit-python returns
 * for one continuation line; from the second one on it keeps the line breaks, an artefact of
 * stripping only the first line, which we do not copy. bagit-python silently drops an empty label;
 * RFC 8493 §2.2.2 requires one, so that is a problem here.
 */
function parseTagLines(text: string): { entries: [string, string][]; problems: string[] } {
  const entries: [string, string][] = [];
  const problems: string[] = [];
  let open: [string, string] | null = null;
  const lines = textLines(text);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const lineNo = index + 1;
    if (pyStrip(line) === '') continue;
    if (open !== null && PY_WS_CHAR.test(line[0] ?? '')) {
      open[1] += line;
      continue;
    }
    if (open !== null) entries.push([open[0], pyStrip(open[1])]);
    open = null;
    const colon = line.indexOf(':');
    if (colon < 0) {
      problems.push(`line ${lineNo}: no colon, so not a "Label: Value" line`);
      continue;
    }
    const label = pyStrip(line.slice(0, colon));
    if (label === '') {
      problems.push(`line ${lineNo}: the label before the colon is empty`);
      continue;
    }
    open = [label, line.slice(colon + 1)];
  }
  if (open !== null) entries.push([open[0], pyStrip(open[1])]);
  return { entries, problems };
}

export type BagitTxt =
  { ok: true; version: BagItVersion; encoding: string } | { ok: false; problems: string[] };

/**
 * bagit.txt (RFC 8493 §2.1.1), as bagit-python's `Bag._open` and `_validate_bagittxt` check it: no
 * byte-order mark, both tags present, a version it can read and a known encoding. We read only the
 * versions in BAGIT_VERSIONS and only UTF-8 (bagit-python takes any Python codec); a repeated tag
 * is reported (bagit-python fails on it with a TypeError).
 */
export function parseBagitTxt(bytes: Uint8Array): BagitTxt {
  const decoded = decodeTagFile(bytes);
  if (!decoded.ok) return { ok: false, problems: [`the file ${decoded.problem}`] };
  const { entries, problems } = parseTagLines(decoded.text);
  const values = (label: string): string[] => entries.filter(([l]) => l === label).map(([, v]) => v);
  const single = (label: string): string | null => {
    const found = values(label);
    if (found.length === 0) problems.push(`${label} is missing`);
    if (found.length > 1) problems.push(`${label} is given ${found.length} times`);
    return found.length === 1 ? (found[0] ?? null) : null;
  };
  const version = single('BagIt-Version');
  const encoding = single('Tag-File-Character-Encoding');
  if (version !== null && !(BAGIT_VERSIONS as readonly string[]).includes(version)) {
    problems.push(
      `BagIt-Version ${JSON.stringify(version)} is not one we read (${BAGIT_VERSIONS.join(', ')})`,
    );
  }
  if (encoding !== null && encoding.toLowerCase() !== 'utf-8') {
    problems.push(`Tag-File-Character-Encoding ${JSON.stringify(encoding)} is not UTF-8`);
  }
  if (problems.length > 0 || version === null || encoding === null) return { ok: false, problems };
  return { ok: true, version: version as BagItVersion, encoding };
}

export type BagInfoEntry = readonly [label: string, value: string];

/** Labels we write: no colon (RFC 8493 §2.2.2), and, stricter than the RFC, no whitespace or controls. */
const WRITABLE_LABEL = new RegExp(`^[^:${PY_WS}\\p{Cc}]+$`, 'u');

/**
 * bag-info.txt text (RFC 8493 §2.2.2): one `Label: Value` line per entry, in the order given, LF
 * line ends. A CR or LF in a value becomes a space (bagit-python's `_make_tag_file` deletes them)
 * and the value is trimmed, since a reader strips it anyway; long lines stay unfolded, which the RFC
 * allows (folding is only RECOMMENDED past 79 characters). A label that could not be read back as
 * written is a programming error.
 */
export function formatBagInfo(entries: readonly BagInfoEntry[]): string {
  return entries
    .map(([label, value]) => {
      if (!WRITABLE_LABEL.test(label)) throw new Error(`Not a bag-info.txt label: ${JSON.stringify(label)}`);
      return `${label}: ${pyStrip(value.replace(/\r\n|\r|\n/g, ' '))}\n`;
    })
    .join('');
}

export type BagInfo = { ok: true; entries: [string, string][] } | { ok: false; problems: string[] };

/**
 * bag-info.txt entries in file order; labels may repeat (RFC 8493 §2.2.2). Leniency as bagit-python:
 * any whitespace around the colon, or none, is accepted, though the RFC asks for exactly one.
 */
export function parseBagInfo(text: string): BagInfo {
  const { entries, problems } = parseTagLines(text);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}

// ---------------------------------------------------------------------------------------------
// Manifest paths.

/**
 * RFC 8493 §2.1.3: in a manifest path, `%`, CR and LF (and only those) are percent-encoded.
 * bagit-python encodes only CR and LF (its issue #157), so it misreads a name that contains `%`;
 * see bagitPythonPathProblem.
 */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * The inverse of encodeManifestPath, in one pass (so `%250A` is `%0A`, not a line feed) and in
 * either case, decoding nothing else: `%20` stays `%20`. For a 0.97 bag we decode as bagit-python
 * does for every version (`_decode_filename`: `%0D` and `%0A` only), since the 0.97 draft encodes
 * nothing and bagit-python is what wrote most of those bags.
 */
export function decodeManifestPath(encoded: string, version: BagItVersion = '1.0'): string {
  if (version === '0.97') return encoded.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
  return encoded.replace(/%(25|0D|0A)/gi, (_match, code: string) =>
    code === '25' ? '%' : code.toUpperCase() === '0D' ? '\r' : '\n',
  );
}

/**
 * Why a bag-relative path must not be used, or null. Mirrors bagit-python's `_path_is_dangerous`
 * (absolute, `~` home expansion, escaping the bag) without touching the disk, and adds what is
 * dangerous when a bag is unpacked on another system or what `os.path.normpath` would silently
 * rewrite: backslashes (a separator on Windows, and RFC 8493 §2.1.3 requires `/`), drive letters,
 * NUL, and empty or `.` segments. bagit-python normalises those last ones away; we refuse them, so
 * each manifest line names exactly one file.
 */
export function unsafePathReason(path: string): string | null {
  if (path === '') return 'the path is empty';
  if (path.includes('\0')) return 'the path contains a NUL character';
  if (path.startsWith('/')) return 'the path is absolute';
  if (path.startsWith('~')) return 'the path starts with "~", which expands to a home folder';
  if (path.includes('\\')) return 'the path contains a backslash; BagIt paths use "/"';
  if (/^[A-Za-z]:/.test(path)) return 'the path starts with a drive letter';
  const segments = path.split('/');
  if (segments.includes('..')) return 'the path has a ".." segment and could leave the bag';
  if (segments.some((segment) => segment === '' || segment === '.')) {
    return 'the path has an empty or "." segment';
  }
  return null;
}

/**
 * Why `path` cannot be written to a manifest so that it reads back unchanged, or null: an unsafe
 * path, or one that bagit-python's reader would alter (it strips each line, so leading or trailing
 * whitespace is lost, and it removes leading `*`, the binary-mode mark of `sha256sum`).
 */
export function manifestPathProblem(path: string): string | null {
  const unsafe = unsafePathReason(path);
  if (unsafe !== null) return unsafe;
  if (pyStrip(path) !== path) return 'the path starts or ends with whitespace';
  if (path.startsWith('*')) return 'the path starts with "*"';
  return null;
}

/**
 * Why bagit-python (1.9 and earlier) would read this path's manifest line as another name, or null.
 * RFC 8493 requires `%` to be written as `%25`; bagit-python does not decode `%25` (its issue #157),
 * so it looks for a file literally named with `%25`. No manifest line satisfies both, so a bag that
 * must pass `bagit.py --validate` must not have `%` in its file names.
 */
export function bagitPythonPathProblem(path: string): string | null {
  return path.includes('%')
    ? 'the path contains "%", which RFC 8493 writes as "%25" and bagit-python does not decode'
    : null;
}

// ---------------------------------------------------------------------------------------------
// Manifests.

export interface ManifestEntry {
  path: string;
  digest: string;
}

/**
 * Manifest text (RFC 8493 §2.1.3, §2.2.1): `<digest>  <encoded path>` lines with LF ends, sorted by
 * path so the same files always give the same bytes. Two spaces, as bagit-python's `make_manifests`
 * writes, so `sha256sum -c` can also check the bag. A path that would not read back as written, a
 * repeated path or a digest that is not lowercase hex is a programming error.
 */
export function formatManifest(entries: readonly ManifestEntry[]): string {
  const seen = new Set<string>();
  for (const { path, digest } of entries) {
    const problem = manifestPathProblem(path);
    if (problem !== null) throw new Error(`Cannot list ${JSON.stringify(path)} in a manifest: ${problem}`);
    if (seen.has(path)) throw new Error(`${JSON.stringify(path)} is listed twice`);
    if (!/^[0-9a-f]+$/.test(digest)) throw new Error(`Not a lowercase hex digest: ${JSON.stringify(digest)}`);
    seen.add(path);
  }
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map(({ path, digest }) => `${digest}  ${encodeManifestPath(path)}\n`)
    .join('');
}

export interface ParsedManifest {
  kind: 'payload' | 'tag';
  algorithm: BagAlgorithm;
  fileName: string;
  /**
   * Decoded path → lowercased digest (bagit-python compares `stored_hash.lower()`). Lines whose digest
   * was reported as malformed are still here, so completeness is judged on every listed path;
   * isDigest tells them apart.
   */
  entries: Map<string, string>;
}

/** Which manifest a file name is, or null; an unsupported algorithm is also null. */
export function manifestKind(fileName: string): { kind: 'payload' | 'tag'; algorithm: BagAlgorithm } | null {
  const payload = MANIFEST_RE.exec(fileName);
  const tag = TAGMANIFEST_RE.exec(fileName);
  const algorithm = (payload ?? tag)?.[1];
  if (algorithm === undefined || !isSupportedAlgorithm(algorithm)) return null;
  return { kind: payload ? 'payload' : 'tag', algorithm };
}

/**
 * RFC 8493 §2.1.3: a payload manifest MUST NOT reference files outside the payload directory.
 * §2.2.1: a tag manifest MUST NOT list payload files or tag manifests. bagit-python keeps all entries
 * in one table and checks each against the file it names, so it lets these through.
 */
function misplacedEntryReason(kind: 'payload' | 'tag', path: string): string | null {
  const inPayload = path.startsWith('data/');
  if (kind === 'payload' && !inPayload) return 'a payload manifest lists only files under data/';
  if (kind === 'tag' && inPayload) return 'a tag manifest must not list payload files';
  if (kind === 'tag' && /^tagmanifest-.+\.txt$/.test(path))
    return 'a tag manifest must not list tag manifests';
  return null;
}

/**
 * A manifest's lines as bagit-python's `_load_manifests` reads them: each line is stripped, blank
 * lines and lines starting with `#` are skipped, the rest is split at the first run of whitespace
 * into digest and path, leading `*` is removed from the path, which is then percent-decoded.
 * Reported (each as `line N: …`), where bagit-python logs and skips a line without a path, leaves a
 * bad digest to fail as a mismatch, and raises for unsafe or repeated paths: a line without a path,
 * a digest that is not hex of the algorithm's length, an unsafe path (unsafePathReason), a path in
 * the wrong kind of manifest (misplacedEntryReason) and a path listed twice; lines with unsafe or
 * misplaced paths are dropped. `fileName` must be a supported manifest name.
 */
export function parseManifest(
  text: string,
  fileName: string,
  version: BagItVersion = '1.0',
): ParsedManifest & { problems: string[] } {
  const kind = manifestKind(fileName);
  if (kind === null) throw new Error(`Not a supported manifest name: ${fileName}`);
  const entries = new Map<string, string>();
  const problems: string[] = [];
  const lines = textLines(text);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    const lineNo = index + 1;
    const line = pyStrip(raw);
    if (line === '' || line.startsWith('#')) continue;
    const parts = PY_SPLIT_ONCE.exec(line);
    if (parts === null) {
      problems.push(`line ${lineNo}: no path after the digest`);
      continue;
    }
    const digest = parts[1] ?? '';
    const path = decodeManifestPath((parts[2] ?? '').replace(/^\*+/, ''), version);
    const unsafe = unsafePathReason(path);
    if (unsafe !== null) {
      problems.push(`line ${lineNo}: ${JSON.stringify(path)}: ${unsafe}`);
      continue;
    }
    const misplaced = misplacedEntryReason(kind.kind, path);
    if (misplaced !== null) {
      problems.push(`line ${lineNo}: ${JSON.stringify(path)}: ${misplaced}`);
      continue;
    }
    if (!isDigest(kind.algorithm, digest)) {
      problems.push(
        `line ${lineNo}: ${JSON.stringify(path)}: ${JSON.stringify(digest)} is not a ${kind.algorithm} digest ` +
          `(${DIGEST_HEX_LENGTH[kind.algorithm]} hex digits)`,
      );
    }
    if (entries.has(path)) {
      problems.push(`line ${lineNo}: ${JSON.stringify(path)} is listed more than once`);
      continue;
    }
    entries.set(path, digest.toLowerCase());
  }
  return { ...kind, fileName, entries, problems };
}

// ---------------------------------------------------------------------------------------------
// Payload-Oxum (RFC 8493 §2.2.2): `<octet count>.<stream count>` of the payload.

export function payloadOxum(bytes: number, files: number): string {
  if (!Number.isSafeInteger(bytes) || bytes < 0 || !Number.isSafeInteger(files) || files < 0) {
    throw new Error(`Not a Payload-Oxum: ${bytes} bytes in ${files} files`);
  }
  return `${bytes}.${files}`;
}

/**
 * The two counts, or null when the value is not two runs of ASCII digits joined by a dot (bagit-python
 * checks `isdigit()` on each side of the first dot, and fails outright when there is no dot).
 */
export function parseOxum(value: string): { bytes: number; files: number } | null {
  const match = /^([0-9]+)\.([0-9]+)$/.exec(value);
  if (match === null) return null;
  const bytes = Number(match[1]);
  const files = Number(match[2]);
  return Number.isSafeInteger(bytes) && Number.isSafeInteger(files) ? { bytes, files } : null;
}
