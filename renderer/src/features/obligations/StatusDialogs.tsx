import { useState } from 'react';
import { FieldFrame } from '../../components/Field';
import { NoteField } from '../../components/MarkSentDialog';
import { FormDialog } from '../../components/FormDialog';
import type { StatusInput } from '../../stores/obligations-store';

interface StatusDialogProps {
  title: string;
  onClose: () => void;
  /** Records the status; resolves null, or the sentence saying why it failed. */
  record: (status: StatusInput) => Promise<string | null>;
}

/** Why the notice is not required; the rationale is required and kept with the status. */
export function NotRequiredDialog({
  title,
  rationale: initialRationale,
  onClose,
  record,
}: StatusDialogProps & { rationale: string }) {
  const [rationale, setRationale] = useState(initialRationale);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  function save(): Promise<string | null> | undefined {
    if (rationale.trim() === '') {
      setError('Record why this notice is not required');
      return undefined;
    }
    return record({ status: 'not_required', rationale: rationale.trim(), note });
  }

  return (
    <FormDialog
      title="Not required"
      description={title}
      submitLabel="Record as not required"
      onClose={onClose}
      submit={save}
    >
      <FieldFrame
        label="Rationale"
        error={error}
        hint="Why this notice is not owed (for example: the risk assessment, an exception that applies)."
      >
        {({ inputId, describedBy, invalid }) => (
          <textarea
            id={inputId}
            className="field__control field__control--area"
            rows={4}
            maxLength={5000}
            value={rationale}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              setRationale(event.target.value);
              setError(null);
            }}
          />
        )}
      </FieldFrame>
      <NoteField value={note} onChange={setNote} />
    </FormDialog>
  );
}
