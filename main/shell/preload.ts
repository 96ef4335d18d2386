// The sandboxed preload: puts one frozen `window.breachdesk` on the page (DESIGN.md §3).
// It may import only 'electron' and zod-free code; esbuild bundles the rest in. The bridge
// itself (and its refusal of unknown names) lives in guards/bridge.ts, tested under plain Node.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './guards/bridge';

contextBridge.exposeInMainWorld(
  'breachdesk',
  createBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
