import { useId } from 'react';
import type { BundleExportOptions } from '../../../../shared/domain/bundle';
import { formatBytes } from '../../lib/zoned';
import { plural } from '../evidence/format';
import { SigningKeyLine } from './SigningKeyLine';
import { useCaseContents } from './use-case-contents';

interface ExportOptionsProps {
  options: BundleExportOptions;
  onChange: (options: BundleExportOptions) => void;
}

/** What goes into the bundle (evidence files, privileged notes) and the key that will sign it. */
export function ExportOptions({ options, onChange }: ExportOptionsProps) {
  const contents = useCaseContents();
  const evidenceId = useId();
  const privilegedId = useId();

  const evidence =
    contents === null
      ? 'The original bytes of every evidence item'
      : contents.evidenceFiles === 0
        ? 'This case has no evidence files yet'
        : `${plural(contents.evidenceFiles, 'file', 'files')}, ${formatBytes(contents.evidenceBytes)} of original bytes`;
  const privileged =
    contents === null || contents.privilegedNotes === 0
      ? ''
      : ` This case has ${plural(contents.privilegedNotes, 'privileged note', 'privileged notes')}.`;

  return (
    <div className="bundle-options">
      <fieldset className="choice-group">
        <legend className="field__label">What goes into the bundle</legend>
        <div>
          <label className="check">
            <input
              type="checkbox"
              checked={options.includeEvidence}
              aria-describedby={evidenceId}
              onChange={(event) => onChange({ ...options, includeEvidence: event.target.checked })}
            />
            Include evidence files
          </label>
          <p className="bundle-options__detail" id={evidenceId}>
            {evidence} in <code>data/evidence/</code>. Without them the items are still listed, with their
            hashes.
          </p>
        </div>
        <div>
          <label className="check">
            <input
              type="checkbox"
              checked={options.includePrivileged}
              aria-describedby={privilegedId}
              onChange={(event) => onChange({ ...options, includePrivileged: event.target.checked })}
            />
            Include privileged notes
          </label>
          <p className="bundle-options__detail" id={privilegedId}>
            Unless you tick this, privileged notes are left out and the details of their audit entries are
            withheld (the entries stay in the chain, so it still verifies).{privileged}
          </p>
        </div>
      </fieldset>
      <SigningKeyLine />
    </div>
  );
}
