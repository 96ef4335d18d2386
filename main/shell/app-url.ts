// Where the renderer lives. The page is served from a privileged custom scheme rather than
// file:// so it has a real origin, a CSP header and no file-system reach (DESIGN.md §8).
// No electron import here: this is plain logic the shell's other files share.

export const APP_SCHEME = 'app';
export const APP_HOST = 'breachdesk';
/** WHATWG URL gives 'null' as the origin of non-special schemes, so compare scheme and host. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for any URL served by our own scheme and host. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** True for the app's own page (the only place a window may navigate to). */
export function isAppPage(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null || !isAppUrl(url)) return false;
  return parsed.pathname === '/' || parsed.pathname === '/index.html';
}
