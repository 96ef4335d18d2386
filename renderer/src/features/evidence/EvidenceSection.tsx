import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Button } from '../../components/Button';
import { useContentChanged } from '../../lib/use-content-changed';
import { useRunningJob } from '../../jobs/job-store';
import { useEvidenceJobsStore } from '../../stores/evidence/jobs-store';
import { useEvidenceStore } from '../../stores/evidence/list-store';
import { EvidenceDetail } from './EvidenceDetail';
import { EvidenceList } from './EvidenceList';
import { IntakeDialog } from './IntakeDialog';
import { JobOutcome } from './JobOutcome';
import { JobPanel } from './JobPanel';
import { PendingFiles } from './PendingFiles';

/** True when a drag carries files from outside the window (not text or a link). */
function carriesFiles(event: DragEvent): boolean {
  return [...event.dataTransfer.types].includes('Files');
}

/**
 * The evidence locker: the items on the left, the selected one on the right (facts, metadata,
 * preview, chain of custody); files come in through Add files…, Add folder… or a drop, with
 * progress and Cancel; Verify evidence re-reads everything.
 */
export function EvidenceSection() {
  const items = useEvidenceStore((state) => state.items);
  const pending = useEvidenceStore((state) => state.pending);
  const selectedId = useEvidenceStore((state) => state.selectedId);
  const focus = useEvidenceStore((state) => state.focus);
  const error = useEvidenceStore((state) => state.error);
  const actionError = useEvidenceJobsStore((state) => state.actionError);
  const job = useRunningJob('evidence');
  const intakePaths = useEvidenceJobsStore((state) => state.intakePaths);
  const load = useEvidenceStore((state) => state.load);
  const chooseFiles = useEvidenceJobsStore((state) => state.chooseFiles);
  const verifyAll = useEvidenceJobsStore((state) => state.verifyAll);
  const dropFiles = useEvidenceJobsStore((state) => state.dropFiles);
  const [dragging, setDragging] = useState(false);
  const [dropProblem, setDropProblem] = useState<string | null>(null);
  const depth = useRef(0);

  useEffect(() => {
    void load();
  }, [load]);
  useContentChanged(['evidence', 'events'], load);

  const busy = job !== null;
  const selected = items?.find((item) => item.id === selectedId);
  const waiting = pending.filter((file) => !(items ?? []).some((item) => item.sha256 === file.sha256));
  const empty = items !== null && items.length === 0;

  function onDragEnter(event: DragEvent<HTMLDivElement>): void {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setDragging(true);
  }

  function onDragOver(event: DragEvent<HTMLDivElement>): void {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
  }

  function onDragLeave(event: DragEvent<HTMLDivElement>): void {
    if (!carriesFiles(event)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  }

  function onDrop(event: DragEvent<HTMLDivElement>): void {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    if (busy) return setDropProblem('An evidence job is running; drop the files again when it has finished.');
    if (!dropFiles([...event.dataTransfer.files])) {
      return setDropProblem(
        'Breachdesk cannot tell where the dropped items are on disk; use Add files… or Add folder… instead.',
      );
    }
    setDropProblem(null);
  }

  const addButtons = (
    <>
      <Button variant="primary" onClick={() => void chooseFiles(false)} disabled={busy}>
        Add files…
      </Button>
      <Button onClick={() => void chooseFiles(true)} disabled={busy}>
        Add folder…
      </Button>
    </>
  );
  const problem = actionError ?? dropProblem;

  return (
    <div
      className={dragging ? 'ev-section ev-section--dragging' : 'ev-section'}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {!empty && (
        <div className="ev-toolbar" role="toolbar" aria-label="Evidence actions">
          {addButtons}
          <span className="ev-toolbar__spacer" />
          <Button onClick={() => void verifyAll()} disabled={busy || (items ?? []).length === 0}>
            Verify evidence
          </Button>
        </div>
      )}
      {problem !== null && (
        <p className="notice notice--fail" role="alert">
          {problem}
        </p>
      )}
      <JobPanel />
      <JobOutcome />
      {error !== null && (
        <p className="notice notice--fail" role="alert">
          {error}
        </p>
      )}
      {empty && (
        <div className="empty ev-empty">
          <p className="ev-empty__title">No evidence in this case yet.</p>
          <p>
            The evidence locker keeps the files of this incident (logs, e-mails, exports, screenshots) byte
            for byte inside the case file, with their SHA-256, where they came from, and a chain of custody.
            Add files or a whole folder, or drop them anywhere on this section.
          </p>
          <div className="ev-empty__actions">{addButtons}</div>
        </div>
      )}
      {items !== null && items.length > 0 && (
        <div className="ev-body">
          <EvidenceList items={items} />
          <div className="detail ev-detail">
            {selected === undefined ? (
              <p className="empty">Select an item to see its details, preview and chain of custody.</p>
            ) : (
              <EvidenceDetail
                key={selected.id}
                item={selected}
                line={focus !== null && focus.id === selected.id ? focus.line : null}
              />
            )}
          </div>
        </div>
      )}
      {waiting.length > 0 && <PendingFiles pending={waiting} />}
      {dragging && (
        <div className="ev-drop" aria-hidden="true">
          <p className="ev-drop__text">
            {busy ? 'Wait for the running job to finish' : 'Drop to add to the evidence locker'}
          </p>
        </div>
      )}
      {intakePaths !== null && <IntakeDialog paths={intakePaths} />}
    </div>
  );
}
