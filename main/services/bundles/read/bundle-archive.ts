import type { BundleProblem, EnvelopeKind } from '../../../../shared/domain/bundle';
import type { BagListing } from '../../../formats/bagit/bag-check';
import {
  openZip,
  ZipRefusedError,
  type ZipArchive,
  type ZipEntry,
  type ZipLimits,
} from '../../../formats/zip/zip-reader';
import type { Job } from '../../jobs';
import { openEnvelope, type EnvelopeUnlock } from '../envelope/open-envelope';

/** Tag files are read whole; nothing Breachdesk writes comes near this. */
const MAX_TAG_FILE_BYTES = 16 * 1024 * 1024;

/** A zip that passed the hostile-input checks and holds exactly one bag folder. */
export interface BundleArchive {
  /** Closing it also deletes the scratch file an envelope's zip was decrypted to. */
  zip: ZipArchive;
  /** The age envelope the zip came in, already opened and authenticated. */
  envelope: EnvelopeKind;
  /** The bag's folder name (the zip's single top-level directory). */
  root: string;
  listing: BagListing;
  /** Bag-relative path → its zip entry, in the order the entries sit in the zip. */
  entries: ReadonlyMap<string, ZipEntry>;
  readText(path: string): Promise<Uint8Array>;
}

export type OpenedBundle =
  { ok: true; archive: BundleArchive } | { ok: false; problem: BundleProblem; envelope: EnvelopeKind };

/** How to open an age envelope around the zip, and the job to report its decryption to. */
export interface ArchiveUnlock extends EnvelopeUnlock {
  job: Job;
}

/**
 * Opens a bundle as hostile input: an age envelope is opened first (every chunk authenticated),
 * then the zip checks refuse unsafe names, links, encryption, duplicates and bombs before anything
 * is read, then the entries must all sit under one folder.
 */
export async function openBundleArchive(
  path: string,
  unlock: ArchiveUnlock,
  limits?: Partial<ZipLimits>,
): Promise<OpenedBundle> {
  const opened = await openEnvelope(path, unlock, unlock.job);
  if (opened.kind === 'damaged') {
    return {
      ok: false,
      problem: { code: 'envelope', path: null, message: opened.message },
      envelope: opened.envelope,
    };
  }
  const envelope = opened.kind === 'sealed' ? opened.envelope : 'none';
  let zip: ZipArchive;
  try {
    // The scratch file belongs to the archive from here: closed (and deleted) with it, or on a refusal.
    zip = await openZip(opened.kind === 'sealed' ? opened.file : path, limits);
  } catch (error) {
    if (error instanceof ZipRefusedError)
      return { ok: false, problem: { code: 'archive', path: error.entry, message: error.message }, envelope };
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') {
      const message =
        code === 'ENOENT'
          ? `There is no file at ${JSON.stringify(path)}.`
          : code === 'EISDIR'
            ? `${JSON.stringify(path)} is a folder, not a bundle.`
            : `The bundle ${JSON.stringify(path)} cannot be read (${code}).`;
      return { ok: false, problem: { code: 'archive', path: null, message }, envelope };
    }
    throw error;
  }
  const roots = new Set(zip.entries.map((entry) => entry.name.split('/')[0] ?? ''));
  const [root] = roots;
  if (
    roots.size !== 1 ||
    root === undefined ||
    !zip.entries.every((e) => e.name.startsWith(`${root}/`) || e.name === root)
  ) {
    await zip.close();
    return {
      ok: false,
      envelope,
      problem: {
        code: 'structure',
        path: null,
        message: `A bundle holds exactly one bag folder; this zip has ${roots.size} top-level names (${[...roots].slice(0, 5).join(', ')}).`,
      },
    };
  }
  const files = new Map<string, number>();
  const directories = new Set<string>();
  const entries = new Map<string, ZipEntry>();
  for (const entry of zip.entries) {
    const relative = entry.name.slice(root.length + 1).replace(/\/$/, '');
    if (relative === '') continue;
    if (entry.isDirectory) {
      directories.add(relative);
    } else {
      files.set(relative, entry.size);
      entries.set(relative, entry);
    }
    // Every folder on the way to an entry exists in the bag.
    const parts = relative.split('/');
    for (let i = 1; i < parts.length; i += 1) directories.add(parts.slice(0, i).join('/'));
  }
  const tagFiles = new Map<string, Promise<Uint8Array>>();
  const archive: BundleArchive = {
    zip,
    envelope,
    root,
    listing: { files, directories },
    entries,
    // The bag check and the signature check both read the tag manifest: read each file once.
    readText: (relative) => {
      let bytes = tagFiles.get(relative);
      if (bytes === undefined) {
        const entry = entries.get(relative);
        if (entry === undefined) return Promise.reject(new Error(`no entry ${relative}`));
        bytes = zip.readEntryBytes(entry, MAX_TAG_FILE_BYTES);
        tagFiles.set(relative, bytes);
      }
      return bytes;
    },
  };
  return { ok: true, archive };
}
