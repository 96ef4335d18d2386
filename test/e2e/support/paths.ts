import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const RENDERER_DIST = join(REPO_ROOT, 'dist/renderer');
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test/e2e/artifacts');

/** Where a screenshot goes: test/e2e/artifacts/ (git-ignored). */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
