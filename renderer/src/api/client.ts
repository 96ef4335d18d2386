import { z } from 'zod';
import type { BreachdeskBridge } from '../../../shared/ipc/bridge';
import type { ChannelName, EventName } from '../../../shared/ipc/channel-names';
import {
  contract,
  events,
  type ChannelInput,
  type ChannelOutput,
  type EventPayload,
} from '../../../shared/ipc/contract';
import { failureSchema } from '../../../shared/ipc/envelope';
import { BreachdeskError, type ErrorCode } from '../../../shared/ipc/errors';

// zod probes `new Function` unless told not to; under our CSP that probe is reported as a violation.
z.config({ jitless: true });

declare global {
  interface Window {
    readonly breachdesk?: BreachdeskBridge;
  }
}

const okSchema = z.object({ ok: z.literal(true), value: z.unknown() });

function bridge(): BreachdeskBridge {
  const found = window.breachdesk;
  if (found === undefined) {
    throw new BreachdeskError(
      'UNSUPPORTED',
      'This window was not opened by Breachdesk, so it cannot reach any case file.',
    );
  }
  return found;
}

/** Calls a contract channel; resolves with its checked value or rejects with a BreachdeskError (code + sentence). */
export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  let envelope: unknown;
  try {
    envelope = await bridge().invoke(channel, input);
  } catch (error) {
    if (error instanceof BreachdeskError) throw error;
    throw new BreachdeskError('INTERNAL', 'The request did not reach Breachdesk; try again.');
  }
  const failed = failureSchema.safeParse(envelope);
  if (failed.success) throw new BreachdeskError(failed.data.code, failed.data.message);
  const succeeded = okSchema.safeParse(envelope);
  const checked = succeeded.success ? contract[channel].output.safeParse(succeeded.data.value) : null;
  if (checked === null || !checked.success) {
    throw new BreachdeskError(
      'INTERNAL',
      'Breachdesk answered in a form this window does not understand; restart the app.',
    );
  }
  return checked.data as ChannelOutput<C>;
}

/** Subscribes to a main → renderer event; payloads that do not match the contract are dropped. */
export function onEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  const found = window.breachdesk;
  if (found === undefined) return () => undefined;
  const schema = events[event];
  return found.on(event, (payload) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
  });
}

/** Where a file dropped on the window is on disk; an empty string when the window cannot tell. */
export function pathForFile(file: File): string {
  return window.breachdesk?.pathForFile(file) ?? '';
}

/** The sentence to show for any failure thrown by `call` (or by code around it). */
export function messageOf(error: unknown): string {
  if (error instanceof BreachdeskError) return error.message;
  return 'Something went wrong inside this window; try again.';
}

export function codeOf(error: unknown): ErrorCode | null {
  return error instanceof BreachdeskError ? error.code : null;
}
