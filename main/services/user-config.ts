import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

/** Where the CLI keeps per-user files; the Electron shell passes app.getPath('userData') instead. */
export function defaultConfigDir(): string {
  const override = process.env.BREACHDESK_CONFIG_DIR;
  if (override !== undefined && override !== '') return override;
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Breachdesk');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Breachdesk');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Breachdesk');
}

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
