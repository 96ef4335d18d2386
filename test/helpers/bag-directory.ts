import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  checkBag,
  compareDigests,
  type BagCheckOptions,
  type BagProblem,
  type ExpectedDigests,
} from '../../main/formats/bagit/bag-check';
import { NODE_HASH_NAMES, type BagAlgorithm } from '../../main/formats/bagit/bag-text';

// The general BagIt checks for a bag that is a folder on disk, with any of the supported
// algorithms: only tests use them (to check what the export writes, as bagit-python would), so
// they live here, not in main/ (issue 15, point 8). Production checks bags inside zips.

/** Feeds each chunk to every algorithm once, so a file is read once for all its manifests. */
export interface MultiHasher {
  update(chunk: Uint8Array): void;
  digest(): Map<BagAlgorithm, string>;
}

export function createMultiHasher(algorithms: Iterable<BagAlgorithm>): MultiHasher {
  const hashes = new Map<BagAlgorithm, Hash>();
  for (const algorithm of algorithms) hashes.set(algorithm, createHash(NODE_HASH_NAMES[algorithm]));
  return {
    update(chunk) {
      for (const hash of hashes.values()) hash.update(chunk);
    },
    digest() {
      return new Map([...hashes].map(([algorithm, hash]) => [algorithm, hash.digest('hex')]));
    },
  };
}

/** Sorts by UTF-16 code unit, as the bag checks do, so problems come in a stable order. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const HASH_CHUNK_BYTES = 1024 * 1024;
const PARALLEL_FILES = 4;
const UTF8_NAME = new TextDecoder('utf-8', { fatal: true });

/**
 * Validates a bag that is a folder on disk: lists it (refusing symbolic links, which could point
 * outside the bag, and anything that is not a regular file or directory), runs checkBag, reads each
 * file once through all the digests its manifests expect, and compares. A file that cannot be read
 * is a 'checksum' problem, as in bagit-python (`_calc_hashes`). Throws when `dir` itself cannot be
 * listed.
 */
export async function validateBagDirectory(
  dir: string,
  options: BagCheckOptions = {},
): Promise<BagProblem[]> {
  const problems: BagProblem[] = [];
  const files = new Map<string, number>();
  const directories = new Set<string>();
  await walk(dir, '', files, directories, problems);
  const absolute = (path: string): string => join(dir, ...path.split('/'));

  const check = await checkBag({ files, directories }, (path) => readFile(absolute(path)), options);
  problems.push(...check.problems);

  const pending = [...check.expected];
  const computed = new Map<string, Map<BagAlgorithm, string>>();
  const unreadable = new Map<string, string>();
  const worker = async (): Promise<void> => {
    for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
      const [path, digests] = next;
      try {
        computed.set(path, await hashFile(absolute(path), digests.keys()));
      } catch (error) {
        unreadable.set(path, error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_FILES }, worker));

  const readable: ExpectedDigests = new Map();
  for (const [path, digests] of check.expected) {
    const reason = unreadable.get(path);
    if (reason === undefined) readable.set(path, digests);
    else problems.push({ code: 'checksum', path, message: `${path} could not be read: ${reason}` });
  }
  problems.push(...compareDigests(readable, computed));
  return problems;
}

async function hashFile(
  path: string,
  algorithms: Iterable<BagAlgorithm>,
): Promise<Map<BagAlgorithm, string>> {
  const hasher = createMultiHasher(algorithms);
  const stream = createReadStream(path, { highWaterMark: HASH_CHUNK_BYTES });
  for await (const chunk of stream as AsyncIterable<Buffer>) hasher.update(chunk);
  return hasher.digest();
}

async function walk(
  absoluteDir: string,
  relativeDir: string,
  files: Map<string, number>,
  directories: Set<string>,
  problems: BagProblem[],
): Promise<void> {
  let entries;
  try {
    entries = await readdir(absoluteDir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    // The bag's own folder must be listable (that error is the caller's); a folder inside it is a problem.
    if (relativeDir === '') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({
      code: 'structure',
      path: relativeDir,
      message: `${relativeDir} could not be listed: ${reason}`,
    });
    return;
  }
  const named: { name: string; entry: (typeof entries)[number] }[] = [];
  for (const entry of entries) {
    let name: string;
    try {
      name = UTF8_NAME.decode(entry.name);
    } catch {
      const shown = relativeDir + (relativeDir ? '/' : '') + entry.name.toString('utf8');
      problems.push({
        code: 'structure',
        path: shown,
        message: `${shown}: the file name is not valid UTF-8.`,
      });
      continue;
    }
    named.push({ name, entry });
  }
  named.sort((a, b) => byCodeUnit(a.name, b.name));
  for (const { name, entry } of named) {
    const path = relativeDir === '' ? name : `${relativeDir}/${name}`;
    const absolute = join(absoluteDir, name);
    if (entry.isSymbolicLink()) {
      problems.push({
        code: 'structure',
        path,
        message: `${path} is a symbolic link; links are refused because they can point outside the bag.`,
      });
    } else if (entry.isDirectory()) {
      directories.add(path);
      await walk(absolute, path, files, directories, problems);
    } else if (entry.isFile()) {
      files.set(path, (await lstat(absolute)).size);
    } else {
      problems.push({ code: 'structure', path, message: `${path} is not a regular file or a directory.` });
    }
  }
}
