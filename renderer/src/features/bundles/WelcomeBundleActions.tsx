import { useId } from 'react';
import { Button } from '../../components/Button';
import { useUiStore } from '../../stores/ui-store';
import { openBundle, showSigningKeys, verifyBundle } from './bundle-commands';
import { useBundleStore } from './bundle-store';

/** Welcome screen: open a colleague's bundle as a new case, check one, or manage signing keys. */
export function WelcomeBundleActions() {
  const busy = useUiStore((state) => state.busy);
  const actionError = useBundleStore((state) => state.actionError);
  const noteId = useId();
  return (
    <>
      <section className="welcome__actions" aria-label="Case bundles">
        <Button onClick={openBundle} disabled={busy} aria-describedby={noteId}>
          Open bundle…
        </Button>
        <Button onClick={verifyBundle}>Verify a bundle…</Button>
        <Button onClick={showSigningKeys}>Signing keys…</Button>
      </section>
      <p className="welcome__note" id={noteId}>
        A case bundle is a signed .zip of a case; it is verified before it is opened as a new case file.
      </p>
      {actionError !== null && (
        <p className="inline-error" role="alert">
          {actionError}
        </p>
      )}
    </>
  );
}
