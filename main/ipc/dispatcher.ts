import { type z } from 'zod';
import { isChannelName, type ChannelName } from '../../shared/ipc/channel-names';
import { contract } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { BreachdeskError } from '../../shared/ipc/errors';
import { bundleHandlers } from './handlers/bundle-handlers';
import { caseHandlers } from './handlers/case-handlers';
import type { Handler, HandlerMap } from './handlers/handler';
import { appHandlers } from './handlers/other-handlers';
import { evidenceHandlers } from './handlers/evidence-handlers';
import { investigationHandlers } from './handlers/investigation-handlers';
import { lettersHandlers } from './handlers/letters-handlers';
import { obligationsHandlers } from './handlers/obligations-handlers';
import { noticesHandlers } from './handlers/notices-handlers';
import { formsHandlers } from './handlers/forms-handlers';
import { rosterHandlers } from './handlers/roster-handlers';
import { rulesHandlers } from './handlers/rules-handlers';
import { rulePackStoreOf, withRulePacks } from '../services/obligations/active-pack';
import type { HostDeps } from './host-deps';

const handlers: HandlerMap<ChannelName> = {
  ...caseHandlers,
  ...bundleHandlers,
  ...appHandlers,
  ...investigationHandlers,
  ...evidenceHandlers,
  ...obligationsHandlers,
  ...lettersHandlers,
  ...rosterHandlers,
  ...noticesHandlers,
  ...formsHandlers,
  ...rulesHandlers,
};

export type Dispatch = (channel: unknown, rawInput: unknown) => Promise<Envelope<unknown>>;

/**
 * The one entry point of every host: validates the input against the contract, calls the
 * handler, checks its output, and answers with an envelope. Nothing but a code and a plain
 * sentence ever leaves on failure.
 */
export function createDispatcher(deps: HostDeps): Dispatch {
  return async (channel, rawInput) => {
    try {
      if (!isChannelName(channel)) {
        throw new BreachdeskError(
          'UNKNOWN_CHANNEL',
          `There is no channel called ${JSON.stringify(String(channel))}.`,
        );
      }
      const { input, output } = contract[channel];
      const parsed = input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        throw new BreachdeskError('INVALID_INPUT', describeIssues(parsed.error));
      }
      const handler = handlers[channel] as Handler<ChannelName>;
      // Every service reads the host's installed rule pack (or the shipped one) from here.
      const packs = rulePackStoreOf(deps.signing, deps.ctx.now);
      const value = output.parse(await withRulePacks(packs, () => handler(parsed.data, deps)));
      return { ok: true, value };
    } catch (error) {
      return failure(error, deps);
    }
  };
}

function failure(error: unknown, deps: HostDeps): Envelope<never> {
  if (error instanceof BreachdeskError) return { ok: false, code: error.code, message: error.message };
  deps.logError(error);
  return {
    ok: false,
    code: 'INTERNAL',
    message: 'An unexpected error occurred inside Breachdesk; it was written to the log.',
  };
}

function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return `Invalid input: ${parts.join('; ')}.`;
}
