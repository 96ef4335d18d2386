import { useState } from 'react';
import type { BundleVerification } from '../../../../shared/domain/bundle';
import { openCaseAt, openCaseWithPassphrase, type NewCaseKey } from '../../app/case-actions';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { StatusBanner } from '../../components/StatusBanner';
import { useRunningJob } from '../../jobs/job-store';
import { useBundleJobsStore } from './bundle-jobs-store';
import { useBundleStore } from './bundle-store';
import { BundleJobPanel } from './BundleJobPanel';
import { BundlePassphraseForm } from './BundlePassphraseForm';
import { BundleReport } from './BundleReport';
import { ImportKeyForm } from './ImportKeyForm';
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
  const job = useRunningJob('bundles');
  const close = useBundleStore((store) => store.close);
  const importBundle = useBundleJobsStore((store) => store.importBundle);
  const { state, again, unlock, passphrase } = useVerify(path);
  const [importError, setImportError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [askingKey, setAskingKey] = useState(false);

  async function importAsCase(report: BundleVerification, key: NewCaseKey): Promise<void> {
    setImportError(null);
    setAskingKey(false);
    const title = report.bag.title ?? baseName(path).replace(/\.zip(\.age)?$/i, '');
    setChoosing(true);
    const ended = await importBundle(path, title, key, passphrase);
    setChoosing(false);
    if (ended.kind === 'not-chosen') return;
    if (ended.kind === 'choose-failed') {
      setImportError(ended.message);
    } else if (ended.kind === 'done') {
      useBundleStore.getState().close();
      if ('passphrase' in key) await openCaseWithPassphrase(ended.value.path, key.passphrase, key.remember);
      else await openCaseAt(ended.value.path);
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
      {report !== null && importable && report.ok && !askingKey && (
        <Button variant="primary" onClick={() => setAskingKey(true)} disabled={choosing}>
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
      ) : state.kind === 'report' && askingKey ? (
        <ImportKeyForm
          key="import-key"
          onSubmit={(key) => void importAsCase(state.report, key)}
          onBack={() => setAskingKey(false)}
        />
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
      ) : state.kind === 'needs-passphrase' ? (
        <BundlePassphraseForm key="passphrase" wrong={state.wrong} onSubmit={unlock} />
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
