import { join } from 'node:path';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatcher';
import type { DialogHost, HostDeps } from '../../main/ipc/host-deps';
import { ownerOnlyFileProtector } from '../../main/services/bundles/signing/key-protector';
import { SigningKeys } from '../../main/services/bundles/signing/signing-keys';
import { RememberedPassphrases } from '../../main/services/remembered-passphrases';
import { testKeychain } from './test-keychain';
import { CaseSession } from '../../main/services/case-session';
import { RecentCases } from '../../main/services/recent-cases';
import type { EventName } from '../../shared/ipc/channel-names';
import { testContext } from './cases';

export interface RecordingHost {
  deps: HostDeps;
  dispatch: Dispatch;
  events: { event: EventName; payload: unknown }[];
  errors: unknown[];
}

/** A dispatcher over real services, recording the events and logged errors it produces. */
export function recordingHost(dir: string, dialogs: DialogHost | null = null): RecordingHost {
  const events: RecordingHost['events'] = [];
  const errors: unknown[] = [];
  const deps: HostDeps = {
    session: new CaseSession(),
    ctx: testContext(),
    recent: new RecentCases(join(dir, 'recent.json')),
    dialogs,
    signing: new SigningKeys(join(dir, 'config'), ownerOnlyFileProtector()),
    events: { emit: (event, payload) => events.push({ event, payload }) },
    logError: (error) => errors.push(error),
    passphrases: new RememberedPassphrases(join(dir, 'config'), testKeychain()),
  };
  return { deps, dispatch: createDispatcher(deps), events, errors };
}
