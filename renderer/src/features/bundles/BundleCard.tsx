import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { MOD_LABEL } from '../../lib/platform';
import { useContentChanged } from '../../lib/use-content-changed';
import { exportBundle, mergeBundle, showConflicts, showSigningKeys, verifyBundle } from './bundle-commands';
import { useBundleStore } from './bundle-store';
import { useConflictsStore } from './conflicts-store';
import { plural } from '../../../../shared/text/plural';

/** Overview → Case bundle: export, verify, merge, signing keys, and the merge conflicts waiting. */
export function BundleCard() {
  const openCount = useConflictsStore((state) => state.openCount);
  const load = useConflictsStore((state) => state.load);
  const actionError = useBundleStore((state) => state.actionError);
  const conflictsError = useConflictsStore((state) => state.error);

  useEffect(() => {
    void load();
  }, [load]);
  useContentChanged(['conflicts'], load);

  return (
    <section className="panel" aria-labelledby="bundle-card-heading">
      <h3 id="bundle-card-heading" className="panel__title">
        Case bundle
      </h3>
      <p className="panel__intro">
        A signed .zip of this case for counsel, a regulator or a colleague; its index.html opens without
        Breachdesk. A colleague&apos;s bundle of the same case can be merged in.
      </p>
      {openCount > 0 && (
        <p className="bundle-card__conflicts">
          <Button onClick={showConflicts} className="bundle-card__conflicts-button">
            <span aria-hidden="true">⚠</span>
            {plural(openCount, 'merge conflict', 'merge conflicts')} to resolve
          </Button>
        </p>
      )}
      <div className="bundle-actions">
        <Button onClick={exportBundle} aria-keyshortcuts="Control+Shift+B Meta+Shift+B">
          Export bundle…
        </Button>
        <Button onClick={verifyBundle}>Verify a bundle…</Button>
        <Button onClick={mergeBundle}>Merge a colleague&apos;s bundle…</Button>
        <Button onClick={showSigningKeys}>Signing keys…</Button>
      </div>
      <p className="field__hint bundle-card__hint">
        <kbd>{MOD_LABEL}+Shift+B</kbd> exports from anywhere in the case.
      </p>
      {conflictsError !== null && (
        <p className="inline-error" role="alert">
          The merge conflicts could not be read: {conflictsError}
        </p>
      )}
      {actionError !== null && (
        <p className="inline-error" role="alert">
          {actionError}
        </p>
      )}
    </section>
  );
}
