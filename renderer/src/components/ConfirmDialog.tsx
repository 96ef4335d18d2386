import { useState, type ReactNode } from 'react';
import { Button } from './Button';
import { Modal } from './Modal';

interface ConfirmDialogProps {
  title: string;
  /** Exactly what will happen, in one or two sentences. */
  children: ReactNode;
  confirmLabel: string;
  /** Resolves null when done, or the sentence saying why it could not be done. */
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}

/** Asks before a destructive action; Cancel has the focus, and a failure is shown in the dialog. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(): Promise<void> {
    setBusy(true);
    setError(null);
    const failure = await onConfirm();
    setBusy(false);
    if (failure !== null) return setError(failure);
    onClose();
    // The control that opened the dialog may be gone with what was removed: keep the keyboard in the section.
    window.requestAnimationFrame(() => {
      if (document.activeElement === document.body) document.getElementById('section-heading')?.focus();
    });
  }

  return (
    <Modal
      title={title}
      onClose={onClose}
      initialFocus=".confirm-cancel"
      footer={
        <>
          <Button className="confirm-cancel" onClick={onClose}>
            Cancel
          </Button>
          <Button className="btn--danger" onClick={() => void confirm()} disabled={busy}>
            {busy ? 'Working…' : confirmLabel}
          </Button>
        </>
      }
    >
      <div className="confirm-body">{children}</div>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
