import { useState } from 'react';
import type { BoardRow, NoticeLetter } from '../../../../shared/domain/obligation-status';
import { Button } from '../../components/Button';
import { copyText } from '../../lib/clipboard';
import { useLettersStore } from '../../stores/letters-store';
import { useObligationsStore } from '../../stores/obligations-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import './notice-letter.css';

const STATE_LABELS: Record<NoticeLetter['status'], string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  sent: 'Sent',
};

/** "Draft v2", "In review v3", "Approved v3", "Sent v3", or "No letter". */
export function letterStateText(row: BoardRow): string {
  const { state, version } = row.letterState;
  if (state === 'none') return 'No letter';
  return `${STATE_LABELS[state]} v${version ?? 1}`;
}

export function letterText(letter: NoticeLetter): string {
  const version = letter.status === 'draft' ? letter.version : (letter.approvedVersion ?? letter.version);
  return `${STATE_LABELS[letter.status]} · version ${version}`;
}

/** Opens a letter in the Letters section, selected. */
export function useOpenLetter(): (letterId: string) => void {
  const select = useLettersStore((state) => state.select);
  const showSection = useWorkspaceStore((state) => state.showSection);
  return (letterId) => {
    select(letterId);
    showSection('letters');
  };
}

/**
 * Draft letter (from the notice's template, linked to it; the notice moves to Drafting) or Open
 * draft, with why no letter is offered where no template fits.
 */
export function LetterAction({ row, title }: { row: BoardRow; title: string }) {
  const create = useLettersStore((state) => state.create);
  const reloadBoard = useObligationsStore((state) => state.load);
  const showSection = useWorkspaceStore((state) => state.showSection);
  const open = useOpenLetter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { letterState } = row;

  async function draft(): Promise<void> {
    setBusy(true);
    setFailure(null);
    const problem = await create({ obligationRuleId: row.ruleId });
    setBusy(false);
    if (problem !== null) {
      setFailure(problem);
      return;
    }
    void reloadBoard();
    showSection('letters');
  }

  if (letterState.letterId !== null) {
    const letterId = letterState.letterId;
    const label = letterState.state === 'draft' ? 'Open draft' : 'Open letter';
    return (
      <div className="notice-letter">
        <Button
          small
          title={`${label} (${letterStateText(row)}) for ${title}`}
          onClick={() => open(letterId)}
        >
          {label}
        </Button>
      </div>
    );
  }
  if (row.obligation === null) return null;
  if (row.template === null) {
    return (
      <p className="notice-letter__none obl-muted">{row.templateUnavailable ?? 'No letter template fits.'}</p>
    );
  }
  return (
    <div className="notice-letter">
      <Button
        small
        variant="primary"
        disabled={busy}
        title={`Draft the letter for ${title} from the template “${row.template.title}”`}
        onClick={() => void draft()}
      >
        {busy ? 'Drafting…' : 'Draft letter'}
      </Button>
      {failure !== null && (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}

/** A source as text: its title and address, with a button that copies the address (no live link offline). */
export function SourceLine({ source }: { source: BoardRow['sources'][number] }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy(): Promise<void> {
    setCopied((await copyText(source.url)) ? 'copied' : 'failed');
  }
  return (
    <li className="notice-source">
      <span className="notice-source__title" title={source.supports === '' ? undefined : source.supports}>
        {source.title}
      </span>
      {source.url !== '' && (
        <>
          {' '}
          <span className="notice-source__url">{source.url}</span>{' '}
          <button
            type="button"
            className="hash__copy"
            aria-label={`Copy the address of ${source.title}`}
            onClick={() => void copy()}
            onBlur={() => setCopied('idle')}
          >
            {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
          </button>
        </>
      )}
    </li>
  );
}
