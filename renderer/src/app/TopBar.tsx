import type { OpenCase } from '../../../shared/domain/case';
import { CASE_STATUS_LABELS } from '../../../shared/domain/case';
import { Button } from '../components/Button';
import { LockState } from '../features/case-key/LockState';
import { DeadlineChip } from '../features/obligations/DeadlineChip';
import { useUiStore } from '../stores/ui-store';
import { selectSaveKind, selectSaveText, useWorkspaceStore } from '../stores/workspace-store';
import { MOD_LABEL } from '../lib/platform';
import { closeCase } from './case-actions';

/** Case title, lock state, save state (always visible, a failed write impossible to miss) and Close case. */
export function TopBar({ openCase }: { openCase: OpenCase }) {
  const { record } = openCase;
  const saveText = useWorkspaceStore(selectSaveText);
  const saveKind = useWorkspaceStore(selectSaveKind);
  const busy = useUiStore((state) => state.busy);
  const openDialog = useUiStore((state) => state.openDialog);

  return (
    <header className="topbar">
      <div className="topbar__brand" aria-hidden="true">
        <span className="brand-mark brand-mark--small">B</span>
      </div>
      <div className="topbar__case">
        <h1 className="topbar__title" title={record.title}>
          {record.title}
        </h1>
        <p className="topbar__meta">
          <span>{record.organisation}</span>
          {/* Named as in the case record, so it is not mistaken for the incident's own status. */}
          <span className="topbar__status">Response stage: {CASE_STATUS_LABELS[record.status]}</span>
        </p>
      </div>
      <DeadlineChip />
      <button
        type="button"
        className="topbar__search"
        onClick={() => openDialog('search')}
        aria-keyshortcuts="Control+K Meta+K"
      >
        <span className="topbar__search-icon" aria-hidden="true" />
        {/* The visible words are the button's name (no aria-label that says something else). */}
        <span className="topbar__search-text">Search the case…</span>
        <kbd aria-hidden="true">{MOD_LABEL}+K</kbd>
      </button>
      <LockState openCase={openCase} />
      <p
        className={`save-state save-state--${saveKind}`}
        role="status"
        aria-live="polite"
        aria-label="Save state"
      >
        <span className="save-state__dot" aria-hidden="true" />
        <span className="save-state__text">{saveText}</span>
      </p>
      <Button onClick={() => void closeCase()} disabled={busy} aria-keyshortcuts="Control+W Meta+W">
        Close case
      </Button>
    </header>
  );
}
