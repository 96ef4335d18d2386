// Runs in the page before any of its scripts, bundled into one script by bridge-script.ts. It
// puts the preload's own bridge (guards/bridge.ts, so the same frozen object and the same
// refusal of unknown channels and events) on `window.breachdesk`, carried over the test host's
// `__breachdeskInvoke` binding instead of ipcRenderer, plus a `__breachdeskEmit` the host calls
// to deliver main → renderer events as webContents.send would.
import { createBridge, type BridgeIpc, type IpcListener } from '../../../main/shell/guards/bridge';
import { EVENT_IPC_CHANNEL } from '../../../shared/ipc/bridge';

interface HostWindow {
  __breachdeskInvoke?: (channel: unknown, input: unknown) => Promise<unknown>;
  /** Files made in the page have no path; a test names the path each dropped file stands for. */
  __breachdeskDropPaths?: Record<string, string>;
}

const host = window as unknown as HostWindow;
const listeners = new Map<string, Set<IpcListener>>();

const ipc: BridgeIpc = {
  invoke(_ipcChannel, channel, input) {
    const invoke = host.__breachdeskInvoke;
    // A rejection, like a failed ipcRenderer.invoke: the bridge turns it into INTERNAL.
    if (invoke === undefined) return Promise.reject(new Error('The test host binding is missing.'));
    return invoke(channel, input);
  },
  on(ipcChannel, listener) {
    const set = listeners.get(ipcChannel) ?? new Set<IpcListener>();
    set.add(listener);
    listeners.set(ipcChannel, set);
  },
  removeListener(ipcChannel, listener) {
    listeners.get(ipcChannel)?.delete(listener);
  },
};

function pathOf(file: File): string {
  const paths = host.__breachdeskDropPaths;
  return paths !== undefined && Object.hasOwn(paths, file.name) ? (paths[file.name] ?? '') : '';
}

function emit(event: string, payload: unknown): void {
  // Electron's IpcRendererEvent comes first; the bridge must keep it from the page.
  const ipcEvent = { sender: ipc };
  for (const listener of [...(listeners.get(EVENT_IPC_CHANNEL) ?? [])]) listener(ipcEvent, event, payload);
}

Object.defineProperty(window, 'breachdesk', { value: createBridge(ipc, pathOf), enumerable: true });
Object.defineProperty(window, '__breachdeskEmit', { value: emit });
