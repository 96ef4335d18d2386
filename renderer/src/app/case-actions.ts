import { call, codeOf, messageOf } from '../api/client';
import { flushPendingEdits } from '../lib/pending-edits';
import { useAuditStore } from '../stores/audit-store';
import { useCaseKeyStore } from '../stores/case-key-store';
import { useRecentStore } from '../stores/recent-store';
import { useUiStore } from '../stores/ui-store';
import { useWorkspaceStore } from '../stores/workspace-store';
import type { OpenCase } from '../../../shared/domain/case';
import { CASE_FILE_EXTENSION } from '../../../shared/domain/case-file';

const DEMO_FILE_NAME = `Sonora Streaming demo${CASE_FILE_EXTENSION}`;

/**
 * The open / create / close flows shared by the welcome screen, the shortcuts and the
 * application menu. Failures become one sentence in the ui store, shown where the user is.
 */
async function exclusive(task: () => Promise<void>): Promise<void> {
  const ui = useUiStore.getState();
  if (ui.busy) return;
  ui.setBusy(true);
  try {
    await task();
  } finally {
    useUiStore.getState().setBusy(false);
  }
}

function adopt(opened: OpenCase): void {
  useAuditStore.getState().reset();
  useWorkspaceStore.getState().adopt(opened);
  useUiStore.getState().setActionError(null);
}

/**
 * Opens with the passphrase this computer remembers, if any; an encrypted file without one asks
 * for it in a dialog (which opens the file itself) and this resolves when that dialog closes.
 */
async function openAt(path: string): Promise<void> {
  try {
    await flushPendingEdits();
    adopt(await call('case.open', { path }));
  } catch (error) {
    if (codeOf(error) === 'PASSPHRASE_REQUIRED')
      await useCaseKeyStore.getState().unlock(path, messageOf(error));
    else useUiStore.getState().setActionError(messageOf(error));
  } finally {
    void useRecentStore.getState().load();
  }
}

type UnlockOutcome = { kind: 'opened' } | { kind: 'wrongPassphrase' } | { kind: 'failed'; message: string };

/** The passphrase dialog's attempt: opens the file with what the person typed. */
export async function openWithPassphrase(
  path: string,
  passphrase: string,
  remember: boolean,
): Promise<UnlockOutcome> {
  try {
    adopt(await call('case.open', { path, passphrase, remember }));
    return { kind: 'opened' };
  } catch (error) {
    if (codeOf(error) === 'WRONG_PASSPHRASE') return { kind: 'wrongPassphrase' };
    return { kind: 'failed', message: messageOf(error) };
  }
}

/**
 * Opens a case file just written with a passphrase the person gave moments ago (an imported
 * bundle), without asking again; a failure is said where the person is.
 */
export function openCaseWithPassphrase(path: string, passphrase: string, remember: boolean): Promise<void> {
  return exclusive(async () => {
    const outcome = await openWithPassphrase(path, passphrase, remember);
    if (outcome.kind === 'failed') useUiStore.getState().setActionError(outcome.message);
    else if (outcome.kind === 'wrongPassphrase') await openAt(path);
    void useRecentStore.getState().load();
  });
}

/** Asks for a case file with the native dialog, then opens it; cancelling changes nothing. */
export function chooseAndOpenCase(): Promise<void> {
  return exclusive(async () => {
    let path: string | null;
    try {
      path = (await call('dialog.chooseCaseToOpen', {})).path;
    } catch (error) {
      useUiStore.getState().setActionError(messageOf(error));
      return;
    }
    if (path !== null) await openAt(path);
  });
}

export function openCaseAt(path: string): Promise<void> {
  return exclusive(() => openAt(path));
}

type CreateOutcome = { kind: 'created' } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/** How a new case file is kept: encrypted with a passphrase (the default), or plaintext by explicit choice. */
export type NewCaseKey = { passphrase: string; remember: boolean } | { plaintext: true };

/** Asks where to save the new case file, then creates it there (the save dialog confirmed any replacement). */
export async function createCase(
  title: string,
  organisation: string,
  key: NewCaseKey,
): Promise<CreateOutcome> {
  try {
    const { path } = await call('dialog.chooseNewCasePath', { suggestedName: suggestedFileName(title) });
    if (path === null) return { kind: 'cancelled' };
    await flushPendingEdits();
    adopt(await call('case.create', { path, title, organisation, overwrite: true, ...key }));
    void useRecentStore.getState().load();
    return { kind: 'created' };
  } catch (error) {
    return { kind: 'failed', message: messageOf(error) };
  }
}

/** The sample incident of the demo case, built at a path the user picks, then opened. */
export function openDemoCase(): Promise<void> {
  return exclusive(async () => {
    try {
      const { path } = await call('dialog.chooseNewCasePath', { suggestedName: DEMO_FILE_NAME });
      if (path === null) return;
      await flushPendingEdits();
      adopt(await call('demo.create', { path, overwrite: true }));
    } catch (error) {
      useUiStore.getState().setActionError(messageOf(error));
    } finally {
      void useRecentStore.getState().load();
    }
  });
}

export function closeCase(): Promise<void> {
  return exclusive(async () => {
    if (useWorkspaceStore.getState().current === null) return;
    try {
      await flushPendingEdits();
      await call('case.close', {});
      useAuditStore.getState().reset();
      useWorkspaceStore.getState().adopt(null);
      useUiStore.getState().setActionError(null);
    } catch (error) {
      useUiStore.getState().setActionError(messageOf(error));
    } finally {
      void useRecentStore.getState().load();
    }
  });
}

/** A file name the save dialog can start from: the title without characters file systems refuse. */
export function suggestedFileName(title: string): string {
  const cleaned = title
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return `${cleaned === '' ? 'Untitled case' : cleaned}${CASE_FILE_EXTENSION}`;
}
