import { HashText } from '../../components/HashText';
import { useSigningInfo } from './signing-store';

/** The key an export will be signed with, or that one will be created. */
export function SigningKeyLine() {
  const { info, error } = useSigningInfo();

  return (
    <section className="bundle-options__key" aria-labelledby="bundle-signing-heading">
      <h3 id="bundle-signing-heading" className="bundle-subtitle">
        Signing key
      </h3>
      {error !== null ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : info === null ? (
        <p className="muted">Reading the signing key…</p>
      ) : info.own === null ? (
        <p>A signing key pair will be created for this installation on first export.</p>
      ) : (
        <p className="bundle-options__fingerprint">
          Signed with this installation&apos;s key{' '}
          <HashText value={info.own.fingerprint} keep={64} label="fingerprint of the signing key" />
        </p>
      )}
    </section>
  );
}
