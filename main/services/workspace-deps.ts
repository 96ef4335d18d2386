import type { SigningKeys } from './bundles/signing/signing-keys';
import type { CaseSession } from './case-session';
import type { ServiceContext } from './context';
import type { EventSink } from './events';
import type { RecentCases } from './recent-cases';
import type { RememberedPassphrases } from './remembered-passphrases';

/**
 * What the services that work on a host's open case need from that host: its session, who is
 * acting, its recent list, its signing keys and where its events go. Hosts add their own
 * (dialogs, error log) in ipc/host-deps.ts; services never see those.
 */
export interface WorkspaceDeps {
  session: CaseSession;
  ctx: ServiceContext;
  recent: RecentCases | null;
  /** This installation's bundle signing key and the keys it trusts. */
  signing: SigningKeys;
  events: EventSink;
  /** Case passphrases this computer remembers; null where they cannot be kept safely (CLI, no keychain). */
  passphrases: RememberedPassphrases | null;
}
