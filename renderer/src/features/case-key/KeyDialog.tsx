import { useId, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';

interface KeyDialogProps {
  title: string;
  description: ReactNode;
  submitLabel: string;
  working: boolean;
  /** The service's refusal that belongs to no one field, in one sentence. */
  failure: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  children: ReactNode;
}

/**
 * The frame of the passphrase dialogs: a form (Enter submits), Cancel and one submit button, focus
 * in the first field, Escape to cancel. Unlike FormDialog, each dialog keeps its own field errors
 * (a wrong passphrase is said under the passphrase).
 */
export function KeyDialog({
  title,
  description,
  submitLabel,
  working,
  failure,
  onSubmit,
  onClose,
  children,
}: KeyDialogProps) {
  const formId = useId();
  return (
    <Modal
      title={title}
      description={description}
      onClose={onClose}
      initialFocus="input"
      footer={
        <>
          <Button variant="quiet" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={formId} disabled={working}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} className="form-stack" onSubmit={onSubmit} noValidate>
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
