// Electron main process entry (bundled to dist/node/shell.cjs): app lifecycle only. One
// instance per user; a second launch hands its case file to the first and exits.
import { app, dialog, session } from 'electron';
import { join } from 'node:path';
import { RecentCases } from '../services/recent-cases';
import { recentCasesFile } from './deps';
import { createErrorLogger, errorLogFile } from './error-log';
import { installIpcHost } from './ipc-host';
import { caseFileFromArgv, readSecondLaunchData, type SecondLaunchData } from './launch-args';
import { installAppMenu, type MenuCommand } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { hardenSession } from './guards/session';
import { guardAllWebContents } from './security';
import {
  closeWorkbenchCase,
  openCaseFromOs,
  openWorkbench,
  sendWhenLoaded,
  type Workbench,
} from './workbench';

// Bundled layout: dist/node/shell.cjs, dist/node/preload.cjs, dist/renderer/.
const PRELOAD_PATH = join(__dirname, 'preload.cjs');
const RENDERER_ROOT = join(__dirname, '..', 'renderer');
const IS_DEVELOPMENT = !app.isPackaged;

// A separate profile (tests, a portable copy): must be set before the single-instance lock,
// which is per user-data folder.
const userDataOverride = process.env.BREACHDESK_USER_DATA_DIR;
if (userDataOverride !== undefined && userDataOverride !== '') app.setPath('userData', userDataOverride);

registerAppScheme();
app.enableSandbox();

let workbench: Workbench | null = null;
let pendingCaseFile: string | null = caseFileFromArgv(process.argv.slice(1), process.cwd());
let rebuildMenu: () => void = () => undefined;
const logError = createErrorLogger(errorLogFile());
const recent = new RecentCases(recentCasesFile());

const launchData: SecondLaunchData = { caseFile: pendingCaseFile };
if (app.requestSingleInstanceLock({ ...launchData })) {
  guardAllWebContents();
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const forwarded = readSecondLaunchData(additionalData) ?? {
      caseFile: caseFileFromArgv(argv, workingDirectory),
    };
    const current = ensureWorkbench();
    if (current.window.isMinimized()) current.window.restore();
    current.window.focus();
    if (forwarded.caseFile !== null) void openCaseFromOs(current, forwarded.caseFile);
  });
  // macOS: double-clicking a .bdcase in Finder, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (!app.isReady()) {
      pendingCaseFile = path;
      return;
    }
    void openCaseFromOs(ensureWorkbench(), path);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    if (workbench !== null) closeWorkbenchCase(workbench);
  });
  app.whenReady().then(onReady).catch(fail);
} else {
  // Another Breachdesk is running; it received our case file through the lock.
  app.quit();
}

function onReady(): void {
  hardenSession(session.defaultSession);
  handleAppProtocol(RENDERER_ROOT);
  installIpcHost((sender) => {
    const current = workbench;
    if (current === null || current.window.isDestroyed()) return null;
    return current.window.webContents.id === sender.id ? current.dispatch : null;
  });
  rebuildMenu = installAppMenu({ recent, send: sendMenuCommand, isDevelopment: IS_DEVELOPMENT });
  app.on('activate', () => ensureWorkbench());
  const opened = ensureWorkbench();
  if (pendingCaseFile !== null) void openCaseFromOs(opened, pendingCaseFile);
  pendingCaseFile = null;
}

function ensureWorkbench(): Workbench {
  if (workbench !== null && !workbench.window.isDestroyed()) return workbench;
  workbench = openWorkbench({
    preloadPath: PRELOAD_PATH,
    isDevelopment: IS_DEVELOPMENT,
    recent,
    logError,
    onEvent: (event, payload) => {
      // Titles rarely change on update, and listing recent files probes each one; rebuild the
      // Open recent submenu when the open case changes.
      if (event === 'case.changed' && 'reason' in payload && payload.reason !== 'updated') rebuildMenu();
    },
    onClosed: (closed) => {
      if (workbench === closed) workbench = null;
    },
  });
  return workbench;
}

function sendMenuCommand(command: MenuCommand): void {
  const current = ensureWorkbench();
  current.window.focus();
  sendWhenLoaded(current, 'menu.command', command);
}

function fail(error: unknown): void {
  logError(error);
  dialog.showErrorBox(
    'Breachdesk could not start',
    'An unexpected error stopped Breachdesk; it was written to the log.',
  );
  app.exit(1);
}
