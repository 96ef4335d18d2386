import type { ChannelInput } from '../../../shared/ipc/contract';
import { zonedTimeFromLocal } from '../../../shared/time/zoned-time';
import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

type StatusInput = ChannelInput<'obligations.setStatus'>['status'];
type Values = Record<string, string | boolean | string[] | undefined>;

const text = (values: Values, key: string): string | undefined => {
  const value = values[key];
  return typeof value === 'string' ? value : undefined;
};

/** The status the options describe, or a one-line usage error. */
function statusOf(values: Values): StatusInput {
  const note = text(values, 'note') ?? '';
  switch (text(values, 'status')) {
    case 'todo':
      return { status: 'todo', note };
    case 'drafting':
      return { status: 'drafting', note };
    case 'not-required': {
      const rationale = text(values, 'rationale');
      if (rationale === undefined)
        throw new CliFailure('--status not-required needs --rationale.', EXIT.usage);
      return { status: 'not_required', rationale, note };
    }
    case 'sent': {
      const [at, zone, channel] = [text(values, 'sent-at'), text(values, 'zone'), text(values, 'channel')];
      if (at === undefined || zone === undefined || channel === undefined)
        throw new CliFailure('--status sent needs --sent-at, --zone and --channel.', EXIT.usage);
      const sentAt = zonedTimeFromLocal(at, zone);
      if (sentAt === null) throw new CliFailure(`"${at}" in zone "${zone}" is not a time.`, EXIT.invalid);
      return { status: 'sent', sentAt: sentAt.utc, channel, note };
    }
    default:
      throw new CliFailure('--status must be todo, drafting, sent or not-required.', EXIT.usage);
  }
}

export const obligationStatusCommand: Command = {
  name: 'obligations status',
  summary: "Record a notice's status, or one stage's of a staged report",
  help: `Usage: breachdesk obligations status FILE RULE_ID [--stage STAGE_ID] --status todo|drafting|sent|not-required
         [--sent-at TIME --zone ZONE --channel HOW] [--rationale WHY] [--note TEXT] [--as-of DATE] [--json]

Records what was done about a notice the board lists (RULE_ID as "obligations --json" shows it),
with the engine's answer at that moment and the rule pack's version. For a staged report (NIS2
early warning, notification and final report; DORA initial, intermediate and final reports;
Japan's preliminary and final reports) --stage names the stage: a later stage's deadline runs
from the time an earlier one is recorded as sent. TIME is wall-clock time in ZONE.

Example:
  breachdesk obligations status incident.bdcase nis2-art23-csirt --stage early-warning \\
    --status sent --sent-at "2026-12-01 07:30" --zone Europe/Berlin --channel "CSIRT portal"`,
  options: {
    ...JSON_OPTION,
    stage: { type: 'string' },
    status: { type: 'string' },
    'sent-at': { type: 'string' },
    zone: { type: 'string' },
    channel: { type: 'string' },
    rationale: { type: 'string' },
    note: { type: 'string' },
    'as-of': { type: 'string' },
  },
  positionals: 2,
  run: ({ positionals, values }) => {
    const status = statusOf(values);
    const asOf = text(values, 'as-of');
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
      throw new CliFailure('--as-of takes a date as YYYY-MM-DD.', EXIT.usage);
    const stageId = text(values, 'stage');
    return withCase(positionals[0] ?? '', async (host) => {
      const recorded = await host.call('obligations.setStatus', {
        ruleId: positionals[1] ?? '',
        status,
        ...(stageId === undefined ? {} : { stageId }),
        ...(asOf === undefined ? {} : { asOf }),
      });
      if (values.json === true) printJson(recorded);
      else
        process.stdout.write(
          `Recorded ${recorded.ruleId}: ${recorded.status.replace('_', ' ')}${recorded.sentAt === null ? '' : ` (sent ${recorded.sentAt})`}.\n`,
        );
      return EXIT.ok;
    });
  },
};
