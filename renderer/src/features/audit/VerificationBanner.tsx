import type { CaseVerification } from '../../../../shared/domain/audit';
import { Button } from '../../components/Button';
import { HashText } from '../../components/HashText';
import { StatusBanner } from '../../components/StatusBanner';
import { useAuditStore } from '../../stores/audit-store';

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function verifiedBefore(count: number): string {
  if (count === 0) return 'No entry before it could be verified.';
  return count === 1 ? 'The entry before it verifies.' : `The ${count} entries before it verify.`;
}

function failure(verification: CaseVerification): { title: string; detail: string } {
  const { audit, integrity } = verification;
  if (!audit.ok) {
    return {
      title:
        audit.firstBadSeq === null
          ? 'Audit chain broken'
          : `Audit chain broken at entry ${audit.firstBadSeq}`,
      detail: `${sentence(audit.problem ?? 'An entry does not match the chain')} ${verifiedBefore(audit.entries)}`,
    };
  }
  return {
    title: 'Case file failed its integrity check',
    detail: sentence(integrity.messages[0] ?? 'SQLite reported damage in the file'),
  };
}

/** Green only when the chain and the file both verify; red names the first bad entry. */
export function VerificationBanner() {
  const verification = useAuditStore((state) => state.verification);
  const verifying = useAuditStore((state) => state.verifying);
  const verifyError = useAuditStore((state) => state.verifyError);
  const verify = useAuditStore((state) => state.verify);

  const again = (
    <Button small onClick={() => void verify()} disabled={verifying}>
      Verify again
    </Button>
  );

  if (verifying && verification === null) {
    return <StatusBanner tone="info" title="Verifying the audit chain…" label="Audit verification" />;
  }
  if (verifyError !== null) {
    return (
      <StatusBanner
        tone="fail"
        title={`Verification could not run: ${verifyError}`}
        actions={again}
        label="Audit verification"
      />
    );
  }
  if (verification === null) return null;
  if (!verification.ok) {
    const { title, detail } = failure(verification);
    return (
      <StatusBanner tone="fail" title={title} actions={again} label="Audit verification">
        <p className="banner__detail">{detail}</p>
      </StatusBanner>
    );
  }
  const count = verification.audit.entries;
  return (
    <StatusBanner
      tone="ok"
      title={`Audit chain verified: ${count} ${count === 1 ? 'entry' : 'entries'}`}
      actions={again}
      label="Audit verification"
    >
      <p className="banner__detail">
        Head hash <HashText value={verification.audit.headHash} label="head hash" keep={12} />
        {verification.audit.withheld > 0 && (
          <span>
            {' '}
            · {verification.audit.withheld} {verification.audit.withheld === 1 ? 'entry' : 'entries'} about
            privileged notes left out of the bundle this case came from (their place in the chain is checked,
            their content is not here)
          </span>
        )}
        {verifying && <span className="muted"> · verifying again…</span>}
      </p>
    </StatusBanner>
  );
}
