import { useState } from 'react';
import type { DatasetPreview, RosterImportResult } from '../../../../../shared/ipc/roster-contract';
import { Button } from '../../../components/Button';
import { Modal } from '../../../components/Modal';
import { baseName } from './format';
import { ImportProgress } from './ImportProgress';
import { ImportResult } from './ImportResult';
import { MappingForm, type ImportChoices } from './MappingForm';
import type { ReadOptions } from './ReadAs';
import { useJobStore } from '../../../jobs/job-store';
import { StepFocus } from './StepFocus';

type Step =
  | { kind: 'mapping'; notice: string | null; error: string | null }
  | { kind: 'running' }
  | { kind: 'done'; result: RosterImportResult };

const FORM_ID = 'roster-mapping-form';

/** The mapping, then the import with its progress and Cancel, then what was read and skipped. */
export function ImportDialog({
  path,
  preview,
  onReread,
  onClose,
}: {
  path: string;
  preview: DatasetPreview;
  onReread: (options: ReadOptions) => Promise<void>;
  onClose: () => void;
}) {
  const run = useJobStore((state) => state.run);
  const [step, setStep] = useState<Step>({ kind: 'mapping', notice: null, error: null });
  const fileName = baseName(path);

  async function start(choices: ImportChoices): Promise<void> {
    setStep({ kind: 'running' });
    const ended = await run({
      lane: 'roster',
      kind: 'roster-import',
      label: `Importing ${fileName}`,
      channel: 'roster.import',
      input: { path, ...choices },
      writes: true,
    });
    if (ended.kind === 'done') setStep({ kind: 'done', result: ended.value });
    else if (ended.kind === 'cancelled')
      setStep({ kind: 'mapping', notice: 'Import cancelled; nothing was added to the roster.', error: null });
    else setStep({ kind: 'mapping', notice: null, error: `The import failed: ${lowerFirst(ended.message)}` });
  }

  const footer =
    step.kind === 'running' ? undefined : step.kind === 'done' ? (
      <Button variant="primary" onClick={onClose}>
        Close
      </Button>
    ) : (
      <>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form={FORM_ID}>
          Import
        </Button>
      </>
    );

  return (
    <Modal
      title={`Import ${fileName}`}
      wide
      // While the job runs, its own Cancel button stops it; Escape must not hide a running import.
      onClose={step.kind === 'running' ? () => undefined : onClose}
      description="Say which column holds what, and which data the file exposed; the first rows are shown to help and are not kept."
      footer={footer}
    >
      <div className="roster-import">
        {step.kind === 'running' && <ImportProgress />}
        {step.kind === 'done' && (
          <StepFocus key="done">
            <ImportResult result={step.result} fileName={fileName} />
          </StepFocus>
        )}
        {step.kind === 'mapping' && (step.notice !== null || step.error !== null) && (
          <StepFocus key={`${step.notice ?? ''}${step.error ?? ''}`}>
            {step.notice !== null && (
              <p className="notice roster-import__notice" role="status">
                {step.notice}
              </p>
            )}
            {step.error !== null && (
              <p className="inline-error roster-import__notice" role="alert">
                {step.error}
              </p>
            )}
          </StepFocus>
        )}
        {step.kind !== 'done' && (
          // Kept mounted (hidden) while the job runs, so a cancelled or failed import comes back
          // to the choices as they were.
          <div hidden={step.kind === 'running'}>
            <MappingForm
              // Read again (another separator, encoding or table): the mapping starts afresh.
              key={`${preview.delimiter}|${preview.encoding}|${preview.table ?? ''}`}
              id={FORM_ID}
              preview={preview}
              onReread={onReread}
              defaultName={fileName}
              onSubmit={(choices) => void start(choices)}
            />
          </div>
        )}
      </div>
    </Modal>
  );
}

/** "The import failed: the file …": the cause reads as the rest of one sentence. */
function lowerFirst(sentence: string): string {
  return /^[A-Z][a-z]/.test(sentence) ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence;
}
