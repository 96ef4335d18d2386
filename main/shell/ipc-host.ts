// The Electron host of the one dispatcher (DESIGN.md §3): a single invoke channel, answered
// only for our own page in our own window, and a sink that pushes events to that page.
import { ipcMain, type WebContents } from 'electron';
import { EVENT_IPC_CHANNEL, INVOKE_IPC_CHANNEL } from '../../shared/ipc/bridge';
import type { Envelope } from '../../shared/ipc/envelope';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventSink } from '../ipc/host-deps';
import { isTrustedSender } from './guards/trusted-sender';

/** Finds the dispatcher of the window whose webContents sent a request, if it is one of ours. */
export type DispatchFor = (sender: WebContents) => Dispatch | null;

const REFUSED: Envelope<never> = {
  ok: false,
  code: 'UNSUPPORTED',
  message: 'This request did not come from the Breachdesk window and was ignored.',
};

export function installIpcHost(dispatchFor: DispatchFor): void {
  ipcMain.handle(INVOKE_IPC_CHANNEL, async (event, channel: unknown, input: unknown) => {
    const dispatch = dispatchFor(event.sender);
    if (dispatch === null || !isTrustedSender(event)) return REFUSED;
    return dispatch(channel, input);
  });
}

/** Events for one window's page; silently dropped once the window is gone. */
export function webContentsEventSink(contents: () => WebContents | null): EventSink {
  return {
    emit(event, payload) {
      const target = contents();
      if (target === null || target.isDestroyed()) return;
      target.send(EVENT_IPC_CHANNEL, event, payload);
    },
  };
}
