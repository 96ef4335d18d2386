import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A valid BagIt 1.0 bag on disk, written here without main/formats/bagit so the validator is checked
 * against an independent writer (and the writer's quirks follow bagit-python's: two spaces in
 * payload manifests, one in the tag manifest, like `make_manifests` and `_make_tagmanifest_file`).
 */

/**
 * Nested folders, an empty file, a name with '%' and one with a non-ASCII (NFC) letter. The '%' name
 * is valid RFC 8493 (written `%25`), but bagit-python would look for a file named `100%25 draft.txt`
 * (its issue #157); our exporter keeps '%' out of names for that reason.
 */
export const FIXTURE_PAYLOAD: Readonly<Record<string, string>> = {
  'data/case.json': '{"id":"case-1"}\n',
  'data/empty.txt': '',
  'data/evidence/001-access log.csv': 'when,who\n2024-01-01,alice\n',
  'data/evidence/nested/deep/note.txt': 'deep\n',
  'data/letters/100% draft.txt': 'Dear customer,\n',
  'data/caf\u00e9.txt': 'accents\n',
};

export const FIXTURE_ALGORITHMS = ['sha256', 'sha512'] as const;

export const BAGIT_TXT_BYTES = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** bag-info.txt before Payload-Oxum: one value folded onto a second line (RFC 8493 §2.2.2). */
export const FIXTURE_BAG_INFO_LINES = [
  'Source-Organization: Example Ltd',
  'External-Description: Records of the example breach,',
  '  continued on a second line',
  'External-Identifier: case-1',
  'Bagging-Date: 2024-05-01',
];

export function digestOf(algorithm: string, bytes: Uint8Array | string): string {
  return createHash(algorithm).update(bytes).digest('hex');
}

/** RFC 8493 §2.1.3 percent-encoding, written out independently of bag-text.ts. */
export function encodeForManifest(path: string): string {
  let out = '';
  for (const char of path) out += char === '%' ? '%25' : char === '\r' ? '%0D' : char === '\n' ? '%0A' : char;
  return out;
}

/** Every regular file under `dir/sub`, as bag-relative paths with '/', sorted. */
export function filesUnder(dir: string, sub: string): string[] {
  const found: string[] = [];
  const visit = (relative: string): void => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) found.push(path);
    }
  };
  visit(sub);
  return found.sort();
}

export function writePayload(dir: string, payload: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [path, content] of Object.entries(payload)) {
    const target = join(dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** manifest-<alg>.txt for every payload file now on disk. */
export function writeManifests(dir: string, algorithms: readonly string[] = FIXTURE_ALGORITHMS): void {
  const files = filesUnder(dir, 'data');
  for (const algorithm of algorithms) {
    const lines = files.map(
      (path) => `${digestOf(algorithm, readFileSync(join(dir, path)))}  ${encodeForManifest(path)}\n`,
    );
    writeFileSync(join(dir, `manifest-${algorithm}.txt`), lines.join(''));
  }
}

export function payloadOxumOnDisk(dir: string): string {
  const files = filesUnder(dir, 'data');
  const bytes = files.reduce((sum, path) => sum + statSync(join(dir, path)).size, 0);
  return `${bytes}.${files.length}`;
}

/** bag-info.txt with the fixture lines and a Payload-Oxum (computed unless given; none if null). */
export function writeBagInfo(dir: string, oxum?: string | null): void {
  const lines = [...FIXTURE_BAG_INFO_LINES];
  if (oxum !== null) lines.push(`Payload-Oxum: ${oxum ?? payloadOxumOnDisk(dir)}`);
  writeFileSync(join(dir, 'bag-info.txt'), lines.map((line) => `${line}\n`).join(''));
}

/** tagmanifest-sha256.txt over every top-level file except tag manifests, as bagit-python does. */
export function writeTagManifest(dir: string): void {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !/^tagmanifest-.+\.txt$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const lines = names.map((name) => `${digestOf('sha256', readFileSync(join(dir, name)))} ${name}\n`);
  writeFileSync(join(dir, 'tagmanifest-sha256.txt'), lines.join(''));
}

/** The whole bag: payload, payload manifests, bagit.txt, bag-info.txt, tag manifest. */
export function makeBag(
  dir: string,
  payload: Readonly<Record<string, string | Uint8Array>> = FIXTURE_PAYLOAD,
): string {
  writePayload(dir, payload);
  writeManifests(dir);
  writeFileSync(join(dir, 'bagit.txt'), BAGIT_TXT_BYTES);
  writeBagInfo(dir);
  writeTagManifest(dir);
  return dir;
}
