/**
 * Fields with an edit still waiting for its debounce register a flush here, so closing or
 * switching the case first writes what the user typed instead of dropping it.
 */
const flushers = new Set<() => Promise<void>>();

export function registerPendingEdit(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  return () => {
    flushers.delete(flush);
  };
}

export async function flushPendingEdits(): Promise<void> {
  await Promise.all([...flushers].map((flush) => flush()));
}
