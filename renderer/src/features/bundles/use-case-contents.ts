import { useEffect, useState } from 'react';
import { useBundleJobsStore, type CaseContents } from './bundle-jobs-store';

/** What the export options talk about: the evidence files and privileged notes in the open case. */
export function useCaseContents(): CaseContents | null {
  const read = useBundleJobsStore((state) => state.readCaseContents);
  const [contents, setContents] = useState<CaseContents | null>(null);
  useEffect(() => {
    let live = true;
    read()
      .then((found) => {
        if (live) setContents(found);
      })
      // Only the counts in the option texts are missing; the export itself does not need them.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [read]);
  return contents;
}
