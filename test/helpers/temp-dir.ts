import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDir(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-test-'));
    made.push(dir);
    return dir;
  };
}

/** One temporary folder for a whole file's tests (made in beforeAll), removed after the last. */
export function useSharedTempDir(): () => string {
  let dir: string | null = null;
  afterAll(() => {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  });
  return () => (dir ??= mkdtempSync(join(tmpdir(), 'breachdesk-test-')));
}
