import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Longest any wait on an observable state may take before the test gives up. */
const POLL_LIMIT_MS = 120_000;

/**
 * Polls `condition` on every turn of the event loop (fine-grained enough to catch a journal
 * that is hot for a millisecond) until it holds (true) or `stop` does (false). Bounded: a state
 * that never comes fails the test instead of hanging it.
 */
export async function pollUntil(condition: () => boolean, stop: () => boolean): Promise<boolean> {
  const limit = Date.now() + POLL_LIMIT_MS;
  for (;;) {
    if (condition()) return true;
    if (stop()) return false;
    if (Date.now() > limit) throw new Error(`Nothing observable happened within ${POLL_LIMIT_MS} ms.`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

/** The names in `dir` that match, or none when it cannot be read. */
export function namesMatching(dir: string, pattern: RegExp): string[] {
  try {
    return readdirSync(dir).filter((name) => pattern.test(name));
  } catch {
    return [];
  }
}

/** The largest file in `dir` whose name matches, -1 when there is none. */
export function largestMatching(dir: string, pattern: RegExp): number {
  return Math.max(-1, ...namesMatching(dir, pattern).map((name) => sizeOf(join(dir, name))));
}

const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

/**
 * Whether `FILE-journal` is hot right now: present, non-empty and starting with SQLite's
 * journal magic (a committed change zeroes it). Killed now, the change must be rolled back.
 */
export function journalIsHot(casePath: string): boolean {
  let fd: number;
  try {
    fd = openSync(`${casePath}-journal`, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(JOURNAL_MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(JOURNAL_MAGIC);
  } finally {
    closeSync(fd);
  }
}
