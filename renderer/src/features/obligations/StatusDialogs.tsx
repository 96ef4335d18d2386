import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { FieldFrame } from '../../components/Field';
import { NoteField } from '../../components/MarkSentDialog';
import { Modal } from '../../components/Modal';
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
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (rationale.trim() === '') return setError('Record why this notice is not required');
    setBusy(true);
    const problem = await record({ status: 'not_required', rationale: rationale.trim(), note });
    setBusy(false);
    if (problem === null) onClose();
    else setFailure(problem);
  }

  return (
    <Modal
      title="Not required"
      description={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="obl-not-required-form" variant="primary" disabled={busy}>
            Record as not required
          </Button>
        </>
      }
    >
      <form
        id="obl-not-required-form"
        className="form-stack"
        onSubmit={(event) => void save(event)}
        noValidate
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
        {failure !== null && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
      </form>
    </Modal>
  );
}
