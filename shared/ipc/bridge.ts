import type { ChannelName, EventName } from './channel-names';
import type { Envelope } from './envelope';

/**
 * The one object the preload puts on `window.breachdesk` (and the e2e test host imitates).
 * invoke always resolves to an envelope; it never throws across the bridge.
 */
export interface BreachdeskBridge {
  invoke(channel: ChannelName, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribes to a main → renderer event; returns the function that unsubscribes. */
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /**
   * The local path of a file dropped on the window (Electron's webUtils.getPathForFile); '' when
   * the file has none. The renderer passes paths, and main reads the bytes.
   */
  pathForFile(file: unknown): string;
}

/** The single Electron IPC channel the bridge rides on; the channel name travels inside it. */
export const INVOKE_IPC_CHANNEL = 'breachdesk:invoke';
export const EVENT_IPC_CHANNEL = 'breachdesk:event';
