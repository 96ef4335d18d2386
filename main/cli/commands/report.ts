import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

const FORMATS = ['pdf', 'html'] as const;

export const reportCommand: Command = {
  name: 'report',
  summary: 'A one-page status report ("where we stand") as PDF or HTML',
  help: `Usage: breachdesk report FILE -o PATH.pdf|PATH.html [--format pdf|html] [--force] [--json]

Writes the case's status report for management or counsel: what happened (summary, nature, key
dates), who and how many (people affected by jurisdiction, the data involved in words), what is
owed by when (every notice with its deadline in the case's zone and its status, the decisions
needed) and what has been sent. It holds no personal data of the people affected: only counts,
dates and the organisation's own contact; free text that may hold personal data is left out and
said so. The format is read from PATH's extension unless --format names it. Refuses to replace
PATH unless --force. Decision support, not legal advice.

Example:
  breachdesk report sonora-demo.bdcase -o where-we-stand.pdf`,
  options: {
    ...JSON_OPTION,
    output: { type: 'string', short: 'o' },
    format: { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: 1,
  run: ({ positionals, values }) => {
    if (typeof values.output !== 'string' || values.output === '') {
      throw new CliFailure('report needs -o PATH, the .pdf or .html file to write.', EXIT.usage);
    }
    const path = values.output;
    let format: (typeof FORMATS)[number] | undefined;
    if (values.format !== undefined) {
      format = FORMATS.find((f) => f === values.format);
      if (format === undefined) throw new CliFailure('--format takes pdf or html.', EXIT.usage);
    } else if (!/\.(pdf|html?)$/i.test(path)) {
      throw new CliFailure('Name the report file .pdf or .html, or give --format pdf|html.', EXIT.usage);
    }
    return withCase(positionals[0] ?? '', async (host) => {
      const result = await host.call('report.export', {
        path,
        overwrite: values.force === true,
        ...(format === undefined ? {} : { format }),
      });
      if (values.json === true) printJson(result);
      else {
        const left =
          result.withheld === 0
            ? ''
            : ` (${result.withheld} passage(s) left out: they may hold personal data)`;
        process.stdout.write(
          `Wrote the status report (${result.format.toUpperCase()}) to ${result.path}${left}.\n`,
        );
      }
      return EXIT.ok;
    });
  },
};
