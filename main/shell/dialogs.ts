// Native open/save dialogs for case files, attached to the window that asked.
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { DialogHost } from '../ipc/host-deps';

const CASE_EXTENSION = 'bdcase';
const CASE_FILTERS = [{ name: 'Breachdesk case', extensions: [CASE_EXTENSION] }];
const BUNDLE_FILTERS = [{ name: 'Breachdesk case bundle', extensions: ['zip'] }];

export function nativeDialogs(window: () => BrowserWindow | null): DialogHost {
  return {
    async chooseNewCasePath(suggestedName) {
      const options: SaveDialogOptions = {
        title: 'New case file',
        buttonLabel: 'Create',
        defaultPath: join(app.getPath('documents'), `${safeFileName(suggestedName)}.${CASE_EXTENSION}`),
        filters: CASE_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = window();
      const result =
        parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
      if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
      return withCaseExtension(result.filePath);
    },
    async chooseCaseToOpen() {
      const options: OpenDialogOptions = {
        title: 'Open case file',
        filters: CASE_FILTERS,
        properties: ['openFile'],
      };
      const parent = window();
      const result =
        parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
      if (result.canceled) return null;
      return result.filePaths[0] ?? null;
    },
    async chooseEvidence(folders) {
      const options: OpenDialogOptions = {
        title: folders ? 'Add a folder of evidence' : 'Add evidence files',
        buttonLabel: 'Add',
        properties: folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
      };
      const parent = window();
      const result =
        parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseExportPath(suggestedName) {
      const options: SaveDialogOptions = {
        title: 'Export evidence file',
        buttonLabel: 'Export',
        defaultPath: join(app.getPath('downloads'), safeFileName(suggestedName)),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = window();
      const result =
        parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
      if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
      return result.filePath;
    },
    async chooseBundle() {
      const options: OpenDialogOptions = {
        title: 'Open case bundle',
        filters: BUNDLE_FILTERS,
        properties: ['openFile'],
      };
      const parent = window();
      const result =
        parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
      if (result.canceled) return null;
      return result.filePaths[0] ?? null;
    },
    async chooseBundlePath(suggestedName) {
      const options: SaveDialogOptions = {
        title: 'Export case bundle',
        buttonLabel: 'Export',
        defaultPath: join(app.getPath('documents'), `${safeFileName(suggestedName)}.zip`),
        filters: BUNDLE_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = window();
      const result =
        parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
      if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
      return result.filePath.toLowerCase().endsWith('.zip') ? result.filePath : `${result.filePath}.zip`;
    },
  };
}

/** A title made safe as a file name on every platform; the person can still edit it. */
export function safeFileName(suggested: string): string {
  const cleaned = suggested
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120)
    .trim();
  return cleaned === '' ? 'New case' : cleaned;
}

/** Some Linux dialogs return the typed name without the filter's extension. */
function withCaseExtension(path: string): string {
  return path.toLowerCase().endsWith(`.${CASE_EXTENSION}`) ? path : `${path}.${CASE_EXTENSION}`;
}
