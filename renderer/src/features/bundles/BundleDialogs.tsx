import { useBundleStore } from './bundle-store';
import { ConflictsDialog } from './ConflictsDialog';
import { ExportBundleDialog } from './ExportBundleDialog';
import { MergeBundleDialog } from './MergeBundleDialog';
import { SigningKeysDialog } from './SigningKeysDialog';
import { VerifyBundleDialog } from './VerifyBundleDialog';
import './bundles.css';

/** The bundle dialog open now, over the welcome screen or the workspace. */
export function BundleDialogs({ caseOpen }: { caseOpen: boolean }) {
  const flow = useBundleStore((state) => state.flow);
  if (flow === null) return null;
  switch (flow.kind) {
    case 'export':
      return caseOpen ? <ExportBundleDialog key="export" /> : null;
    case 'verify':
      return <VerifyBundleDialog key={`verify-${flow.path}`} path={flow.path} importable={flow.importable} />;
    case 'merge':
      return caseOpen ? <MergeBundleDialog key={`merge-${flow.path}`} path={flow.path} /> : null;
    case 'conflicts':
      return caseOpen ? <ConflictsDialog key="conflicts" /> : null;
    case 'keys':
      return <SigningKeysDialog key="keys" />;
  }
}
