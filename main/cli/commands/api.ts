import { CHANNEL_NAMES } from '../../../shared/ipc/channel-names';
import { CliFailure } from '../cli-host';
import type { Command } from '../command';
import { EXIT, exitCodeFor } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

export const apiCommand: Command = {
  name: 'api',
  summary: 'Call any bridge channel on a case file with JSON input',
  help: `Usage: breachdesk api FILE CHANNEL [JSON]

Opens FILE, calls CHANNEL with the JSON input (default {}) through the same dispatcher the app
uses, and prints the result as JSON. Invalid input is refused and changes nothing (exit 2).

Channels: ${CHANNEL_NAMES.join(', ')}

Examples:
  breachdesk api incident.bdcase case.update '{"patch":{"status":"notifying"}}'
  breachdesk api incident.bdcase audit.list '{"limit":5}'`,
  options: {},
  positionals: [2, 3],
  run: async ({ positionals }) => {
    const [path = '', channel = '', json = '{}'] = positionals;
    const input = parseJson(json);
    return withCase(path, async (host) => {
      const envelope = await host.dispatch(channel, input);
      if (!envelope.ok) throw new CliFailure(envelope.message, exitCodeFor(envelope.code), envelope.code);
      printJson(envelope.value);
      return EXIT.ok;
    });
  },
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliFailure('The JSON input is not valid JSON.', EXIT.invalid);
  }
}
