import { useId, useState } from 'react';
import type { BundleVerification } from '../../../../shared/domain/bundle';
import { Button } from '../../components/Button';
import { HashText } from '../../components/HashText';
import { TrustSignerForm } from './TrustSignerForm';

interface SignatureFactsProps {
  signature: BundleVerification['signature'];
  /** Present where trusting the signer can be followed by a new check. */
  onTrusted?: () => void;
}

function Fingerprint({ value }: { value: string | null }) {
  if (value === null) return null;
  return <HashText value={value} keep={64} label="fingerprint of the signer's key" />;
}

/** Who signed the bundle, in words; an unknown signer can be trusted from here. */
export function SignatureFacts({ signature, onTrusted }: SignatureFactsProps) {
  const headingId = useId();
  const [trusting, setTrusting] = useState(false);
  const { status, fingerprint, publicKey, signer } = signature;

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="bundle-subtitle">
        Signature
      </h3>
      {status === 'valid' && (
        <p className="bundle-line bundle-line--ok">
          Signed by {signer ?? 'a trusted key'} <Fingerprint value={fingerprint} />
        </p>
      )}
      {status === 'unknown-signer' && (
        <div className="bundle-signer">
          <p className="bundle-line bundle-line--warn">
            <span aria-hidden="true">⚠ </span>Signed with a key you have not trusted:{' '}
            <Fingerprint value={fingerprint} />
          </p>
          {publicKey !== null &&
            fingerprint !== null &&
            onTrusted !== undefined &&
            (trusting ? (
              <TrustSignerForm
                publicKey={publicKey}
                fingerprint={fingerprint}
                onTrusted={onTrusted}
                onCancel={() => setTrusting(false)}
              />
            ) : (
              <Button onClick={() => setTrusting(true)}>Trust this signer…</Button>
            ))}
        </div>
      )}
      {status === 'invalid' && (
        <p className="bundle-line bundle-line--fail">
          The signature does not match: the bundle was changed after it was signed, or the signature is
          damaged. <Fingerprint value={fingerprint} />
        </p>
      )}
      {status === 'missing' && (
        <p className="bundle-line bundle-line--fail">
          The bundle carries no signature, so who made it cannot be checked.
        </p>
      )}
    </section>
  );
}
