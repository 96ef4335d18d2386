import { useEffect } from 'react';
import { HelpOverlay } from '../components/HelpOverlay';
import { BundleDialogs } from '../features/bundles/BundleDialogs';
import { CaseKeyDialogs } from '../features/case-key/CaseKeyDialogs';
import { SearchPalette } from '../features/search/SearchPalette';
import { RulePackDialog } from '../features/rules/RulePackDialog';
import { NewCaseDialog } from '../features/welcome/NewCaseDialog';
import { WelcomeScreen } from '../features/welcome/WelcomeScreen';
import { useAppInfoStore } from '../stores/app-info-store';
import { useUiStore } from '../stores/ui-store';
import { useWorkspaceStore } from '../stores/workspace-store';
import { useBridgeEvents } from './useBridgeEvents';
import { useShortcuts } from './useShortcuts';
import { Workspace } from './Workspace';

/** Welcome screen or workspace, plus the one dialog that may be open over either. */
export function App() {
  const ready = useWorkspaceStore((state) => state.ready);
  const current = useWorkspaceStore((state) => state.current);
  const load = useWorkspaceStore((state) => state.load);
  const loadAppInfo = useAppInfoStore((state) => state.load);
  const dialog = useUiStore((state) => state.dialog);
  const closeDialog = useUiStore((state) => state.closeDialog);

  useEffect(() => {
    void load();
    void loadAppInfo();
  }, [load, loadAppInfo]);
  useBridgeEvents();
  useShortcuts();

  if (!ready) return null;
  return (
    <>
      {current === null ? <WelcomeScreen /> : <Workspace key={current.path} openCase={current} />}
      {dialog === 'newCase' && <NewCaseDialog onClose={closeDialog} />}
      {dialog === 'help' && <HelpOverlay onClose={closeDialog} />}
      {dialog === 'search' && current !== null && <SearchPalette onClose={closeDialog} />}
      {dialog === 'rulePack' && <RulePackDialog onClose={closeDialog} />}
      <BundleDialogs caseOpen={current !== null} />
      <CaseKeyDialogs />
    </>
  );
}
