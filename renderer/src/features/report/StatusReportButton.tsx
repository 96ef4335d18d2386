import { useState } from 'react';
import './status-report.css';
import { call, messageOf } from '../../api/client';
import { Button } from '../../components/Button';
import { useWorkspaceStore } from '../../stores/workspace-store';

type Format = 'pdf' | 'html';

/** The format the chosen file name asks for; else the one the button offered. */
function formatFor(path: string, offered: Format): Format {
  const lower = path.toLowerCase();
  if (lower.endsWith('.pdf')) return 'pdf';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return offered;
}

/** "partner-api-exposure-status-2026-12-07.pdf" */
function suggestedName(title: string, format: Format): string {
  const slug =
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'case';
  const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  return `${slug}-status-${day}.${format}`;
}

interface Outcome {
  kind: 'written' | 'failed';
  text: string;
}

/**
 * Saves the one-page status report ("where we stand": what happened, who and how many, what is
 * owed by when, what is sent; no personal data) as PDF, or as HTML, where the person chooses,
 * then says where it went or why it could not be written.
 */
export function StatusReportButton({ small = false }: { small?: boolean }) {
  const title = useWorkspaceStore((state) => state.current?.record.title ?? '');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function save(offered: Format): Promise<void> {
    setOutcome(null);
    let path: string | null;
    try {
      path = (await call('dialog.chooseExportPath', { suggestedName: suggestedName(title, offered) })).path;
    } catch (error) {
      setOutcome({ kind: 'failed', text: messageOf(error) });
      return;
    }
    if (path === null) return;
    setBusy(true);
    try {
      // The native save dialog has already asked before replacing an existing file.
      const written = await call('report.export', {
        path,
        format: formatFor(path, offered),
        overwrite: true,
      });
      const left =
        written.withheld === 0
          ? ''
          : ` ${written.withheld} passage(s) of free text were left out because they may hold personal data.`;
      setOutcome({
        kind: 'written',
        text: `Status report (${written.format.toUpperCase()}) saved to ${written.path}.${left}`,
      });
    } catch (error) {
      setOutcome({ kind: 'failed', text: `The status report could not be saved: ${messageOf(error)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="status-report">
      <div className="status-report__actions" role="group" aria-label="Status report">
        <Button
          small={small}
          onClick={() => void save('pdf')}
          disabled={busy}
          aria-busy={busy || undefined}
          title="Where we stand, on one page for management or counsel: no personal data"
        >
          {busy ? 'Saving the status report…' : 'Status report (PDF)…'}
        </Button>
        <Button
          small={small}
          variant="quiet"
          onClick={() => void save('html')}
          disabled={busy}
          aria-label="Status report as HTML…"
        >
          HTML…
        </Button>
      </div>
      {outcome !== null && (
        <p
          className={
            outcome.kind === 'written'
              ? 'notice status-report__outcome'
              : 'notice notice--fail status-report__outcome'
          }
          role={outcome.kind === 'written' ? 'status' : 'alert'}
        >
          {outcome.text}
        </p>
      )}
    </div>
  );
}
