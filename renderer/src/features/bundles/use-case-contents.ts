import { useEffect, useState } from 'react';
import { call } from '../../api/client';

export interface CaseContents {
  evidenceFiles: number;
  evidenceBytes: number;
  privilegedNotes: number;
}

/** What the export options talk about: the evidence files and privileged notes in the open case. */
export function useCaseContents(): CaseContents | null {
  const [contents, setContents] = useState<CaseContents | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([call('evidence.list', {}), call('notes.list', {})])
      .then(([items, notes]) => {
        if (!live) return;
        setContents({
          evidenceFiles: items.length,
          evidenceBytes: items.reduce((sum, item) => sum + item.size, 0),
          privilegedNotes: notes.filter((note) => note.privileged).length,
        });
      })
      // Only the counts in the option texts are missing; the export itself does not need them.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return contents;
}
