import { randomUUID } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A temporary file's name, `STEM.UUID.PID.KIND`: the writer's process id in the name lets a
 * later run tell a file left by a killed process (removed) from one still being written.
 */
export function temporaryName(stem: string, kind: string): string {
  return `${stem}.${randomUUID()}.${process.pid}.${kind}`;
}

/**
 * A path in `dir` to write a temporary at, after removing what killed earlier runs left there
 * under the same stem and kind: the one way every writer names its temporaries.
 */
export function freshTemporary(dir: string, stem: string, kind: string): string {
  removeStaleTemporaries(dir, stem, kind);
  return join(dir, temporaryName(stem, kind));
}

/**
 * Removes what a killed run left in `dir` under `temporaryName(stem, kind)`: only files whose
 * writer is no longer running, so a run writing the same target at the same time is left alone.
 * Best effort: a file that cannot be listed or removed is left for the next run.
 */
export function removeStaleTemporaries(dir: string, stem: string, kind: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const own = `${escapeRegExp(stem)}\\.${UUID}\\.(\\d+)\\.${escapeRegExp(kind)}`;
  const patterns = [
    new RegExp(`^${own}(-journal)?$`),
    // A temporary case file (a demo being built) that was itself still in creation.
    new RegExp(`^\\.${own}\\.${UUID}\\.creating(-journal)?$`),
  ];
  for (const name of names) {
    const pid = patterns.map((pattern) => pattern.exec(name)?.[1]).find((found) => found !== undefined);
    if (pid === undefined || isRunning(Number(pid))) continue;
    removeQuietly(join(dir, name));
  }
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Left for the next run.
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
