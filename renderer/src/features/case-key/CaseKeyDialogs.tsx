import { useEffect } from 'react';
import { useCaseKeyStore } from '../../stores/case-key-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { ChangePassphraseDialog } from './ChangePassphraseDialog';
import { EncryptCaseDialog } from './EncryptCaseDialog';
import { ForgetPassphraseDialog } from './ForgetPassphraseDialog';
import { UnlockCaseDialog } from './UnlockCaseDialog';
import './case-key.css';

/** Whichever passphrase dialog is open: unlocking a file being opened, or a key change of the open case. */
export function CaseKeyDialogs() {
  const dialog = useCaseKeyStore((state) => state.dialog);
  const close = useCaseKeyStore((state) => state.close);
  const current = useWorkspaceStore((state) => state.current);
  // A dialog about a case that is no longer the open one (closed from the menu meanwhile) goes away.
  const stale = dialog !== null && dialog.kind !== 'unlock' && current?.path !== dialog.path;

  useEffect(() => {
    if (stale) close();
  }, [stale, close]);

  if (dialog === null) return null;
  if (dialog.kind === 'unlock') {
    return <UnlockCaseDialog key={dialog.path} path={dialog.path} reason={dialog.reason} onClose={close} />;
  }
  if (stale || current === null) return null;
  if (dialog.kind === 'encrypt') return <EncryptCaseDialog onClose={close} />;
  if (dialog.kind === 'forgetPassphrase') return <ForgetPassphraseDialog onClose={close} />;
  return <ChangePassphraseDialog remembered={current.passphraseRemembered} onClose={close} />;
}
