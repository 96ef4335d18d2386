import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
  });
}

/** Names only a temporary or half-made file has: ours and SQLite's. */
export const TEMPORARY =
  /\.writing|\.creating|\.snapshot\.|-journal$|-wal$|\.tmp$|breachdesk-(verify|merge)[.-]/;

/**
 * What a run added under `dir` beyond the files it was expected to leave: the files there now,
 * less those there before it and those the job may create (`allowed`).
 */
export function unexpectedFiles(
  dir: string,
  before: readonly string[],
  allowed: readonly RegExp[],
): string[] {
  const known = new Set(before);
  return filesUnder(dir).filter(
    (path) => TEMPORARY.test(path) || (!known.has(path) && !allowed.some((pattern) => pattern.test(path))),
  );
}
