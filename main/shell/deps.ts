// What one window's dispatcher runs with: its own case session, the person at the keyboard,
// the recent list in the user's config folder, native dialogs and an event sink to the page.
import { app } from 'electron';
import { join } from 'node:path';
import type { DialogHost, EventSink, HostDeps } from '../ipc/host-deps';
import { SigningKeys } from '../services/bundles/signing/signing-keys';
import { CaseSession } from '../services/case-session';
import { appKeyProtector, passphraseProtector } from './key-protection';
import { RememberedPassphrases } from '../services/remembered-passphrases';
import { type RecentCases } from '../services/recent-cases';
import { defaultActor } from '../services/user-config';

export function recentCasesFile(): string {
  return join(app.getPath('userData'), 'recent.json');
}

export interface WindowDepsOptions {
  recent: RecentCases;
  dialogs: DialogHost;
  events: EventSink;
  logError: (error: unknown) => void;
}

export function createWindowDeps(options: WindowDepsOptions): HostDeps {
  return {
    session: new CaseSession(),
    ctx: { actor: defaultActor(), now: () => new Date() },
    recent: options.recent,
    dialogs: options.dialogs,
    signing: new SigningKeys(app.getPath('userData'), appKeyProtector()),
    events: options.events,
    logError: options.logError,
    passphrases: rememberedPassphrases(),
  };
}

function rememberedPassphrases(): RememberedPassphrases | null {
  const protector = passphraseProtector();
  return protector === null ? null : new RememberedPassphrases(app.getPath('userData'), protector);
}
