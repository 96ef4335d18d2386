// The sandboxed preload: puts one frozen `window.breachdesk` on the page (DESIGN.md §3).
// It may import only 'electron' and the zod-free name lists; esbuild bundles those in.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_IPC_CHANNEL, INVOKE_IPC_CHANNEL, type BreachdeskBridge } from '../../shared/ipc/bridge';
import { isChannelName, isEventName } from '../../shared/ipc/channel-names';
import type { Envelope } from '../../shared/ipc/envelope';

async function invoke(channel: unknown, input: unknown): Promise<Envelope<unknown>> {
  if (!isChannelName(channel)) {
    return {
      ok: false,
      code: 'UNKNOWN_CHANNEL',
      message: `There is no channel called ${JSON.stringify(String(channel))}.`,
    };
  }
  try {
    return (await ipcRenderer.invoke(INVOKE_IPC_CHANNEL, channel, input)) as Envelope<unknown>;
  } catch {
    // invoke never throws across the bridge; whatever went wrong is logged in the main process.
    return { ok: false, code: 'INTERNAL', message: 'Breachdesk could not reach its main process.' };
  }
}

function on(event: unknown, listener: unknown): () => void {
  if (!isEventName(event)) throw new Error(`There is no event called ${JSON.stringify(String(event))}.`);
  if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
  // The page gets the payload only: never the IpcRendererEvent, which leads back to ipcRenderer.
  const forward = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (name === event) (listener as (payload: unknown) => void)(payload);
  };
  ipcRenderer.on(EVENT_IPC_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(EVENT_IPC_CHANNEL, forward);
  };
}

function pathForFile(file: unknown): string {
  if (!(file instanceof File)) return '';
  return webUtils.getPathForFile(file);
}

const bridge: BreachdeskBridge = Object.freeze({ invoke, on, pathForFile });
contextBridge.exposeInMainWorld('breachdesk', bridge);
