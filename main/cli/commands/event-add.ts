import { zonedTimeFromLocal, PRECISIONS, type Precision } from '../../../shared/time/zoned-time';
import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { formatInstant, printJson } from '../output';
import { withCase } from '../with-case';

export const eventAddCommand: Command = {
  name: 'event add',
  summary: 'Add an event to the timeline',
  help: `Usage: breachdesk event add FILE --at TIME --zone ZONE --title TITLE
                            [--precision exact|day|month] [--end TIME] [--detail TEXT]
                            [--source TEXT] [--tag TAG]... [--json]

TIME is wall-clock time in ZONE (an IANA zone such as Europe/Stockholm): "2020-11-12 14:05",
"2020-11-12" or "2020-11". It is stored in UTC with the zone it was entered in.

Example:
  breachdesk event add incident.bdcase --at "2020-11-12 18:40" --zone Europe/Stockholm \\
    --title "Hotfix 3.2.7 deployed" --tag containment`,
  options: {
    at: { type: 'string' },
    zone: { type: 'string' },
    title: { type: 'string' },
    precision: { type: 'string' },
    end: { type: 'string' },
    detail: { type: 'string' },
    source: { type: 'string' },
    tag: { type: 'string', multiple: true },
    ...JSON_OPTION,
  },
  positionals: 1,
  run: ({ positionals, values }) => {
    const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
    const [atText, zone, title] = [text('at'), text('zone'), text('title')];
    if (atText === undefined || zone === undefined || title === undefined) {
      throw new CliFailure('event add: --at, --zone and --title are required.', EXIT.usage);
    }
    const precisionText = text('precision');
    if (precisionText !== undefined && !PRECISIONS.includes(precisionText as Precision)) {
      throw new CliFailure(`event add: --precision must be one of ${PRECISIONS.join(', ')}.`, EXIT.usage);
    }
    const at = zonedTimeFromLocal(atText, zone, { precision: precisionText as Precision | undefined });
    if (at === null) throw new CliFailure(`"${atText}" in zone "${zone}" is not a time.`, EXIT.invalid);
    const endText = text('end');
    const end = endText === undefined ? null : zonedTimeFromLocal(endText, zone);
    if (endText !== undefined && end === null)
      throw new CliFailure(`"${endText}" is not a time.`, EXIT.invalid);
    const tags = Array.isArray(values.tag) ? values.tag : [];
    return withCase(positionals[0] ?? '', async (host) => {
      const event = await host.call('events.create', {
        at,
        end,
        title,
        detail: text('detail') ?? '',
        source: text('source') ?? '',
        tags,
        partyIds: [],
      });
      if (values.json === true) printJson(event);
      else
        process.stdout.write(
          `Added event ${event.id} at ${formatInstant(event.at.utc)} (${event.at.zone}).\n`,
        );
      return EXIT.ok;
    });
  },
};
