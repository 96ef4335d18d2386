import type { EventName } from '../../shared/ipc/channel-names';
import type { EventPayload } from '../../shared/ipc/contract';
import type { SigningKeys } from '../services/bundles/signing/signing-keys';
import type { CaseSession } from '../services/case-session';
import type { ServiceContext } from '../services/context';
import type { RecentCases } from '../services/recent-cases';

/** Native file dialogs; only hosts with a person in front of them have one. */
export interface DialogHost {
  chooseNewCasePath(suggestedName: string): Promise<string | null>;
  chooseCaseToOpen(): Promise<string | null>;
  /** Files (or folders) to take into the evidence locker; [] when the person cancels. */
  chooseEvidence(folders: boolean): Promise<string[]>;
  /** Where to save an exported evidence file; null when the person cancels. */
  chooseExportPath(suggestedName: string): Promise<string | null>;
  /** A case bundle (.zip) to verify, import or merge; null when the person cancels. */
  chooseBundle(): Promise<string | null>;
  /** Where to save a case bundle (.zip); null when the person cancels. */
  chooseBundlePath(suggestedName: string): Promise<string | null>;
}

export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** What a host (Electron window, CLI call, e2e page) gives the dispatcher. */
export interface HostDeps {
  session: CaseSession;
  ctx: ServiceContext;
  recent: RecentCases | null;
  dialogs: DialogHost | null;
  /** This installation's bundle signing key and the keys it trusts. */
  signing: SigningKeys;
  events: EventSink;
  /** Where unexpected errors go in full; they never cross the bridge. */
  logError: (error: unknown) => void;
}

export const silentEvents: EventSink = { emit: () => undefined };
