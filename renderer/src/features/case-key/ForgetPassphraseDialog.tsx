import { ConfirmDialog } from '../../components/ConfirmDialog';
import { forgetOpenCasePassphrase } from './key-actions';

/** Asks before this computer forgets the case's passphrase: someone has to know it from then on. */
export function ForgetPassphraseDialog({ onClose }: { onClose: () => void }) {
  return (
    <ConfirmDialog
      title="Forget remembered passphrase"
      confirmLabel="Forget passphrase"
      onConfirm={async () => (await forgetOpenCasePassphrase())?.message ?? null}
      onClose={onClose}
    >
      <p>
        This computer stops keeping the passphrase, and asks for it the next time the case file is opened.
        Make sure you know it: without it the case file cannot be opened.
      </p>
    </ConfirmDialog>
  );
}
