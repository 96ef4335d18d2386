import { useState } from 'react';
import type { BundleExportOptions, BundleExportResult } from '../../../../shared/domain/bundle';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { StatusBanner } from '../../components/StatusBanner';
import { useRunningJob } from '../../jobs/job-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { useBundleJobsStore } from './bundle-jobs-store';
import { useBundleStore } from './bundle-store';
import { BundleJobPanel } from './BundleJobPanel';
import { envelopeFrom, NO_ENVELOPE, type EnvelopeChoice, type EnvelopeErrors } from './envelope-choice';
import { EnvelopeOptions } from './EnvelopeOptions';
import { ExportOptions } from './ExportOptions';
import { ExportOutcome } from './ExportOutcome';
import { StepFocus } from './StepFocus';

type Step =
  | { kind: 'options'; notice: string | null; error: string | null }
  | { kind: 'done'; result: BundleExportResult };

/** Export bundle…: options, then where to save, then the job with Cancel, then what was written. */
export function ExportBundleDialog() {
  const title = useWorkspaceStore((state) => state.current?.record.title ?? 'Case');
  const job = useRunningJob('bundles');
  const close = useBundleStore((state) => state.close);
  const show = useBundleStore((state) => state.switchTo);
  const exportBundle = useBundleJobsStore((state) => state.exportBundle);
  const [options, setOptions] = useState<BundleExportOptions>({
    includeEvidence: true,
    includePrivileged: false,
    includeRoster: false,
  });
  const [envelope, setEnvelope] = useState<EnvelopeChoice>(NO_ENVELOPE);
  const [envelopeErrors, setEnvelopeErrors] = useState<EnvelopeErrors>({});
  const [step, setStep] = useState<Step>({ kind: 'options', notice: null, error: null });
  const [choosing, setChoosing] = useState(false);

  async function chooseAndExport(): Promise<void> {
    const sealed = envelopeFrom(envelope);
    setEnvelopeErrors(sealed.ok ? {} : sealed.errors);
    if (!sealed.ok) return;
    setChoosing(true);
    const ended = await exportBundle(title, options, sealed.envelope);
    setChoosing(false);
    if (ended.kind === 'not-chosen') return;
    if (ended.kind === 'choose-failed') {
      setStep({ kind: 'options', notice: null, error: ended.message });
    } else if (ended.kind === 'done') {
      setStep({ kind: 'done', result: ended.value });
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
      description="A signed .zip (BagIt) of this case: its snapshot, case.json, evidence originals, letters, the audit log and an index.html anyone can open; optionally sealed with age."
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
          <EnvelopeOptions
            choice={envelope}
            errors={envelopeErrors}
            onChange={(choice) => {
              setEnvelope(choice);
              setEnvelopeErrors({});
            }}
          />
        </StepFocus>
      )}
    </Modal>
  );
}
