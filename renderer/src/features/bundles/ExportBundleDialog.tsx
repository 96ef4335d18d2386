import { useState } from 'react';
import type { BundleExportOptions, BundleExportResult } from '../../../../shared/domain/bundle';
import { call, messageOf } from '../../api/client';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { StatusBanner } from '../../components/StatusBanner';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { useBundleStore } from './bundle-store';
import { BundleJobPanel } from './BundleJobPanel';
import { ExportOptions } from './ExportOptions';
import { ExportOutcome } from './ExportOutcome';
import { suggestedBundleName } from './format';
import { useSigningStore } from './signing-store';
import { StepFocus } from './StepFocus';

type Step =
  | { kind: 'options'; notice: string | null; error: string | null }
  | { kind: 'done'; result: BundleExportResult };

/** Export bundle…: options, then where to save, then the job with Cancel, then what was written. */
export function ExportBundleDialog() {
  const title = useWorkspaceStore((state) => state.current?.record.title ?? 'Case');
  const job = useBundleStore((state) => state.job);
  const close = useBundleStore((state) => state.close);
  const show = useBundleStore((state) => state.switchTo);
  const runJob = useBundleStore((state) => state.runJob);
  const [options, setOptions] = useState<BundleExportOptions>({
    includeEvidence: true,
    includePrivileged: false,
  });
  const [step, setStep] = useState<Step>({ kind: 'options', notice: null, error: null });
  const [choosing, setChoosing] = useState(false);

  async function chooseAndExport(): Promise<void> {
    setChoosing(true);
    let path: string | null;
    try {
      path = (await call('dialog.chooseBundlePath', { suggestedName: suggestedBundleName(title) })).path;
    } catch (error) {
      setStep({ kind: 'options', notice: null, error: messageOf(error) });
      return;
    } finally {
      setChoosing(false);
    }
    if (path === null) return;
    const target = path;
    // The native save dialog has already asked before replacing an existing file.
    const ended = await runJob('bundle-export', `Exporting ${title}`, (jobId) =>
      call('bundle.export', { jobId, path: target, overwrite: true, ...options }),
    );
    if (ended.kind === 'done') {
      setStep({ kind: 'done', result: ended.value });
      void useSigningStore.getState().load();
    } else if (ended.kind === 'cancelled') {
      setStep({ kind: 'options', notice: 'Export cancelled; no file was written.', error: null });
    } else {
      setStep({ kind: 'options', notice: null, error: `Export failed: ${ended.message}` });
    }
  }

  const running = job !== null;
  const footer = running ? undefined : step.kind === 'done' ? (
    <>
      <Button onClick={() => show({ kind: 'verify', path: step.result.path, importable: false })}>
        Verify it now
      </Button>
      <Button variant="primary" onClick={close}>
        Close
      </Button>
    </>
  ) : (
    <>
      <Button onClick={close}>Cancel</Button>
      <Button variant="primary" onClick={() => void chooseAndExport()} disabled={choosing}>
        Choose location…
      </Button>
    </>
  );

  return (
    <Modal
      title="Export case bundle"
      wide
      onClose={close}
      description="A signed .zip (BagIt) of this case: its snapshot, case.json, evidence originals, letters, the audit log and an index.html anyone can open."
      footer={footer}
    >
      {running ? (
        <BundleJobPanel />
      ) : step.kind === 'done' ? (
        <StepFocus key="done">
          <ExportOutcome result={step.result} />
        </StepFocus>
      ) : (
        <StepFocus key="options">
          {step.notice !== null && <StatusBanner tone="info" label="Export" title={step.notice} />}
          {step.error !== null && (
            <p className="inline-error bundle-error" role="alert">
              {step.error}
            </p>
          )}
          <ExportOptions options={options} onChange={setOptions} />
        </StepFocus>
      )}
    </Modal>
  );
}
