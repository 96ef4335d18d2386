import { describe, expect, it } from 'vitest';
import {
  guardWebContents,
  type FrameNavigationEvent,
  type GuardableContents,
  type NavigationEvent,
  type PreventableEvent,
} from '../../main/shell/guards/web-contents';
import { FakeSession } from './shell-fake-session';

type Listener = (event: FrameNavigationEvent) => void;

/** A WebContents as far as the guard uses it: records listeners so a test can fire them. */
class FakeContents implements GuardableContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: (() => { action: 'deny' }) | null = null;

  constructor(readonly session: FakeSession = new FakeSession()) {}

  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): this;
  on(event: 'will-frame-navigate', listener: (event: FrameNavigationEvent) => void): this;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Fires an event as Electron would and says whether a listener prevented it. */
  fire(name: string, url = '', isMainFrame = true): boolean {
    let prevented = false;
    const event = { url, isMainFrame, preventDefault: () => void (prevented = true) };
    for (const listener of this.listeners.get(name) ?? []) listener(event);
    return prevented;
  }
}

function guarded(): FakeContents {
  const contents = new FakeContents();
  guardWebContents(contents);
  return contents;
}

const APP_PAGES = ['app://breachdesk/', 'app://breachdesk/index.html', 'app://breachdesk/index.html#/case'];
const ELSEWHERE = [
  'https://example.com/',
  'http://localhost:5173/',
  'file:///etc/passwd',
  'app://breachdesk/assets/app.js',
  'app://evil/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>1</script>',
  'about:blank',
  'not a url',
];

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('lets %s reach our page', (name) => {
    const contents = guarded();
    for (const url of APP_PAGES) expect(contents.fire(name, url), url).toBe(false);
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('prevents %s anywhere else', (name) => {
    const contents = guarded();
    for (const url of ELSEWHERE) expect(contents.fire(name, url), url).toBe(true);
  });

  it('prevents a subframe navigating, even to our page', () => {
    const contents = guarded();
    expect(contents.fire('will-frame-navigate', 'app://breachdesk/index.html', false)).toBe(true);
  });

  it('prevents every <webview> from attaching', () => {
    expect(guarded().fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it("hardens the page's session, once however many pages share it", () => {
    const session = new FakeSession();
    guardWebContents(new FakeContents(session));
    guardWebContents(new FakeContents(session));
    expect(session.requestHandlers).toHaveLength(1);
    expect(session.beforeRequestListeners).toHaveLength(1);
  });
});
