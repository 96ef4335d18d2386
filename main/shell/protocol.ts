// Serves dist/renderer on app://breachdesk/. Registering the scheme as standard + secure gives
// the page a proper origin ('self' in the CSP means exactly these files) and a secure context.
// What each request gets is decided in guards/app-request.ts, tested under plain Node.
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { APP_SCHEME } from './app-url';
import { serveAppRequest } from './guards/app-request';

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
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request, { stat, readFile }));
}
