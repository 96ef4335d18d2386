// The workbench window, with the security settings of DESIGN.md §8 spelled out even where they
// are Electron's defaults, so a future default change cannot loosen them.
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-url';

export interface MainWindowOptions {
  preloadPath: string;
  /** Developer tools exist only in development; packaged builds cannot open them. */
  isDevelopment: boolean;
  /** A page that fails to load (renderer not built, file missing) is logged, not thrown. */
  onLoadError: (error: unknown) => void;
}

export function createMainWindow({
  preloadPath,
  isDevelopment,
  onLoadError,
}: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Breachdesk',
    width: 1280,
    height: 840,
    minWidth: 880,
    minHeight: 560,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A middle click on a link must not become a navigation or a new window either.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: isDevelopment,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch(onLoadError);
  return window;
}
