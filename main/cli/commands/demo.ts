import { CliHost } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Create the demo case (the sample incident) in a new case file',
  help: `Usage: breachdesk demo FILE [--overwrite] [--json]

Builds the sample incident (a fictional streaming company whose partner API exposed account data
in 2020): facts, data elements, people affected by jurisdiction, parties, timeline, tasks and
notes. Its generated evidence files are written to the folder "NAME evidence" beside FILE and
listed as pending evidence. The demo case file is not encrypted (everything in it is fictional).
Refuses to replace an existing FILE unless --overwrite is given.

Example:
  breachdesk demo sonora-demo.bdcase`,
  options: { overwrite: { type: 'boolean' }, ...JSON_OPTION },
  positionals: 1,
  async run({ positionals, values }) {
    const host = new CliHost();
    try {
      const created = await host.call('demo.create', {
        path: positionals[0] ?? '',
        overwrite: values.overwrite === true,
      });
      const overview = await host.call('overview.get', {});
      for (const notice of created.notices) process.stderr.write(`breachdesk: ${notice}\n`);
      if (values.json === true) printJson({ ...created, counts: overview.counts });
      else {
        const { events, parties, peopleAffected, evidence } = overview.counts;
        process.stdout.write(
          `Created the demo case ${created.path}: ${events} events, ${parties} parties, ` +
            `${peopleAffected.toLocaleString('en')} people affected, ${evidence} evidence files attached.\n`,
        );
      }
      return EXIT.ok;
    } finally {
      host.close();
    }
  },
};
