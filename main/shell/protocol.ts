// Serves dist/renderer on app://breachdesk/. Registering the scheme as standard + secure gives
// the page a proper origin ('self' in the CSP means exactly these files) and a secure context.
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { APP_SCHEME } from './app-url';
import { mimeTypeFor, resolveRendererFile, responseHeaders } from './renderer-files';

/** Must run before the app's `ready` event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Installs the handler on the default session; call once the app is ready. */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => serve(rendererRoot, request));
}

async function serve(rendererRoot: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plain(405, 'Method not allowed');
  }
  const lookup = resolveRendererFile(rendererRoot, request.url);
  if (lookup.kind === 'refused') return plain(lookup.status, lookup.reason);
  try {
    const info = await stat(lookup.path);
    if (!info.isFile()) return plain(404, 'Not found');
    const body = request.method === 'HEAD' ? null : await readFile(lookup.path);
    return new Response(body, { status: 200, headers: responseHeaders(mimeTypeFor(lookup.path)) });
  } catch {
    return plain(404, 'Not found');
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: responseHeaders('text/plain; charset=utf-8') });
}
