import { useEffect } from 'react';
import { onEvent } from '../api/client';
import { runBundleCommand } from '../features/bundles/bundle-commands';
import { useAuditStore } from '../stores/audit-store';
import { evidenceJobRunning, useEvidenceJobsStore } from '../stores/evidence/jobs-store';
import { useRecentStore } from '../stores/recent-store';
import { useUiStore } from '../stores/ui-store';
import { useWorkspaceStore } from '../stores/workspace-store';
import { chooseAndOpenCase, closeCase, openCaseAt, openDemoCase } from './case-actions';

/** Follows the case file (changed by this window or the menu) and runs application-menu commands. */
export function useBridgeEvents(): void {
  useEffect(() => {
    const offChanged = onEvent('case.changed', ({ reason }) => {
      if (reason === 'updated') {
        if (useWorkspaceStore.getState().section === 'audit') void useAuditStore.getState().refresh();
        return;
      }
      void useWorkspaceStore.getState().load();
      void useRecentStore.getState().load();
    });
    const offMenu = onEvent('menu.command', ({ command, path }) => {
      const ui = useUiStore.getState();
      switch (command) {
        case 'newCase':
          ui.openDialog('newCase');
          break;
        case 'openCase':
          void chooseAndOpenCase();
          break;
        case 'openRecent':
          if (path !== undefined) void openCaseAt(path);
          break;
        case 'closeCase':
          void closeCase();
          break;
        case 'showHelp':
          ui.openDialog('help');
          break;
        case 'search':
          if (useWorkspaceStore.getState().current !== null) ui.openDialog('search');
          break;
        case 'openDemo':
          void openDemoCase();
          break;
        case 'addEvidence':
        case 'verifyEvidence':
          runEvidenceCommand(command);
          break;
        case 'exportBundle':
        case 'importBundle':
          runBundleCommand(command);
          break;
      }
    });
    return () => {
      offChanged();
      offMenu();
    };
  }, []);
}

/** Menu → Evidence: shows the section, then asks for files or verifies every item. */
export function runEvidenceCommand(command: 'addEvidence' | 'verifyEvidence'): void {
  const workspace = useWorkspaceStore.getState();
  if (workspace.current === null || useUiStore.getState().dialog !== 'none') return;
  const evidence = useEvidenceJobsStore.getState();
  if (evidenceJobRunning() || evidence.intakePaths !== null) {
    workspace.showSection('evidence');
    return;
  }
  workspace.showSection('evidence');
  if (command === 'addEvidence') void evidence.chooseFiles(false);
  else void evidence.verifyAll();
}
