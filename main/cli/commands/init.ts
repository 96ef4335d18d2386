import { CliFailure, CliHost } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';

export const initCommand: Command = {
  name: 'init',
  summary: 'Create a new case file',
  help: `Usage: breachdesk init FILE --title TITLE --org ORGANISATION [--json]

Creates FILE (conventionally ending in .bdcase) holding a new case with the given title and
organisation, status "investigating", and its first audit entry. Refuses to replace an existing file.

Example:
  breachdesk init incident-2020-11.bdcase --title "Partner API exposure" --org "Sonora Streaming AB"`,
  options: { title: { type: 'string' }, org: { type: 'string' }, ...JSON_OPTION },
  positionals: 1,
  async run({ positionals, values }) {
    for (const option of ['title', 'org']) {
      if (typeof values[option] !== 'string')
        throw new CliFailure(`init: --${option} is required.`, EXIT.usage);
    }
    const host = new CliHost();
    try {
      const created = await host.call('case.create', {
        path: positionals[0] ?? '',
        title: typeof values.title === 'string' ? values.title : '',
        organisation: typeof values.org === 'string' ? values.org : '',
      });
      if (values.json === true) printJson(created);
      else process.stdout.write(`Created ${created.path} (case ${created.record.id}).\n`);
      return EXIT.ok;
    } finally {
      host.close();
    }
  },
};
