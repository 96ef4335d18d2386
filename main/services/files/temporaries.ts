import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isLockedElsewhere } from '../../casefile/probe';

/** SQLite's side file of a temporary that is a database (the rollback journal). */
const SIDE_FILES = ['', '-journal'];

/**
 * A temporary file's name, `STEM.UUID.PID.KIND`: the writer's process id in the name lets a
 * later run tell a file left by a killed process (removed) from one still being written.
 */
export function temporaryName(stem: string, kind: string): string {
  return `${stem}.${randomUUID()}.${process.pid}.${kind}`;
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

/**
 * Removes case files whose creation beside `path` was cut off (`.NAME.UUID.creating`, named by
 * the case file layer) and their journals. Such a file has no writer's process id in its name;
 * one still being created is told by the exclusive lock its creator holds from its first write.
 */
export function removeAbandonedCreations(path: string): void {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(prefix) && CREATING.test(name));
  } catch {
    return;
  }
  for (const name of names.filter((n) => !n.endsWith('-journal'))) {
    if (isLockedElsewhere(join(dir, name))) continue;
    for (const side of SIDE_FILES) removeQuietly(join(dir, `${name}${side}`));
  }
  // A journal whose file is already gone belongs to nothing.
  for (const name of names.filter((n) => n.endsWith('-journal'))) {
    if (!existsSync(join(dir, name.replace(/-journal$/, '')))) removeQuietly(join(dir, name));
  }
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CREATING = /\.[0-9a-f-]{36}\.creating(-journal)?$/;

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
