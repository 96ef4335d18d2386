import type { ReactNode } from 'react';
import { Button } from '../../components/Button';
import { HashText } from '../../components/HashText';
import { StatusBanner } from '../../components/StatusBanner';
import { formatInstant } from '../../lib/time';
import { useEvidenceJobsStore, type JobOutcome as Outcome } from '../../stores/evidence/jobs-store';
import { formatBytes } from '../../../../shared/text/bytes';
import { plural } from '../../../../shared/text/plural';

const JOB_NAMES = { intake: 'Intake', verify: 'Verification', export: 'Export' } as const;

/** What the last intake, verification or export came to, until dismissed or the next job. */
export function JobOutcome() {
  const outcome = useEvidenceJobsStore((state) => state.outcome);
  const dismiss = useEvidenceJobsStore((state) => state.dismissOutcome);
  if (outcome === null) return null;
  const actions = (
    <Button small variant="quiet" onClick={dismiss} aria-label="Dismiss this message">
      Dismiss
    </Button>
  );
  return <OutcomeBanner outcome={outcome} actions={actions} />;
}

function OutcomeBanner({ outcome, actions }: { outcome: Outcome; actions: ReactNode }) {
  switch (outcome.kind) {
    case 'cancelled':
      return (
        <StatusBanner
          tone="info"
          label="Evidence job"
          actions={actions}
          title={
            outcome.job === 'intake'
              ? 'Intake cancelled; nothing was added.'
              : outcome.job === 'verify'
                ? 'Verification cancelled; nothing was recorded.'
                : 'Export cancelled; no file was written.'
          }
        />
      );
    case 'failed':
      return (
        <StatusBanner
          tone="fail"
          label="Evidence job"
          actions={actions}
          title={`${JOB_NAMES[outcome.job]} failed: ${outcome.message}`}
        >
          {outcome.job === 'intake' && <p className="banner__detail">Nothing was added to the case.</p>}
        </StatusBanner>
      );
    case 'intake':
      return <IntakeOutcome outcome={outcome} actions={actions} />;
    case 'verify':
      return <VerifyOutcome outcome={outcome} actions={actions} />;
    case 'export':
      return <ExportOutcome outcome={outcome} actions={actions} />;
  }
}

function IntakeOutcome({
  outcome,
  actions,
}: {
  outcome: Extract<Outcome, { kind: 'intake' }>;
  actions: ReactNode;
}) {
  const { added, alreadyPresent, skipped } = outcome.result;
  const bytes = added.reduce((sum, item) => sum + item.size, 0);
  const parts = [
    `${plural(added.length, 'item', 'items')} added (${formatBytes(bytes)})`,
    alreadyPresent.length > 0
      ? `${plural(alreadyPresent.length, 'file was', 'files were')} already in the locker`
      : '',
    skipped.length > 0 ? `${plural(skipped.length, 'path', 'paths')} skipped` : '',
  ].filter(Boolean);
  return (
    <StatusBanner
      tone="info"
      label="Intake result"
      actions={actions}
      title={`Intake finished: ${parts.join('; ')}.`}
    >
      {(added.length > 0 || alreadyPresent.length > 0 || skipped.length > 0) && (
        <details className="ev-outcome__details">
          <summary>What was taken in</summary>
          <ul className="ev-outcome__list">
            {added.map((item) => (
              <li key={item.id}>
                <span className="ev-outcome__tag">Added</span> <span className="mono">{item.name}</span>{' '}
                <span className="muted num">{formatBytes(item.size)}</span>
              </li>
            ))}
            {alreadyPresent.map((entry) => (
              <li key={`present-${entry.path}`}>
                <span className="ev-outcome__tag">Already present</span>{' '}
                <span className="mono">{entry.path}</span>
              </li>
            ))}
            {skipped.map((entry) => (
              <li key={`skipped-${entry.path}`}>
                <span className="ev-outcome__tag">Skipped</span> <span className="mono">{entry.path}</span>{' '}
                <span className="muted">{entry.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </StatusBanner>
  );
}

function VerifyOutcome({
  outcome,
  actions,
}: {
  outcome: Extract<Outcome, { kind: 'verify' }>;
  actions: ReactNode;
}) {
  const { result } = outcome;
  const when = formatInstant(result.at);
  if (result.ok) {
    return (
      <StatusBanner
        tone="ok"
        label="Verification result"
        actions={actions}
        title={`All ${plural(result.items, 'item', 'items')} verified, ${formatBytes(result.bytes)} re-read.`}
      >
        <p className="banner__detail">
          Every stored chunk matched its SHA-256 on {when}; the check is recorded in each item’s chain of
          custody.
        </p>
      </StatusBanner>
    );
  }
  return (
    <StatusBanner
      tone="fail"
      label="Verification result"
      actions={actions}
      title={`${plural(result.failed.length, 'item', 'items')} of ${plural(result.items, 'item', 'items')} failed verification.`}
    >
      <ul className="ev-outcome__list" aria-label="Items that failed verification">
        {result.failed.map((problem) => (
          <li key={problem.id}>
            <span className="mono">{problem.name}</span>: {problem.problem}
          </li>
        ))}
      </ul>
      <p className="banner__detail">
        The stored bytes no longer match what was taken in on {when}. Export nothing from these items as
        original; take the files in again from their source if you still have it.
      </p>
    </StatusBanner>
  );
}

function ExportOutcome({
  outcome,
  actions,
}: {
  outcome: Extract<Outcome, { kind: 'export' }>;
  actions: ReactNode;
}) {
  const { result } = outcome;
  const matches = result.sha256 === outcome.expected;
  return (
    <StatusBanner
      tone={matches ? 'ok' : 'fail'}
      label="Export result"
      actions={actions}
      title={
        matches
          ? `Exported ${outcome.name} (${formatBytes(result.size)}); the written file matches its SHA-256.`
          : `Exported ${outcome.name}, but the written file does not match its SHA-256.`
      }
    >
      <p className="banner__detail">
        Written to <span className="mono ev-outcome__path">{result.path}</span>
      </p>
      <p className="banner__detail">
        SHA-256 of the written file: <HashText value={result.sha256} label="SHA-256 of the exported file" />
      </p>
    </StatusBanner>
  );
}
