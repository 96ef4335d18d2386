// Maps app:// URLs to files under dist/renderer and says how to answer. Plain Node, no electron
// import, so the rules (no escaping the folder, exact MIME types, CSP) are easy to test.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-url';

/**
 * The same policy as the <meta> tag in renderer/index.html, plus frame-ancestors, which only
 * works as a header. Sent on every response so even a page without the tag is locked down.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers for every app:// response. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    // Vite marks module scripts `crossorigin`, so they are fetched in CORS mode: name our own
    // origin (and only it) as allowed. Nothing else can reach this scheme anyway.
    'Access-Control-Allow-Origin': APP_ORIGIN,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

export type FileLookup =
  { kind: 'file'; path: string } | { kind: 'refused'; status: 400 | 403 | 404; reason: string };

/**
 * Resolves a request URL to a file inside `root`, refusing other hosts, encoded separators,
 * NUL bytes and anything that would land outside the folder.
 */
export function resolveRendererFile(root: string, requestUrl: string): FileLookup {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { kind: 'refused', status: 404, reason: 'not an app:// URL for this app' };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed percent-encoding' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) {
    return { kind: 'refused', status: 400, reason: 'forbidden character in path' };
  }
  const wanted = pathname === '/' || pathname === '' ? '/index.html' : pathname;
  const base = resolve(root);
  const target = resolve(base, `.${wanted}`);
  const inside = relative(base, target);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { kind: 'refused', status: 403, reason: 'path escapes the renderer folder' };
  }
  return { kind: 'file', path: target };
}
