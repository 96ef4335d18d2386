import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_RULE_PACK } from '../../../shared/obligations/default-pack';
import type { RulePack } from '../../../shared/obligations/rule-pack';
import type { SigningKeys } from '../bundles/signing/signing-keys';
import { RulePackStore } from './rule-pack-store';

/**
 * The store of the host whose request is being served. Services take no host argument for the
 * pack (they are called from many places), and one process may serve several hosts with
 * different config folders (tests, a colleague's keys in e2e), so the dispatcher runs each
 * request inside its host's store rather than setting a module-wide one.
 */
const current = new AsyncLocalStorage<RequestPacks>();

/**
 * A request's view of its host's store: the active pack is resolved once per request (a stat of
 * the pack file and a read of the trusted keys), not on each of the many calls a board makes
 * (per row, per letter), and one request never sees two packs.
 */
interface RequestPacks {
  store: RulePackStore;
  pack: RulePack | null;
}

/** One store per config folder's keys, so its cache lives as long as the host. */
const stores = new WeakMap<SigningKeys, RulePackStore>();

export function rulePackStoreOf(signing: SigningKeys, now?: () => Date): RulePackStore {
  const known = stores.get(signing);
  if (known !== undefined) return known;
  const store = new RulePackStore(signing, now);
  stores.set(signing, store);
  return store;
}

/** Runs `body` (a request, with everything it starts) with `store` as the source of the active pack. */
export function withRulePacks<T>(store: RulePackStore, body: () => T): T {
  return current.run({ store, pack: null }, body);
}

/**
 * The rule pack every service evaluates with: the one a person installed from a signed pack
 * (rules import), verified again whenever its file or its key's trust changed, else the pack
 * Breachdesk ships (also outside any host's request, e.g. a unit test calling a service). The
 * one place that decides it.
 */
export function activeRulePack(): RulePack {
  const request = current.getStore();
  if (request === undefined) return DEFAULT_RULE_PACK;
  request.pack ??= request.store.active().pack;
  return request.pack;
}
