import { readFileSync } from 'node:fs';
import { writeFileAtomically } from '../../services/files/atomic-write';
import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

export const factsExportCommand: Command = {
  name: 'facts export',
  summary: 'Write the case investigation as one JSON document',
  help: `Usage: breachdesk facts export FILE [-o OUT.json]

Writes the case's facts, data elements, people affected by jurisdiction, parties, events, tasks
and notes as one JSON document (format "breachdesk.case-document/1", see the README) to stdout,
or to OUT.json with -o.

Example:
  breachdesk facts export incident.bdcase -o incident-facts.json`,
  options: { output: { type: 'string', short: 'o' } },
  positionals: 1,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host) => {
      const document = await host.call('document.export', {});
      const text = `${JSON.stringify(document, null, 2)}\n`;
      // Under a temporary name, renamed when whole: a kill never leaves half a document at OUT.
      if (typeof values.output === 'string') await writeFileAtomically(values.output, text, true);
      else process.stdout.write(text);
      return EXIT.ok;
    }),
};

export const factsImportCommand: Command = {
  name: 'facts import',
  summary: 'Add or update investigation records from a JSON document',
  help: `Usage: breachdesk facts import FILE FACTS.json [--json]

Reads a case document (the format "facts export" writes) and adds its records to FILE: records
whose id already exists are replaced, records without one are added; nothing is deleted. An
invalid document is refused with the path of each error, and nothing is written (exit 2).

Example:
  breachdesk facts import incident.bdcase incident-facts.json`,
  options: { ...JSON_OPTION },
  positionals: 2,
  run: ({ positionals, values }) => {
    const document = readJson(positionals[1] ?? '');
    return withCase(positionals[0] ?? '', async (host) => {
      const result = await host.call('document.import', { document });
      if (values.json === true) printJson(result);
      else process.stdout.write(`Imported: ${result.added} added, ${result.updated} updated.\n`);
      return EXIT.ok;
    });
  },
};

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliFailure(`${JSON.stringify(path)} cannot be read.`, EXIT.invalid);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliFailure(`${JSON.stringify(path)} is not valid JSON.`, EXIT.invalid);
  }
}
