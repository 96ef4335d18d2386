import type { BundleVerification } from '../../../../shared/domain/bundle';
import { AuditFacts } from './AuditFacts';
import { BagFacts } from './BagFacts';
import { ProblemsTable } from './ProblemsTable';
import { ReportVerdict } from './ReportVerdict';
import { SignatureFacts } from './SignatureFacts';

interface BundleReportProps {
  report: BundleVerification;
  /** Called once an unknown signer has been trusted; the caller checks the bundle again. */
  onTrusted?: () => void;
}

/** What verifying a bundle found: verdict, bag information, signature, audit chain and every problem. */
export function BundleReport({ report, onTrusted }: BundleReportProps) {
  // An untrusted signer is explained (and can be trusted) under Signature; the table lists the rest.
  const problems =
    report.signature.status === 'unknown-signer'
      ? report.problems.filter((problem) => problem.code !== 'signature')
      : report.problems;
  return (
    <div className="bundle-report">
      <ReportVerdict report={report} />
      {report.envelope !== 'none' && (
        <p className="bundle-note">
          Encrypted with age to{' '}
          {report.envelope === 'passphrase' ? 'a passphrase' : 'this installation’s key'}; every part of it
          was authenticated as it was opened.
        </p>
      )}
      <ProblemsTable problems={problems} />
      <SignatureFacts signature={report.signature} onTrusted={onTrusted} />
      <BagFacts bag={report.bag} />
      <AuditFacts audit={report.audit} />
    </div>
  );
}
