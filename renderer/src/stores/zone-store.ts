import { create } from 'zustand';
import { isTimeZone } from '../../../shared/time/zoned-time';
import { userTimeZone } from '../lib/zoned-display';

const STORAGE_KEY = 'breachdesk.lastTimeZone';

function readRemembered(): string {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored !== null && isTimeZone(stored)) return stored;
  } catch {
    // Storage can be unavailable (privacy settings); the computer's zone is a fine default.
  }
  return userTimeZone();
}

interface ZoneState {
  /** The zone new times start in: the last one picked, else this computer's zone. */
  lastZone: string;
  remember: (zone: string) => void;
}

export const useZoneStore = create<ZoneState>()((set) => ({
  lastZone: readRemembered(),
  remember(zone) {
    if (!isTimeZone(zone)) return;
    set({ lastZone: zone });
    try {
      window.localStorage.setItem(STORAGE_KEY, zone);
    } catch {
      // Not remembered across restarts; still used for this session.
    }
  },
}));
