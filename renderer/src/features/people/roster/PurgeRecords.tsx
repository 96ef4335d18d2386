import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Button } from '../../../components/Button';
import { plural } from '../../../../../shared/text/plural';
import { useRosterStore } from './roster-store';

/**
 * Deletes every roster record once the notices no longer need them (data minimisation), keeping
 * the counts the obligations are computed from. Asked first, and audited by main.
 */
export function PurgeRecords({ records }: { records: number }) {
  const purge = useRosterStore((state) => state.purge);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button className="btn--danger" onClick={() => setAsking(true)} disabled={records === 0}>
        Purge records…
      </Button>
      {asking && (
        <ConfirmDialog
          title="Purge the roster records?"
          confirmLabel="Purge records"
          onConfirm={purge}
          onClose={() => setAsking(false)}
        >
          <p>
            All {plural(records, 'record')} of the roster will be deleted from the case file: names, contact
            details and every other value read from the datasets. The counts of people by residency and by
            exposed data are kept, so the obligations do not change. Lookups and the review queue will no
            longer work. This cannot be undone, and it is recorded in the audit log.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
