import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppPage, isAppUrl } from '../../main/shell/app-url';

describe('app URLs', () => {
  it('names our entry page', () => {
    expect(APP_ENTRY_URL).toBe('app://breachdesk/index.html');
    expect(isAppPage(APP_ENTRY_URL)).toBe(true);
  });

  it.each(['app://breachdesk/', 'app://breachdesk/index.html', 'app://breachdesk/index.html?x#/case'])(
    '%s is our page',
    (url) => {
      expect(isAppPage(url)).toBe(true);
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it('counts our other files as app URLs but not as pages', () => {
    expect(isAppUrl('app://breachdesk/assets/app.js')).toBe(true);
    expect(isAppPage('app://breachdesk/assets/app.js')).toBe(false);
    expect(isAppPage('app://breachdesk/other.html')).toBe(false);
  });

  it.each([
    'app://evil/index.html',
    'app://breachdesk.evil/',
    'app://breachdesk:1/index.html',
    'https://breachdesk/index.html',
    'file:///index.html',
    'about:blank',
    'not a url',
    '',
  ])('%j is neither', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isAppPage(url)).toBe(false);
  });
});
