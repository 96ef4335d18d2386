import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { APP_ORIGIN } from '../../../main/shell/app-url';
import {
  CONTENT_SECURITY_POLICY,
  mimeTypeFor,
  resolveRendererFile,
} from '../../../main/shell/renderer-files';
import { RENDERER_DIST } from '../support/paths';

export const ORIGIN = 'http://breachdesk.test';
export const APP_URL = `${ORIGIN}/index.html`;

/**
 * Resolves a test-origin URL exactly as the Electron shell resolves its app:// URLs, so the
 * e2e tier exercises the shell's own path guard, MIME types and CSP.
 */
function fileFor(url: string): string | null {
  const { pathname, search } = new URL(url);
  const lookup = resolveRendererFile(RENDERER_DIST, `${APP_ORIGIN}${pathname}${search}`);
  if (lookup.kind !== 'file') return null;
  return existsSync(lookup.path) && statSync(lookup.path).isFile() ? lookup.path : null;
}

/**
 * Serves dist/renderer from disk for http://breachdesk.test/ and refuses every other request:
 * no server, no network.
 */
export async function serveRenderer(page: Page): Promise<void> {
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) {
    throw new Error('dist/renderer/index.html is missing; run `npx vite build` (globalSetup normally does).');
  }
  await page.route('**/*', (route) => route.abort('blockedbyclient'));
  await page.route(`${ORIGIN}/**`, async (route) => {
    const file = fileFor(route.request().url());
    if (file === null) {
      await route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      body: readFileSync(file),
      contentType: mimeTypeFor(file),
      headers: {
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  });
}
