import type { AuditStamp } from '../casefile/migrate';

/** Who is acting and what time it is; injected so tests can fix both. */
export interface ServiceContext {
  actor: string;
  now: () => Date;
}

export function stampFor(ctx: ServiceContext): AuditStamp {
  return { actor: ctx.actor, at: ctx.now().toISOString() };
}
