import { describe, expect, it } from 'vitest';
import { hardenSession } from '../../main/shell/guards/session';
import { FakeSession } from './shell-fake-session';

function hardened(): FakeSession {
  const session = new FakeSession();
  hardenSession(session);
  return session;
}

const OTHER_PERMISSIONS = [
  'clipboard-read',
  'media',
  'geolocation',
  'notifications',
  'openExternal',
  'fileSystem',
  'hid',
  'usb',
  'serial',
  'fullscreen',
  'unknown',
];

describe('hardenSession', () => {
  it('grants a clipboard write to our own page', () => {
    const session = hardened();
    expect(session.request('clipboard-sanitized-write', 'app://breachdesk/index.html')).toBe(true);
    expect(session.check('clipboard-sanitized-write', 'app://breachdesk')).toBe(true);
  });

  it.each(['https://example.com/', 'file:///tmp/page.html', 'app://evil/', 'about:blank', ''])(
    'refuses a clipboard write from %j',
    (url) => {
      const session = hardened();
      expect(session.request('clipboard-sanitized-write', url)).toBe(false);
      expect(session.check('clipboard-sanitized-write', url)).toBe(false);
    },
  );

  it.each(OTHER_PERMISSIONS)('refuses %s even to our own page', (permission) => {
    const session = hardened();
    expect(session.request(permission, 'app://breachdesk/index.html')).toBe(false);
    expect(session.check(permission, 'app://breachdesk')).toBe(false);
  });

  it('refuses every device', () => {
    const session = hardened();
    expect(session.deviceHandlers.map((handler) => handler())).toEqual([false]);
  });

  it.each([
    'app://breachdesk/index.html',
    'app://breachdesk/assets/app.js',
    'devtools://devtools/bundled/x.html',
  ])('lets %s load', (url) => {
    expect(hardened().cancels(url)).toBe(false);
  });

  it.each([
    'https://example.com/tracker.js',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'ws://localhost/socket',
    'ftp://example.com/file',
    'chrome-extension://abc/script.js',
    'not a url',
  ])('cancels %s', (url) => {
    expect(hardened().cancels(url)).toBe(true);
  });
});
