import { createHash } from 'node:crypto';
import { openZip } from '../../main/formats/zip/zip-reader';
import { ZipWriter } from '../../main/formats/zip/zip-writer';
import { signDetached, type SigningKey } from '../../main/services/bundles/signing/signing-keys';

/**
 * Damaged and tampered copies of a real bundle, for the tests of verify, import and merge. A bundle
 * is read whole (bag-relative path → bytes, in zip order), changed, and written again as a fresh
 * STORED zip, so every CRC-32 is right and only the bag-level checks can catch the change. Manifests
 * are edited here as text, independently of main/formats/bagit.
 */

export const SIGNATURE = 'tagmanifest-sha256.txt.sig';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';
export const MANIFEST = 'manifest-sha256.txt';
export const SNAPSHOT = 'data/case.bdcase';

export interface BundleFiles {
  /** The bag's folder name. */
  root: string;
  /** Bag-relative path → bytes, in the order the zip holds them. */
  files: Map<string, Buffer>;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readBundle(path: string): Promise<BundleFiles> {
  const zip = await openZip(path);
  try {
    const first = zip.entries[0]?.name ?? '';
    const root = first.split('/')[0] ?? '';
    const files = new Map<string, Buffer>();
    for (const entry of zip.entries) {
      if (entry.isDirectory) continue;
      files.set(entry.name.slice(root.length + 1), await zip.readEntryBytes(entry, Number.MAX_SAFE_INTEGER));
    }
    return { root, files };
  } finally {
    await zip.close();
  }
}

export async function writeBundle(path: string, bundle: BundleFiles): Promise<string> {
  const zip = await ZipWriter.create(path);
  try {
    for (const [name, bytes] of bundle.files) {
      await zip.addFile(`${bundle.root}/${name}`, bytes.length, bytes, {
        modified: new Date('2026-11-28T12:00:00Z'),
      });
    }
    await zip.finish();
  } catch (error) {
    await zip.abort();
    throw error;
  }
  return path;
}

/** A copy of `source` at `target` with `edit` applied to its files (a fresh map, safe to change). */
export async function editBundle(
  source: string,
  target: string,
  edit: (bundle: BundleFiles) => void | Promise<void>,
): Promise<string> {
  const bundle = await readBundle(source);
  await edit(bundle);
  return writeBundle(target, bundle);
}

export function fileOf(bundle: BundleFiles, path: string): Buffer {
  const bytes = bundle.files.get(path);
  if (bytes === undefined) throw new Error(`no ${path} in the bundle`);
  return bytes;
}

/** The first evidence file of the bundle. */
export function firstEvidencePath(bundle: BundleFiles): string {
  const path = [...bundle.files.keys()].find((p) => p.startsWith('data/evidence/'));
  if (path === undefined) throw new Error('the bundle has no evidence file');
  return path;
}

/** The bytes with one byte inverted (in the middle). */
export function flipByte(bytes: Buffer, at = Math.floor(bytes.length / 2)): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

/** A manifest's text with the digest of `path` replaced (the line must exist). */
export function setDigest(manifest: string, path: string, digest: string): string {
  let found = false;
  const lines = manifest.split('\n').map((line) => {
    const match = /^([0-9a-f]+)(\s+)(.+)$/.exec(line);
    if (match === null || match[3] !== path) return line;
    found = true;
    return `${digest}${match[2]}${path}`;
  });
  if (!found) throw new Error(`${path} is not listed`);
  return lines.join('\n');
}

/** Replaces a bag-info.txt label's value (the label must be there, on one line). */
export function setBagInfo(bagInfo: string, label: string, value: string): string {
  const pattern = new RegExp(`^${label}: .*$`, 'm');
  if (!pattern.test(bagInfo)) throw new Error(`bag-info.txt has no ${label}`);
  return bagInfo.replace(pattern, `${label}: ${value}`);
}

/** Payload-Oxum of the files now under data/. */
export function oxumOf(bundle: BundleFiles): string {
  const payload = [...bundle.files].filter(([path]) => path.startsWith('data/'));
  return `${payload.reduce((sum, [, bytes]) => sum + bytes.length, 0)}.${payload.length}`;
}

/** Rewrites the payload manifest line of `path` to its current bytes' digest. */
export function refreshManifest(bundle: BundleFiles, path: string): void {
  const manifest = fileOf(bundle, MANIFEST).toString('utf8');
  bundle.files.set(MANIFEST, Buffer.from(setDigest(manifest, path, sha256(fileOf(bundle, path)))));
}

/** Rewrites every digest in the tag manifest to the tag files' current bytes. */
export function refreshTagManifest(bundle: BundleFiles): void {
  let text = fileOf(bundle, TAG_MANIFEST).toString('utf8');
  for (const line of text.split('\n')) {
    const path = /^[0-9a-f]+\s+(.+)$/.exec(line)?.[1];
    if (path !== undefined) text = setDigest(text, path, sha256(fileOf(bundle, path)));
  }
  bundle.files.set(TAG_MANIFEST, Buffer.from(text));
}

/** Signs the tag manifest as it now is with `key` (the signature file alone; bag-info is unchanged). */
export function resign(bundle: BundleFiles, key: SigningKey): void {
  bundle.files.set(SIGNATURE, Buffer.from(signDetached(key, fileOf(bundle, TAG_MANIFEST))));
}
