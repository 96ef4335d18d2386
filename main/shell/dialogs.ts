// Native open/save dialogs for case files, attached to the window that asked.
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import { CASE_FILE_EXTENSION } from '../../shared/domain/case-file';
import type { DialogHost } from '../ipc/host-deps';

// Dialogs name extensions without their dot.
const CASE_EXTENSION = CASE_FILE_EXTENSION.slice(1);
const CASE_FILTERS = [{ name: 'Breachdesk case', extensions: [CASE_EXTENSION] }];
const BUNDLE_FILTERS = [{ name: 'Breachdesk case bundle', extensions: ['zip'] }];
/** Opening also takes a bundle sealed with age (NAME.zip.age). */
const OPEN_BUNDLE_FILTERS = [{ name: 'Breachdesk case bundle', extensions: ['zip', 'age'] }];

const DATASET_FILTERS = [
  { name: 'Datasets', extensions: ['csv', 'tsv', 'txt', 'jsonl', 'ndjson', 'sqlite', 'sqlite3', 'db'] },
  { name: 'All files', extensions: ['*'] },
];
const MAPPING_FILTERS = [{ name: 'Roster mapping', extensions: ['json'] }];

export function nativeDialogs(window: () => BrowserWindow | null): DialogHost {
  /** The paths picked in an open dialog attached to the window ([] when cancelled). */
  const pickToOpen = async (options: OpenDialogOptions): Promise<string[]> => {
    const parent = window();
    const result =
      parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
    return result.canceled ? [] : result.filePaths;
  };
  /** The path given in a save dialog attached to the window (null when cancelled). */
  const pickToSave = async (options: SaveDialogOptions): Promise<string | null> => {
    const parent = window();
    const result =
      parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
    if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
    return result.filePath;
  };
  const saveProperties: SaveDialogOptions['properties'] = ['createDirectory', 'showOverwriteConfirmation'];

  return {
    async chooseNewCasePath(suggestedName) {
      const path = await pickToSave({
        title: 'New case file',
        buttonLabel: 'Create',
        defaultPath: join(app.getPath('documents'), `${safeFileName(suggestedName)}.${CASE_EXTENSION}`),
        filters: CASE_FILTERS,
        properties: saveProperties,
      });
      return path === null ? null : withExtension(path, CASE_EXTENSION);
    },
    async chooseCaseToOpen() {
      const [path] = await pickToOpen({
        title: 'Open case file',
        filters: CASE_FILTERS,
        properties: ['openFile'],
      });
      return path ?? null;
    },
    chooseEvidence: (folders) =>
      pickToOpen({
        title: folders ? 'Add a folder of evidence' : 'Add evidence files',
        buttonLabel: 'Add',
        properties: folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
      }),
    chooseExportPath: (suggestedName) =>
      pickToSave({
        title: 'Export evidence file',
        buttonLabel: 'Export',
        defaultPath: join(app.getPath('downloads'), safeFileName(suggestedName)),
        properties: saveProperties,
      }),
    async chooseBundle() {
      const [path] = await pickToOpen({
        title: 'Open case bundle',
        filters: OPEN_BUNDLE_FILTERS,
        properties: ['openFile'],
      });
      return path ?? null;
    },
    async chooseBundlePath(suggestedName) {
      const path = await pickToSave({
        title: 'Export case bundle',
        buttonLabel: 'Export',
        defaultPath: join(app.getPath('documents'), `${safeFileName(suggestedName)}.zip`),
        filters: BUNDLE_FILTERS,
        properties: saveProperties,
      });
      return path === null ? null : withExtension(path, 'zip');
    },
    async chooseDataset() {
      const [path] = await pickToOpen({
        title: 'Import a dataset of people',
        filters: DATASET_FILTERS,
        properties: ['openFile'],
      });
      return path ?? null;
    },
    async chooseMapping() {
      const [path] = await pickToOpen({
        title: 'Load a roster mapping',
        filters: MAPPING_FILTERS,
        properties: ['openFile'],
      });
      return path ?? null;
    },
    async chooseRosterSavePath(kind, suggestedName) {
      const extension = kind === 'mapping' ? 'json' : 'csv';
      const path = await pickToSave({
        title: kind === 'mapping' ? 'Save the roster mapping' : 'Save the skipped rows',
        buttonLabel: 'Save',
        defaultPath: join(app.getPath('documents'), `${safeFileName(suggestedName)}.${extension}`),
        filters: kind === 'mapping' ? MAPPING_FILTERS : [{ name: 'CSV', extensions: ['csv'] }],
        properties: saveProperties,
      });
      return path === null ? null : withExtension(path, extension);
    },
    async chooseNoticesFolder(suggestedName) {
      // A save dialog names a folder that does not exist yet: the run creates it.
      return pickToSave({
        title: 'Write the notices into a new folder',
        buttonLabel: 'Write notices',
        defaultPath: join(app.getPath('documents'), safeFileName(suggestedName)),
        properties: saveProperties,
      });
    },
    async chooseTrackingFiles() {
      return pickToOpen({
        title: 'Read bounces or returned mail',
        filters: [
          { name: 'Delivery reports and CSV lists', extensions: ['eml', 'csv', 'tsv', 'txt'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile', 'multiSelections'],
      });
    },
    async chooseCodesFile() {
      const [path] = await pickToOpen({
        title: 'Import activation codes',
        filters: [{ name: 'CSV', extensions: ['csv', 'tsv', 'txt'] }],
        properties: ['openFile'],
      });
      return path ?? null;
    },
    async chooseRulePack() {
      const [path] = await pickToOpen({
        title: 'Import a signed rule pack',
        filters: [
          { name: 'Signed rule pack', extensions: ['json'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile'],
      });
      return path ?? null;
    },
  };
}

/** A title made safe as a file name on every platform; the person can still edit it. */
function safeFileName(suggested: string): string {
  const cleaned = suggested
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120)
    .trim();
  return cleaned === '' ? 'New case' : cleaned;
}

/** Some Linux dialogs return the typed name without the filter's extension. */
function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(`.${extension}`) ? path : `${path}.${extension}`;
}
