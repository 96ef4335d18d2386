import { useState } from 'react';
import type { LetterCheckResult } from '../../../../shared/domain/letters';
import { FieldFrame } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';

interface DialogProps {
  title: string;
  onClose: () => void;
}

/**
 * Approval. With a failing check, a person records why it is approved anyway (audited); the
 * service refuses an approval without that reason, and its sentence is shown here.
 */
export function ApproveDialog({
  title,
  version,
  failing,
  onClose,
  approve,
}: DialogProps & {
  version: number;
  failing: LetterCheckResult[];
  approve: (override: string | undefined) => Promise<string | null>;
}) {
  const [reason, setReason] = useState('');

  function submit(): Promise<string | null> | undefined {
    return approve(reason.trim() === '' ? undefined : reason.trim());
  }

  return (
    <FormDialog
      title="Approve letter"
      description={title}
      submitLabel={failing.length > 0 ? 'Approve with override' : 'Approve'}
      onClose={onClose}
      submit={submit}
    >
      <p>
        Version {version} will be approved and locked: it can no longer change. Editing the letter afterwards
        makes a new draft version.
      </p>
      {failing.length > 0 && (
        <>
          <div className="letter-approve__failing">
            <p className="letter-approve__lead">
              {failing.length === 1 ? 'One check fails:' : `${failing.length} checks fail:`}
            </p>
            <ul>
              {failing.map((check) => (
                <li key={check.id}>
                  {check.title}
                  {check.citation !== '' && <span className="muted"> ({check.citation})</span>}
                </li>
              ))}
            </ul>
          </div>
          <FieldFrame
            label="Override reason"
            hint="Why the letter is approved although these checks fail. It is kept with the approval and in the audit log."
          >
            {({ inputId, describedBy }) => (
              <textarea
                id={inputId}
                className="field__control field__control--area"
                rows={4}
                maxLength={5000}
                value={reason}
                aria-describedby={describedBy}
                onChange={(event) => setReason(event.target.value)}
              />
            )}
          </FieldFrame>
        </>
      )}
    </FormDialog>
  );
}
