// Wires the locks of guards/web-contents.ts and guards/session.ts into Electron; the locks
// themselves are plain functions tested under Node.
import { app } from 'electron';
import { guardWebContents } from './guards/web-contents';

/** Register before any window exists; applies to every webContents created afterwards. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
