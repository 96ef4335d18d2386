import type { EventName } from '../../shared/ipc/channel-names';
import type { EventPayload } from '../../shared/ipc/contract';

/**
 * Where services send what happened (a case changed, a job's progress). Declared here because
 * services emit them; each host (window, CLI, e2e page) gives its own sink.
 */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** For work nobody is watching (the demo's own intakes, the CLI without --progress). */
export const silentEvents: EventSink = { emit: () => undefined };
