import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

/** The name written into audit entries: BREACHDESK_ACTOR, else the operating-system account. */
export function defaultActor(): string {
  const override = process.env.BREACHDESK_ACTOR;
  if (override !== undefined && override.trim() !== '') return override.trim();
  try {
    return userInfo().username;
  } catch {
    return 'unknown user';
  }
}

/**
 * The per-user config folder the command line uses (signing key, trusted keys):
 * BREACHDESK_CONFIG_DIR, else where Electron keeps the app's user data on this platform, so the
 * app and the command line share the trusted-keys list.
 */
export function userConfigDir(): string {
  const override = process.env.BREACHDESK_CONFIG_DIR;
  if (override !== undefined && override.trim() !== '') return override.trim();
  const home = homedir();
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Breachdesk');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Breachdesk');
  const xdg = process.env.XDG_CONFIG_HOME;
  return join(xdg !== undefined && xdg !== '' ? xdg : join(home, '.config'), 'Breachdesk');
}
