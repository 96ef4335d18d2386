import { useState } from 'react';
import type { BundleVerification } from '../../../../shared/domain/bundle';
import { call, messageOf } from '../../api/client';
import { openCaseAt, suggestedFileName } from '../../app/case-actions';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { StatusBanner } from '../../components/StatusBanner';
import { useBundleStore } from './bundle-store';
import { BundleJobPanel } from './BundleJobPanel';
import { BundleReport } from './BundleReport';
import { baseName } from './format';
import { StepFocus } from './StepFocus';
import { useVerify } from './use-verify';

interface VerifyBundleDialogProps {
  path: string;
  /** Offer "Import as new case…" once the bundle passes (Open bundle…). */
  importable: boolean;
}

/** Verify a bundle… / Open bundle…: the check with progress, its report, and (when it passed) the import. */
export function VerifyBundleDialog({ path, importable }: VerifyBundleDialogProps) {
  const job = useBundleStore((store) => store.job);
  const close = useBundleStore((store) => store.close);
  const runJob = useBundleStore((store) => store.runJob);
  const { state, again } = useVerify(path);
  const [importError, setImportError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);

  async function importAsCase(report: BundleVerification): Promise<void> {
    setImportError(null);
    const title = report.bag.title ?? baseName(path).replace(/\.zip$/i, '');
    setChoosing(true);
    let target: string | null;
    try {
      target = (await call('dialog.chooseNewCasePath', { suggestedName: suggestedFileName(title) })).path;
    } catch (error) {
      setImportError(messageOf(error));
      return;
    } finally {
      setChoosing(false);
    }
    if (target === null) return;
    const at = target;
    // The native save dialog has already asked before replacing an existing file.
    const ended = await runJob('bundle-import', `Importing ${title}`, (jobId) =>
      call('bundle.import', { jobId, path, target: at, overwrite: true }),
    );
    if (ended.kind === 'done') {
      useBundleStore.getState().close();
      await openCaseAt(ended.value.path);
    } else if (ended.kind === 'cancelled') {
      setImportError('Import cancelled; no case file was written.');
    } else {
      setImportError(`Import failed: ${ended.message}`);
    }
  }

  const report = state.kind === 'report' ? state.report : null;
  const running = job !== null;
  const footer = running ? undefined : (
    <>
      {report !== null && importable && report.ok && (
        <Button variant="primary" onClick={() => void importAsCase(report)} disabled={choosing}>
          Import as new case…
        </Button>
      )}
      <Button variant={report !== null && importable && report.ok ? 'secondary' : 'primary'} onClick={close}>
        Close
      </Button>
    </>
  );

  return (
    <Modal
      title={importable ? 'Open a case bundle' : 'Verify a case bundle'}
      wide
      onClose={close}
      description={<span className="mono path">{path}</span>}
      footer={footer}
    >
      {running ? (
        <BundleJobPanel />
      ) : state.kind === 'report' ? (
        <StepFocus key="report">
          {importError !== null && (
            <p className="inline-error bundle-error" role="alert">
              {importError}
            </p>
          )}
          <BundleReport report={state.report} onTrusted={again} />
          {importable && !state.report.ok && (
            <p className="bundle-note">This bundle cannot be imported until it verifies.</p>
          )}
        </StepFocus>
      ) : state.kind === 'cancelled' ? (
        <StepFocus key="cancelled">
          <StatusBanner
            tone="info"
            label="Verification"
            title="Verification cancelled; nothing was checked."
          />
        </StepFocus>
      ) : state.kind === 'failed' ? (
        <StepFocus key="failed">
          <p className="inline-error bundle-error" role="alert">
            The bundle could not be checked: {state.message}
          </p>
        </StepFocus>
      ) : null}
    </Modal>
  );
}
