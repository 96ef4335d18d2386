import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERER_DIST, REPO_ROOT } from './support/paths';

const SOURCES = ['renderer', 'shared', 'vite.config.ts'];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

function rendererIsStale(): boolean {
  const built = join(RENDERER_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((source) => newestChange(join(REPO_ROOT, source)) > builtAt);
}

/**
 * `npm test` builds before Playwright runs; `npx playwright test` alone builds here when
 * dist/renderer is missing or older than the renderer (or shared) sources.
 */
export default async function globalSetup(): Promise<void> {
  if (!rendererIsStale()) return;
  const { build } = await import('vite');
  await build({ configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
