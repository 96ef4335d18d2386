import { userInfo } from 'node:os';

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
