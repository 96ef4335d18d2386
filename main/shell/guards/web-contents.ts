// Locks down every web page Electron creates (DESIGN.md §8): no navigation away from our page,
// no new windows, no <webview>, and its session hardened. Typed by the events it listens to, so
// Electron's WebContents fits and a test can fire the events on a plain object.
import { isAppPage } from '../app-url';
import { hardenSession, type HardenableSession } from './session';

export interface PreventableEvent {
  preventDefault(): void;
}
export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}
export interface FrameNavigationEvent extends NavigationEvent {
  readonly isMainFrame: boolean;
}

/** The parts of an Electron WebContents the guard uses. */
export interface GuardableContents {
  readonly session: HardenableSession;
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: FrameNavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

export function guardWebContents(contents: GuardableContents): void {
  // Any session a page ends up in (not only the default one) gets the same locks.
  hardenSession(contents.session);
  contents.on('will-navigate', (event) => {
    if (!isAppPage(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // Our page has no frames: a subframe navigating anywhere is refused.
    if (!event.isMainFrame || !isAppPage(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
