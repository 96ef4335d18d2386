import { useState } from 'react';
import type { DatasetPreview } from '../../../../../shared/ipc/roster-contract';
import { call, messageOf } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ImportDialog } from './ImportDialog';

interface Chosen {
  path: string;
  preview: DatasetPreview;
}

/**
 * "Import dataset…": the file dialog, then a first look at the file (nothing stored), then the
 * mapping dialog. The sample rows live only in this component's state while the dialog is open.
 */
export function ImportDataset({ primary = false }: { primary?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);

  async function choose(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const { path } = await call('dialog.chooseDataset', {});
      if (path !== null) setChosen({ path, preview: await call('roster.preview', { path }) });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant={primary ? 'primary' : 'secondary'} onClick={() => void choose()} disabled={busy}>
        {busy ? 'Reading the file…' : 'Import dataset…'}
      </Button>
      {error !== null && (
        <p className="inline-error roster-import-error" role="alert">
          {error}
        </p>
      )}
      {chosen !== null && (
        <ImportDialog
          path={chosen.path}
          preview={chosen.preview}
          onReread={async (options) => {
            // A new first look with the corrected reading; the old one stays if this one fails.
            const preview = await call('roster.preview', { path: chosen.path, ...options });
            setChosen({ path: chosen.path, preview });
          }}
          onClose={() => setChosen(null)}
        />
      )}
    </>
  );
}
