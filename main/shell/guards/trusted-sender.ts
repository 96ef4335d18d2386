// Who may call the dispatcher (DESIGN.md §8, "IPC sender checked"). Typed by the few fields it
// reads, so Electron's IpcMainInvokeEvent fits and a test can pass a plain object.
import { isAppUrl } from '../app-url';

/** The parts of a WebFrameMain the check reads. */
export interface SenderFrame {
  readonly processId: number;
  readonly routingId: number;
  readonly url: string;
  readonly parent: unknown;
  isDestroyed(): boolean;
}

/** The parts of an IpcMainInvokeEvent the check reads. */
export interface SenderEvent {
  readonly senderFrame: SenderFrame | null;
  readonly sender: { readonly mainFrame: Pick<SenderFrame, 'processId' | 'routingId'> };
}

/**
 * Only the top frame of our window, showing our own page, may call. A subframe, a page that
 * navigated elsewhere, or a frame already gone (senderFrame null) gets nothing.
 */
export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.isDestroyed()) return false;
  const top = event.sender.mainFrame;
  // Compare ids rather than wrapper objects: they name the frame whatever object Electron hands out.
  const isTop =
    frame.processId === top.processId && frame.routingId === top.routingId && frame.parent === null;
  return isTop && isAppUrl(frame.url);
}
