import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { RENDERER_DIST } from '../support/paths';

export const ORIGIN = 'http://breachdesk.test';
export const APP_URL = `${ORIGIN}/index.html`;

/** The same policy as renderer/index.html's meta tag, sent as a header too (as a server would). */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function fileFor(url: string): string | null {
  const pathname = decodeURIComponent(new URL(url).pathname);
  const file = resolve(RENDERER_DIST, `.${pathname === '/' ? '/index.html' : pathname}`);
  const inside = relative(RENDERER_DIST, file);
  if (inside.startsWith('..') || inside.startsWith(sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
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
      contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      headers: {
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  });
}
