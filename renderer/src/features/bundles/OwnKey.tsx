import { useId, useState } from 'react';
import type { SigningInfo } from '../../../../shared/domain/bundle';
import { Button } from '../../components/Button';
import { HashText } from '../../components/HashText';
import { formatInstant } from '../../lib/time';
import { useSigningStore } from './signing-store';

/**
 * This installation's key: fingerprint and public key to copy, its age recipient for encrypted
 * bundles, and how the private keys are kept.
 */
export function OwnKey({ info }: { info: SigningInfo }) {
  const ensureKey = useSigningStore((state) => state.ensureKey);
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(): Promise<void> {
    setBusy(true);
    setError(await ensureKey());
    setBusy(false);
  }

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="bundle-subtitle">
        This installation&apos;s key
      </h3>
      {info.own === null ? (
        <div className="bundle-stack">
          <p>No key pair yet: one is created for this installation at the first export.</p>
          <div>
            <Button onClick={() => void create()} disabled={busy}>
              {busy ? 'Creating…' : 'Create the key pair now'}
            </Button>
          </div>
        </div>
      ) : (
        <dl className="facts bundle-facts">
          <dt>Fingerprint</dt>
          <dd>
            <HashText value={info.own.fingerprint} keep={64} label="fingerprint of this installation's key" />
          </dd>
          <dt>Public key</dt>
          <dd className="bundle-stack">
            <HashText value={info.own.publicKey} keep={64} label="public key of this installation" />
            <span className="field__hint">
              Send this to a colleague so they can trust bundles you sign; it reveals nothing secret.
            </span>
          </dd>
          <dt>Created</dt>
          <dd>
            <time dateTime={info.own.createdAt}>{formatInstant(info.own.createdAt)}</time>
          </dd>
          <dt>Age recipient</dt>
          <dd className="bundle-stack">
            {info.ageRecipient === null ? (
              <>
                <span>None yet: one is made with the key pair, or now.</span>
                <div>
                  <Button onClick={() => void create()} disabled={busy}>
                    {busy ? 'Creating…' : 'Create the age key now'}
                  </Button>
                </div>
              </>
            ) : (
              <>
                <HashText value={info.ageRecipient} keep={64} label="age recipient of this installation" />
                <span className="field__hint">
                  Colleagues encrypt bundles to it (Encrypt the bundle, to people’s age keys, or{' '}
                  <code>breachdesk bundle export --encrypt-to</code>); only this installation opens them.
                </span>
              </>
            )}
          </dd>
        </dl>
      )}
      <p className="bundle-note">
        <span className="muted">Private key protection: </span>
        {info.protection}
      </p>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
