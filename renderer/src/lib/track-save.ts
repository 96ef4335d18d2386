import { useWorkspaceStore } from '../stores/workspace-store';

/**
 * Counts a write to the case file in the top bar's save state ("Saving…") while it runs. The
 * caller reports a failure where it happened; the write's own promise is returned unchanged.
 */
export async function trackSave<T>(work: () => Promise<T>): Promise<T> {
  const path = useWorkspaceStore.getState().current?.path;
  useWorkspaceStore.setState((state) => ({ pendingSaves: state.pendingSaves + 1 }));
  try {
    return await work();
  } finally {
    if (useWorkspaceStore.getState().current?.path === path)
      useWorkspaceStore.setState((state) => ({ pendingSaves: Math.max(0, state.pendingSaves - 1) }));
  }
}

/** Calls `reset` whenever the open case changes (another file opened, or the case closed). */
export function resetOnCaseChange(reset: () => void): void {
  useWorkspaceStore.subscribe((state, previous) => {
    if (state.current?.path !== previous.current?.path) reset();
  });
}
