import { useEffect } from 'react';
import { bundleDialogOpen, runBundleCommand } from '../features/bundles/bundle-commands';
import { isTypingTarget } from '../lib/platform';
import { caseKeyDialogOpen } from '../stores/case-key-store';
import { useUiStore } from '../stores/ui-store';
import { useWorkspaceStore } from '../stores/workspace-store';
import { chooseAndOpenCase, closeCase } from './case-actions';
import { SECTIONS } from './sections';
import { runEvidenceCommand } from './useBridgeEvents';

/** Ctrl/⌘+N, +O, +W, +K (search), +Shift+E (add evidence), +Shift+B (export a bundle); Alt+1 … Alt+0 for the sections; `?` for help (not while typing). */
export function useShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.isComposing) return;
      const ui = useUiStore.getState();
      // A dialog owns the keyboard (Tab, Escape) while it is open.
      if (ui.dialog !== 'none' || bundleDialogOpen() || caseKeyDialogOpen()) return;
      const modifier = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (modifier && event.shiftKey && !event.altKey && key === 'e') {
        event.preventDefault();
        runEvidenceCommand('addEvidence');
        return;
      }
      if (modifier && event.shiftKey && !event.altKey && key === 'b') {
        event.preventDefault();
        runBundleCommand('exportBundle');
        return;
      }
      if (modifier && !event.altKey && !event.shiftKey) {
        if (key === 'n') {
          event.preventDefault();
          ui.openDialog('newCase');
        } else if (key === 'o') {
          event.preventDefault();
          void chooseAndOpenCase();
        } else if (key === 'w' && useWorkspaceStore.getState().current !== null) {
          event.preventDefault();
          void closeCase();
        } else if (key === 'k' && useWorkspaceStore.getState().current !== null) {
          event.preventDefault();
          ui.openDialog('search');
        }
        return;
      }
      // event.code, because Alt+digit types other characters on some layouts (and on macOS).
      const digit = /^Digit(\d)$/.exec(event.code)?.[1];
      if (event.altKey && !modifier && digit !== undefined) {
        const workspace = useWorkspaceStore.getState();
        const section = SECTIONS[(Number(digit) + 9) % 10];
        if (workspace.current !== null && section !== undefined) {
          event.preventDefault();
          workspace.showSection(section.id);
        }
        return;
      }
      if (event.key === '?' && !modifier && !event.altKey && !isTypingTarget(event.target)) {
        event.preventDefault();
        ui.openDialog('help');
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
