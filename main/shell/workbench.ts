// One workbench window and what it owns: its case session and its dispatcher. Closing the
// window closes its case file, so the file's lock is released even if the app lingers (macOS).
import { dialog, type BrowserWindow, type WebContents } from 'electron';
import { basename } from 'node:path';
import type { EventName } from '../../shared/ipc/channel-names';
import type { EventPayload } from '../../shared/ipc/contract';
import { createDispatcher, type Dispatch } from '../ipc/dispatcher';
import type { EventSink, HostDeps } from '../ipc/host-deps';
import type { RecentCases } from '../services/recent-cases';
import { createWindowDeps } from './deps';
import { nativeDialogs } from './dialogs';
import { webContentsEventSink } from './ipc-host';
import { createMainWindow } from './window';

export interface Workbench {
  readonly window: BrowserWindow;
  readonly deps: HostDeps;
  readonly dispatch: Dispatch;
}

export interface WorkbenchOptions {
  preloadPath: string;
  isDevelopment: boolean;
  recent: RecentCases;
  logError: (error: unknown) => void;
  /** Told about every event sent to the page (the menu listens for case.changed). */
  onEvent: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  onClosed: (workbench: Workbench) => void;
}

export function openWorkbench(options: WorkbenchOptions): Workbench {
  let window: BrowserWindow | null = null;
  const contents = (): WebContents | null =>
    window === null || window.isDestroyed() ? null : window.webContents;
  const toPage = webContentsEventSink(contents);
  const events: EventSink = {
    emit(event, payload) {
      toPage.emit(event, payload);
      options.onEvent(event, payload);
    },
  };
  const deps = createWindowDeps({
    recent: options.recent,
    dialogs: nativeDialogs(() => (window === null || window.isDestroyed() ? null : window)),
    events,
    logError: options.logError,
  });
  window = createMainWindow({
    preloadPath: options.preloadPath,
    isDevelopment: options.isDevelopment,
    onLoadError: options.logError,
  });
  const workbench: Workbench = { window, deps, dispatch: createDispatcher(deps) };
  window.webContents.on('render-process-gone', (_event, details) => {
    options.logError(
      new Error(`The window's renderer process ended: ${details.reason} (exit code ${details.exitCode}).`),
    );
  });
  window.on('closed', () => {
    closeWorkbenchCase(workbench);
    options.onClosed(workbench);
  });
  return workbench;
}

/** Closes the open case file, if any; never throws (it runs while quitting). */
export function closeWorkbenchCase(workbench: Workbench): void {
  try {
    workbench.deps.session.close();
  } catch (error) {
    workbench.deps.logError(error);
  }
}

/** Sends a page event once the page has loaded (a menu command can arrive while it loads). */
export function sendWhenLoaded<E extends EventName>(
  workbench: Workbench,
  event: E,
  payload: EventPayload<E>,
): void {
  const { webContents } = workbench.window;
  if (webContents.isLoading()) {
    webContents.once('did-finish-load', () => workbench.deps.events.emit(event, payload));
  } else {
    workbench.deps.events.emit(event, payload);
  }
}

/**
 * Opens a case file the operating system handed us (command line, second launch, Finder)
 * through the dispatcher, as the page's Open does: one path validates, opens and logs.
 * Failures are shown in a native message box: the page may not be listening yet. An encrypted
 * file without a remembered passphrase is handed to the page, which asks for it.
 */
export async function openCaseFromOs(workbench: Workbench, path: string): Promise<void> {
  const answer = await workbench.dispatch('case.open', { path });
  if (answer.ok) return;
  if (answer.code === 'PASSPHRASE_REQUIRED') {
    // An encrypted file: the page opens it as its Open Recent does, asking for the passphrase.
    sendWhenLoaded(workbench, 'menu.command', { command: 'openRecent', path });
    return;
  }
  const options = {
    type: 'error' as const,
    title: 'Breachdesk',
    message: `Could not open ${basename(path)}`,
    detail: answer.message,
  };
  const { window } = workbench;
  await (window.isDestroyed() || !window.isVisible()
    ? dialog.showMessageBox(options)
    : dialog.showMessageBox(window, options));
}
