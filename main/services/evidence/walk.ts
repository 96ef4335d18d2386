import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { BreachdeskError } from '../../../shared/ipc/errors';

export interface SourceFile {
  path: string;
  name: string;
  size: number;
  modified: string | null;
  created: string | null;
}

export interface WalkResult {
  files: SourceFile[];
  skipped: { path: string; reason: string }[];
}

/** A file time, or null where the file system does not keep it (birth time 0). */
function timeOf(ms: number): string | null {
  return ms > 0 ? new Date(ms).toISOString() : null;
}

/**
 * The regular files named, and those inside the folders named, in a stable order. Links inside
 * folders are not followed (they could lead out of the folder or round in a loop).
 */
export async function walkSources(paths: readonly string[]): Promise<WalkResult> {
  const files: SourceFile[] = [];
  const skipped: WalkResult['skipped'] = [];
  const seen = new Set<string>();

  async function visit(path: string, explicit: boolean): Promise<void> {
    const info = explicit ? await stat(path) : await lstat(path);
    if (info.isSymbolicLink()) {
      skipped.push({ path, reason: 'a symbolic link (not followed)' });
    } else if (info.isDirectory()) {
      const entries = (await readdir(path)).sort((a, b) => a.localeCompare(b, 'en'));
      for (const entry of entries) await visit(join(path, entry), false);
    } else if (info.isFile()) {
      if (seen.has(path)) return;
      seen.add(path);
      files.push({
        path,
        name: basename(path),
        size: info.size,
        modified: timeOf(info.mtimeMs),
        created: timeOf(info.birthtimeMs),
      });
    } else {
      skipped.push({ path, reason: 'not a regular file' });
    }
  }

  for (const given of paths) {
    const path = resolve(given);
    try {
      await visit(path, true);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        throw new BreachdeskError('NOT_FOUND', `${JSON.stringify(path)} does not exist.`);
      if (code === 'EACCES' || code === 'EPERM') {
        throw new BreachdeskError('IO_ERROR', `${JSON.stringify(path)} cannot be read (permission denied).`);
      }
      throw error;
    }
  }
  return { files, skipped };
}
