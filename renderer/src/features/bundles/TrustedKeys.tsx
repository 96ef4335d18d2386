import { useId, useRef, useState } from 'react';
import type { TrustedKey } from '../../../../shared/domain/bundle';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { HashText } from '../../components/HashText';
import { formatInstant } from '../../lib/time';
import { useSigningStore } from './signing-store';

/** The keys whose bundles verify as trusted here, with Remove (never for this installation's own key). */
export function TrustedKeys({ keys }: { keys: TrustedKey[] }) {
  const untrust = useSigningStore((state) => state.untrust);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [removing, setRemoving] = useState<TrustedKey | null>(null);

  function closeConfirm(): void {
    setRemoving(null);
    // The Remove button may be gone with its row: keep the keyboard in this dialog.
    window.requestAnimationFrame(() => {
      if (!(document.activeElement instanceof HTMLButtonElement)) heading.current?.focus();
    });
  }

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="bundle-subtitle" tabIndex={-1} ref={heading}>
        Trusted keys
      </h3>
      {keys.length === 0 ? (
        <p className="muted">No keys trusted yet.</p>
      ) : (
        <table className="data-table bundle-keys" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Fingerprint</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="offscreen">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.fingerprint}>
                <th scope="row">
                  {key.label}
                  {key.own && <span className="badge bundle-keys__own">This installation</span>}
                </th>
                <td>
                  <HashText value={key.fingerprint} keep={14} label={`fingerprint of ${key.label}`} />
                </td>
                <td className="num nowrap">{formatInstant(key.addedAt)}</td>
                <td>
                  {!key.own && (
                    <Button small onClick={() => setRemoving(key)} aria-label={`Remove ${key.label}…`}>
                      Remove…
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing !== null && (
        <ConfirmDialog
          title="Remove a trusted key"
          confirmLabel="Remove key"
          onConfirm={() => untrust(removing.fingerprint)}
          onClose={closeConfirm}
        >
          <p>
            Bundles signed by <strong>{removing.label}</strong> will no longer verify as trusted on this
            computer; they will read as signed with a key you have not trusted.
          </p>
          <p>
            <HashText value={removing.fingerprint} keep={64} label="fingerprint of the key to remove" />
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
