// The frozen `window.breachdesk` of DESIGN.md §3, built over whatever carries IPC. The preload
// hands it Electron's ipcRenderer; the e2e test host bundles this same file into the page over
// its own binding, so both refuse unknown names with the same code. No electron import, and
// nothing that pulls in zod: the sandboxed preload bundles this file.
import { EVENT_IPC_CHANNEL, INVOKE_IPC_CHANNEL, type BreachdeskBridge } from '../../../shared/ipc/bridge';
import { isChannelName, isEventName } from '../../../shared/ipc/channel-names';
import type { Envelope } from '../../../shared/ipc/envelope';

/** What a raw IPC message listener receives: the transport's own event first, then the arguments. */
export type IpcListener = (ipcEvent: unknown, ...args: unknown[]) => void;

/** The part of Electron's ipcRenderer the bridge uses; the page never sees this object. */
export interface BridgeIpc {
  invoke(ipcChannel: string, ...args: unknown[]): Promise<unknown>;
  on(ipcChannel: string, listener: IpcListener): unknown;
  removeListener(ipcChannel: string, listener: IpcListener): unknown;
}

/** The local path of a dropped file (Electron's webUtils.getPathForFile); '' when it has none. */
export type PathForFile = (file: File) => string;

export function createBridge(ipc: BridgeIpc, pathOf: PathForFile): BreachdeskBridge {
  async function invoke(channel: unknown, input: unknown): Promise<Envelope<unknown>> {
    if (!isChannelName(channel)) {
      return {
        ok: false,
        code: 'UNKNOWN_CHANNEL',
        message: `There is no channel called ${JSON.stringify(String(channel))}.`,
      };
    }
    try {
      return (await ipc.invoke(INVOKE_IPC_CHANNEL, channel, input)) as Envelope<unknown>;
    } catch {
      // invoke never throws across the bridge; whatever went wrong is logged in the main process.
      return { ok: false, code: 'INTERNAL', message: 'Breachdesk could not reach its main process.' };
    }
  }

  function on(event: unknown, listener: unknown): () => void {
    if (!isEventName(event)) throw new Error(`There is no event called ${JSON.stringify(String(event))}.`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    // The page gets the payload only: never the IPC event, which leads back to ipcRenderer.
    const forward: IpcListener = (_ipcEvent, name, payload) => {
      if (name === event) (listener as (payload: unknown) => void)(payload);
    };
    ipc.on(EVENT_IPC_CHANNEL, forward);
    return () => {
      ipc.removeListener(EVENT_IPC_CHANNEL, forward);
    };
  }

  function pathForFile(file: unknown): string {
    // The page could pass anything; only a real File has a path to ask about.
    if (typeof File === 'undefined' || !(file instanceof File)) return '';
    return pathOf(file);
  }

  return Object.freeze({ invoke, on, pathForFile });
}
