// Locks down every web page Electron creates: no navigation away from our page, no new
// windows, no <webview>, no permission but clipboard writes, and no request that leaves the app:// scheme.
import { app, type Session, type WebContents } from 'electron';
import { isAppPage, isAppUrl } from './app-url';

/** Schemes a request may use: our own files, and the developer tools in development. */
const ALLOWED_REQUEST_PROTOCOLS: ReadonlySet<string> = new Set(['app:', 'devtools:']);

/** Register before any window exists; applies to every webContents created afterwards. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

export function guardWebContents(contents: WebContents): void {
  // Any session a page ends up in (not only the default one) gets the same locks.
  hardenSession(contents.session);
  contents.on('will-navigate', (event) => {
    if (!isAppPage(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppPage(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

const hardened = new WeakSet<Session>();

/** The one permission our own page gets: the copy buttons beside hashes write to the clipboard. */
const PERMISSIONS_FOR_APP_PAGE: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Denies every other permission and cancels every request that is not app:// (or devtools://). */
export function hardenSession(session: Session): void {
  if (hardened.has(session)) return;
  hardened.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(PERMISSIONS_FOR_APP_PAGE.has(permission) && isAppUrl(details.requestingUrl)),
  );
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      PERMISSIONS_FOR_APP_PAGE.has(permission) && isAppUrl(requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
}

function isAllowedRequest(url: string): boolean {
  try {
    return ALLOWED_REQUEST_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
