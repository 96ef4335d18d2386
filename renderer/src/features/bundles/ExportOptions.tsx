import { useId, type ReactNode } from 'react';
import type { BundleExportOptions } from '../../../../shared/domain/bundle';
import { SigningKeyLine } from './SigningKeyLine';
import { useCaseContents } from './use-case-contents';
import { formatBytes } from '../../../../shared/text/bytes';
import { plural } from '../../../../shared/text/plural';

interface ExportOptionsProps {
  options: BundleExportOptions;
  onChange: (options: BundleExportOptions) => void;
}

/** What goes into the bundle (evidence files, privileged notes) and the key that will sign it. */
export function ExportOptions({ options, onChange }: ExportOptionsProps) {
  const contents = useCaseContents();

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
        <OptionCheck
          label="Include evidence files"
          checked={options.includeEvidence}
          onChange={(includeEvidence) => onChange({ ...options, includeEvidence })}
        >
          {evidence} in <code>data/evidence/</code>. Without them the items are still listed, with their
          hashes.
        </OptionCheck>
        <OptionCheck
          label="Include privileged notes"
          checked={options.includePrivileged}
          onChange={(includePrivileged) => onChange({ ...options, includePrivileged })}
        >
          Unless you tick this, privileged notes are left out and the details of their audit entries are
          withheld (the entries stay in the chain, so it still verifies).{privileged}
        </OptionCheck>
        <OptionCheck
          label="Include the roster's records"
          checked={options.includeRoster}
          onChange={(includeRoster) => onChange({ ...options, includeRoster })}
        >
          The people found in the imported datasets, with their names and contact details. Unless you tick
          this they are left out: the bundle keeps only the counts.
        </OptionCheck>
      </fieldset>
      <SigningKeyLine />
    </div>
  );
}

/** One export option: a checkbox with the sentence that says what it changes. */
function OptionCheck({
  label,
  checked,
  onChange,
  children,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  const detailId = useId();
  return (
    <div>
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={detailId}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      <p className="bundle-options__detail" id={detailId}>
        {children}
      </p>
    </div>
  );
}
