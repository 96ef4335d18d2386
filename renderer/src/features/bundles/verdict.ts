import type { BundleVerification } from '../../../../shared/domain/bundle';

/** Verified (green), intact but signed by a key not trusted here (amber), or failed (red). */
type Verdict = 'verified' | 'untrusted' | 'failed';

export function verdictOf(report: BundleVerification): Verdict {
  if (report.ok) return 'verified';
  const onlySigner =
    report.signature.status === 'unknown-signer' &&
    report.problems.every((problem) => problem.code === 'signature');
  return onlySigner ? 'untrusted' : 'failed';
}
