import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { freshTemporary } from './temporaries';

/**
 * Where an output file goes: the absolute target, refused when its folder is missing or when it
 * exists and replacing it was not asked for, and a temporary name beside it to write first.
 * Temporaries a killed earlier run left for the same target are removed here.
 */
export function outputTarget(path: string, overwrite: boolean): { target: string; temporary: string } {
  const target = resolve(path);
  if (!existsSync(dirname(target))) {
    throw new BreachdeskError('NOT_FOUND', `The folder ${JSON.stringify(dirname(target))} does not exist.`);
  }
  if (existsSync(target) && !overwrite) {
    throw new BreachdeskError(
      'ALREADY_EXISTS',
      `${JSON.stringify(target)} already exists; choose another name.`,
    );
  }
  return { target, temporary: freshTemporary(dirname(target), `.${basename(target)}`, 'writing') };
}

/** An I/O failure said in a sentence that names the file; expected failures pass through. */
export function writeErrorFor(error: unknown, target: string): unknown {
  if (error instanceof BreachdeskError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code)
    ? new BreachdeskError('IO_ERROR', `${JSON.stringify(target)} could not be written (${code}).`)
    : error;
}

/** Writes bytes under a temporary name and renames them into place: never a half-written file. */
export async function writeFileAtomically(
  path: string,
  bytes: string | Uint8Array,
  overwrite: boolean,
): Promise<string> {
  const { target, temporary } = outputTarget(path, overwrite);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      // On disk before the rename makes it visible, so a power cut cannot leave an empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw writeErrorFor(error, target);
  }
  return target;
}

/**
 * The synchronous form for small per-user files (recent cases, keys): written owner-only under a
 * temporary name beside `path`, synced, then renamed over it. What a killed earlier write left
 * is removed first.
 */
export function replaceFileSync(path: string, bytes: string | Uint8Array): void {
  const temporary = freshTemporary(dirname(path), basename(path), 'tmp');
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The mode given to open is filtered by the umask; a key file must be owner-only regardless.
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
