// Answers one app:// request from the files under the renderer root: only GET and HEAD, only
// paths resolveRendererFile confines to that folder, every answer with the CSP headers. The file
// system is passed in so a test can watch what is (and is not) read.
import { mimeTypeFor, resolveRendererFile, responseHeaders } from '../renderer-files';

/** The parts of a fetch Request the handler reads. */
export interface AppRequest {
  readonly method: string;
  readonly url: string;
}

/** The file calls the handler makes (node:fs/promises fits). */
export interface RendererFileSystem {
  stat(path: string): Promise<{ isFile(): boolean }>;
  readFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
}

export async function serveAppRequest(
  rendererRoot: string,
  request: AppRequest,
  fs: RendererFileSystem,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plain(405, 'Method not allowed');
  }
  const lookup = resolveRendererFile(rendererRoot, request.url);
  if (lookup.kind === 'refused') return plain(lookup.status, lookup.reason);
  try {
    const info = await fs.stat(lookup.path);
    if (!info.isFile()) return plain(404, 'Not found');
    const body = request.method === 'HEAD' ? null : await fs.readFile(lookup.path);
    return new Response(body, { status: 200, headers: responseHeaders(mimeTypeFor(lookup.path)) });
  } catch {
    // Missing or unreadable: the page learns no more than "not found".
    return plain(404, 'Not found');
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: responseHeaders('text/plain; charset=utf-8') });
}
