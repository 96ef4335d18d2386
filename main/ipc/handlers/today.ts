import type { HostDeps } from '../host-deps';

/** Today's date where the user is (YYYY-MM-DD): for "overdue" and the default "as of" date. */
export function today(deps: HostDeps): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    deps.ctx.now(),
  );
}
