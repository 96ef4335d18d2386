// The application menu. Commands that need the workbench go to the page as `menu.command`
// events (shared/ipc/contract.ts); the page decides what to show.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { RecentCase } from '../../shared/domain/recent';
import type { EventPayload } from '../../shared/ipc/contract';
import type { RecentCases } from '../services/recent-cases';

export type MenuCommand = EventPayload<'menu.command'>;

export interface AppMenuOptions {
  recent: RecentCases;
  /** Delivers a command to the page (creating the window first if there is none). */
  send: (command: MenuCommand) => void;
  /** Development builds get reload and the developer tools; packaged builds never do. */
  isDevelopment: boolean;
}

/** Builds and installs the menu; call the returned function to rebuild it (recent list changed). */
export function installAppMenu(options: AppMenuOptions): () => void {
  const rebuild = (): void => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
  rebuild();
  return rebuild;
}

function menuTemplate({ recent, send, isDevelopment }: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'New case…', accelerator: 'CmdOrCtrl+N', click: () => send({ command: 'newCase' }) },
        { label: 'Open case…', accelerator: 'CmdOrCtrl+O', click: () => send({ command: 'openCase' }) },
        { label: 'Open recent', submenu: recentItems(recent, send) },
        { label: 'Open demo case…', click: () => send({ command: 'openDemo' }) },
        { type: 'separator' },
        {
          label: 'Add evidence…',
          accelerator: 'CmdOrCtrl+Shift+E',
          click: () => send({ command: 'addEvidence' }),
        },
        { label: 'Verify evidence', click: () => send({ command: 'verifyEvidence' }) },
        { type: 'separator' },
        {
          label: 'Export case bundle…',
          accelerator: 'CmdOrCtrl+Shift+B',
          click: () => send({ command: 'exportBundle' }),
        },
        // With a case open the page merges the bundle into it; otherwise it opens it as a new case.
        { label: 'Open or merge a case bundle…', click: () => send({ command: 'importBundle' }) },
        { type: 'separator' },
        { label: 'Close case', accelerator: 'CmdOrCtrl+W', click: () => send({ command: 'closeCase' }) },
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Search the case…', accelerator: 'CmdOrCtrl+K', click: () => send({ command: 'search' }) },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...(isDevelopment
          ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
  );
  if (isMac) template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    submenu: [
      { label: 'Keyboard shortcuts', accelerator: 'CmdOrCtrl+/', click: () => send({ command: 'showHelp' }) },
    ],
  });
  return template;
}

function recentItems(recent: RecentCases, send: AppMenuOptions['send']): MenuItemConstructorOptions[] {
  let entries: RecentCase[];
  try {
    entries = recent.list();
  } catch {
    entries = [];
  }
  if (entries.length === 0) return [{ label: 'No recent cases', enabled: false }];
  return entries.map((entry) => ({
    label: recentLabel(entry),
    enabled: entry.state !== 'missing',
    click: () => send({ command: 'openRecent', path: entry.path }),
  }));
}

function recentLabel(entry: RecentCase): string {
  // Menu labels treat & as a mnemonic marker on Windows and Linux; double it to show it.
  const label = `${entry.title} — ${basename(entry.path)}`.replaceAll('&', '&&');
  return entry.state === 'missing' ? `${label} (missing)` : label;
}
