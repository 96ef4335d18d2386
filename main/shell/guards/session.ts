// Locks every session a page can end up in (DESIGN.md §8): no permission but clipboard writes
// from our own page, no device access, and no request that leaves the app:// scheme. Typed by
// the calls it makes, so Electron's Session fits and a test can pass a recording fake.
import { isAppUrl } from '../app-url';

/** Schemes a request may use: our own files, and the developer tools in development. */
const ALLOWED_REQUEST_PROTOCOLS: ReadonlySet<string> = new Set(['app:', 'devtools:']);

/** The one permission our own page gets: the copy buttons beside hashes write to the clipboard. */
const PERMISSIONS_FOR_APP_PAGE: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { readonly requestingUrl: string },
) => void;
export type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
) => boolean;
export type BeforeRequestListener = (
  details: { readonly url: string },
  callback: (response: { cancel: boolean }) => void,
) => void;

/** The parts of an Electron Session the locks are set through. */
export interface HardenableSession {
  setPermissionRequestHandler(handler: PermissionRequestHandler): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  readonly webRequest: { onBeforeRequest(listener: BeforeRequestListener): void };
}

// Electron hands out the same Session object for a partition; lock each once.
const hardened = new WeakSet<HardenableSession>();

export function hardenSession(session: HardenableSession): void {
  if (hardened.has(session)) return;
  hardened.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermittedForAppPage(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermittedForAppPage(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
}

function isPermittedForAppPage(permission: string, requestingUrl: string): boolean {
  return PERMISSIONS_FOR_APP_PAGE.has(permission) && isAppUrl(requestingUrl);
}

function isAllowedRequest(url: string): boolean {
  try {
    return ALLOWED_REQUEST_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
