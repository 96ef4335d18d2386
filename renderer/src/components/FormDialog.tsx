import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from './Button';
import { Modal } from './Modal';

interface FormDialogProps {
  title: string;
  description?: ReactNode;
  wide?: boolean;
  submitLabel: string;
  onClose: () => void;
  /**
   * Checks the fields and saves. Resolves null when saved (the dialog closes) or the sentence
   * saying why not (shown under the form); returns undefined when a field is invalid and shows
   * its own error.
   */
  submit: () => Promise<string | null> | undefined;
  children: ReactNode;
}

/** A modal form with Cancel and one submit button, a busy state, and the service's refusal in place. */
export function FormDialog({
  title,
  description,
  wide,
  submitLabel,
  onClose,
  submit,
  children,
}: FormDialogProps) {
  const formId = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const saving = submit();
    if (saving === undefined) return;
    setBusy(true);
    setFailure(null);
    const problem = await saving;
    setBusy(false);
    if (problem === null) onClose();
    else setFailure(problem);
  }

  return (
    <Modal
      title={title}
      description={description}
      onClose={onClose}
      wide={wide}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form={formId} variant="primary" disabled={busy}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} className="form-stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        {children}
        {failure !== null && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
      </form>
    </Modal>
  );
}
