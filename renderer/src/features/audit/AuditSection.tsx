import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { useAuditStore } from '../../stores/audit-store';
import { useLettersStore } from '../../stores/letters-store';
import { useObligationsStore } from '../../stores/obligations-store';
import { AuditTable } from './AuditTable';
import { VerificationBanner } from './VerificationBanner';

/** The case file's audit log, newest first, under the result of verifying its hash chain. */
export function AuditSection() {
  const entries = useAuditStore((state) => state.entries);
  const total = useAuditStore((state) => state.total);
  const loading = useAuditStore((state) => state.loading);
  const error = useAuditStore((state) => state.error);
  const refresh = useAuditStore((state) => state.refresh);
  const loadOlder = useAuditStore((state) => state.loadOlder);
  const verify = useAuditStore((state) => state.verify);
  const badSeq = useAuditStore((state) => state.verification?.audit.firstBadSeq ?? null);

  useEffect(() => {
    void refresh();
    void verify();
    // The notices and letters name the entries about them.
    if (useObligationsStore.getState().board === null) void useObligationsStore.getState().load();
    if (useLettersStore.getState().letters === null) void useLettersStore.getState().load();
  }, [refresh, verify]);

  const oldestShown = entries.at(-1)?.seq ?? 0;
  const hasOlder = entries.length > 0 && oldestShown > 1;

  return (
    <div className="audit">
      <VerificationBanner />
      <p className="audit__intro">
        Every change to this case file is recorded here and chained by SHA-256; entries cannot be edited or
        removed.
      </p>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {entries.length > 0 && <AuditTable entries={entries} badSeq={badSeq} />}
      {!loading && entries.length === 0 && error === null && (
        <p className="empty">This case file has no audit entries yet.</p>
      )}
      <div className="audit__footer">
        <p className="muted num" aria-live="polite">
          {total === 0 ? '' : `Showing ${entries.length} of ${total} entries`}
        </p>
        {hasOlder && (
          <Button onClick={() => void loadOlder()} disabled={loading}>
            {loading ? 'Loading…' : 'Load older entries'}
          </Button>
        )}
      </div>
    </div>
  );
}
