import type { BundleExportResult } from '../../../../shared/domain/bundle';
import { HashText } from '../../components/HashText';
import { StatusBanner } from '../../components/StatusBanner';
import { baseName } from './format';
import { formatBytes } from '../../../../shared/text/bytes';
import { plural } from '../../../../shared/text/plural';

const ENVELOPE_WORDS: Record<BundleExportResult['envelope'], string> = {
  none: 'No: a plain zip anyone who has it can read',
  passphrase: 'Yes, with age to a passphrase: send the passphrase another way',
  recipients: 'Yes, with age to the recipients given: only their age keys open it',
};

/** Where the bundle was written, how big it is, what it holds and the key that signed it. */
export function ExportOutcome({ result }: { result: BundleExportResult }) {
  return (
    <div className="bundle-result">
      <StatusBanner
        tone="info"
        label="Export result"
        title={`Bundle written: ${baseName(result.path)} (${formatBytes(result.bytes)}).`}
      >
        <p className="banner__detail">Signed and complete; send it as it is, or verify it first.</p>
      </StatusBanner>
      <dl className="facts bundle-facts">
        <dt>Written to</dt>
        <dd>
          <code className="mono path">{result.path}</code>
        </dd>
        <dt>Encrypted</dt>
        <dd>{ENVELOPE_WORDS[result.envelope]}</dd>
        <dt>Size</dt>
        <dd className="num">{formatBytes(result.bytes)}</dd>
        <dt>Payload</dt>
        <dd className="num">
          {plural(result.payloadFiles, 'file', 'files')}, {formatBytes(result.payloadBytes)}
        </dd>
        <dt>Evidence files</dt>
        <dd className="num">{plural(result.evidenceFiles, 'file', 'files')}</dd>
        <dt>Letters</dt>
        <dd className="num">{plural(result.letterFiles, 'file', 'files')}</dd>
        <dt>Signed with</dt>
        <dd>
          <HashText value={result.signerFingerprint} keep={64} label="fingerprint of the signing key" />
        </dd>
        <dt>Audit head</dt>
        <dd>
          <HashText value={result.auditHead} label="audit head" />
        </dd>
        <dt>Bundle id</dt>
        <dd>
          <code className="mono">{result.bundleId}</code>
        </dd>
      </dl>
    </div>
  );
}
