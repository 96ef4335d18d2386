import { useUiStore } from '../../stores/ui-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { useBundleStore } from './bundle-store';

/** Export bundle… (needs an open case). */
export function exportBundle(): void {
  if (useWorkspaceStore.getState().current === null) return;
  useBundleStore.getState().show({ kind: 'export' });
}

/** Verify a bundle…: check one without opening it. */
export function verifyBundle(): void {
  void useBundleStore.getState().chooseBundle((path) => ({ kind: 'verify', path, importable: false }));
}

/** Open bundle…: check it, then import it as a new case file. */
export function openBundle(): void {
  void useBundleStore.getState().chooseBundle((path) => ({ kind: 'verify', path, importable: true }));
}

/** Merge a colleague's bundle… into the open case. */
export function mergeBundle(): void {
  if (useWorkspaceStore.getState().current === null) return;
  void useBundleStore.getState().chooseBundle((path) => ({ kind: 'merge', path }));
}

export function showSigningKeys(): void {
  useBundleStore.getState().show({ kind: 'keys' });
}

export function showConflicts(): void {
  if (useWorkspaceStore.getState().current === null) return;
  useBundleStore.getState().show({ kind: 'conflicts' });
}

/** True while a bundle dialog owns the keyboard (the shortcuts stay quiet). */
export function bundleDialogOpen(): boolean {
  return useBundleStore.getState().flow !== null;
}

/**
 * The menu's bundle commands and Ctrl/⌘+Shift+B: export the open case; import opens a bundle as
 * a new case on the welcome screen, and merges it into the open case otherwise.
 */
export function runBundleCommand(command: 'exportBundle' | 'importBundle'): void {
  if (useUiStore.getState().dialog !== 'none' || bundleDialogOpen()) return;
  if (command === 'exportBundle') return exportBundle();
  if (useWorkspaceStore.getState().current === null) openBundle();
  else mergeBundle();
}
