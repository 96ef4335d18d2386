import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isLockedElsewhere } from './probe';

const CREATING = /\.[0-9a-f-]{36}\.creating(-journal)?$/;

/** The name a case file is built under beside `path` until it is renamed into place. */
export function creatingPathFor(path: string, id: string): string {
  return join(dirname(path), `.${basename(path)}.${id}.creating`);
}

/**
 * Removes case files whose creation beside `path` was cut off (`creatingPathFor`) and their
 * journals. Such a name carries no process id; one still being created is told by the exclusive
 * lock its creator holds from its first write. Best effort: what cannot be removed waits.
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
    for (const side of ['', '-journal']) removeQuietly(join(dir, `${name}${side}`));
  }
  // A journal whose file is already gone belongs to nothing.
  for (const name of names.filter((n) => n.endsWith('-journal'))) {
    if (!existsSync(join(dir, name.replace(/-journal$/, '')))) removeQuietly(join(dir, name));
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Left for the next creation.
  }
}
