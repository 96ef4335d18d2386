import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const MISSING_CHROMIUM =
  'No Chromium found for the Playwright tests: install one (Debian/Ubuntu: `apt-get install -y chromium`) or set CHROMIUM_PATH to its executable.';

/** The machine has no network: nothing in the browser may try to reach one. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * CHROMIUM_PATH, else the system Chromium, else Playwright's own download if one exists
 * (`npx playwright install` cannot download here). Null when there is none.
 */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return existsSync(fromEnv) ? fromEnv : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const bundled = chromium.executablePath();
    return existsSync(bundled) ? bundled : null;
  } catch {
    return null;
  }
}

export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const executablePath = findChromium();
  return executablePath === null ? { args: CHROMIUM_ARGS } : { executablePath, args: CHROMIUM_ARGS };
}

/** Fails the run with one line instead of Playwright's long "please run playwright install" banner. */
export function requireChromium(): string {
  const found = findChromium();
  if (found !== null) return found;
  const fromEnv = process.env.CHROMIUM_PATH;
  const message =
    fromEnv !== undefined && fromEnv !== ''
      ? `CHROMIUM_PATH is ${JSON.stringify(fromEnv)}, which does not exist; point it at a Chromium executable or unset it to use /usr/bin/chromium.`
      : MISSING_CHROMIUM;
  const error = new Error(message);
  error.stack = message;
  throw error;
}
