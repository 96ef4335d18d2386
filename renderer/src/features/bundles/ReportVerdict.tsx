import type { BundleVerification } from '../../../../shared/domain/bundle';
import { StatusBanner } from '../../components/StatusBanner';
import { baseName } from './format';
import { verdictOf } from './verdict';
import { formatBytes } from '../../../../shared/text/bytes';
import { plural } from '../../../../shared/text/plural';

/** The report's first line: green only when everything verified, amber for an untrusted signer, red otherwise. */
export function ReportVerdict({ report }: { report: BundleVerification }) {
  const name = baseName(report.path);
  const checked = `${plural(report.checked.files, 'file', 'files')} (${formatBytes(report.checked.bytes)}) checked`;
  switch (verdictOf(report)) {
    case 'verified':
      return (
        <StatusBanner tone="ok" label="Verification result" title={`${name} verified.`}>
          <p className="banner__detail">
            {checked}: every file matches its checksum, the signature is valid and from a key you trust, and
            the audit chain is intact.
          </p>
        </StatusBanner>
      );
    case 'untrusted':
      return (
        <div className="banner banner--warn" role="status" aria-label="Verification result">
          <span className="banner__mark" aria-hidden="true">
            ⚠
          </span>
          <div className="banner__body">
            <p className="banner__title">{name} is intact, but signed with a key you have not trusted.</p>
            <p className="banner__detail">
              {checked}. Check the key&apos;s fingerprint with the sender before you trust it.
            </p>
          </div>
        </div>
      );
    case 'failed':
      return (
        <StatusBanner
          tone="fail"
          label="Verification result"
          title={`${name} failed verification: ${plural(report.problems.length, 'problem', 'problems')}.`}
        >
          <p className="banner__detail">
            Do not rely on its contents; ask the sender for a fresh copy. {checked}.
          </p>
        </StatusBanner>
      );
  }
}
