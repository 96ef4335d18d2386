import type { EvidenceItem } from '../../../shared/domain/evidence';
import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { CliJob } from '../progress';
import { withCase } from '../with-case';

export const evidenceAddCommand: Command = {
  name: 'evidence add',
  summary: 'Take files and folders into the evidence locker',
  help: `Usage: breachdesk evidence add FILE PATH... [--source S] [--collected-by NAME] [--json]

Stores each file (folders are walked; links inside them are not followed) byte for byte inside
the case file, hashed with SHA-256 as it is read, with its text indexed for search. Identical
content is stored once. Progress shows on a terminal; Ctrl+C stops the intake and nothing is
added. Prints each item's id, size, SHA-256 and name.

Example:
  breachdesk evidence add incident.bdcase ./exports/access.log ./mails --source "SIEM export" --collected-by "J. Doe"`,
  options: {
    ...JSON_OPTION,
    source: { type: 'string' },
    'collected-by': { type: 'string' },
  },
  positionals: [2, 10_000],
  run: ({ positionals, values }) => {
    const job = new CliJob();
    return withCase(
      positionals[0] ?? '',
      async (host) => {
        const metadata = {
          source: typeof values.source === 'string' ? values.source : '',
          collectedBy: typeof values['collected-by'] === 'string' ? values['collected-by'] : '',
        };
        const result = await job.run(host, (jobId) =>
          host.call('evidence.add', { jobId, paths: positionals.slice(1), metadata }),
        );
        if (values.json === true) printJson(result);
        else {
          const lines = [
            ...result.added.map(describeItem),
            ...result.alreadyPresent.map((p) => `already present  ${p.id}  ${p.path}`),
            ...result.skipped.map((s) => `skipped  ${s.path}: ${s.reason}`),
            `${result.added.length} added, ${result.alreadyPresent.length} already present, ${result.skipped.length} skipped.`,
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
        }
        return EXIT.ok;
      },
      job.events,
    );
  },
};

export const evidenceListCommand: Command = {
  name: 'evidence list',
  summary: 'List the evidence items: id, size, SHA-256, name',
  help: `Usage: breachdesk evidence list FILE [--json]

Lists every item in the evidence locker with its id, size in bytes, SHA-256 and name (with
--json: every field, including type, file times, collection details and links).

Example:
  breachdesk evidence list incident.bdcase`,
  options: { ...JSON_OPTION },
  positionals: 1,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host) => {
      const items = await host.call('evidence.list', {});
      if (values.json === true) printJson(items);
      else
        process.stdout.write(
          items.length === 0 ? 'No evidence yet.\n' : `${items.map(describeItem).join('\n')}\n`,
        );
      return EXIT.ok;
    }),
};

export const evidenceExportCommand: Command = {
  name: 'evidence export',
  summary: "Save an item's original bytes, hash-checked",
  help: `Usage: breachdesk evidence export FILE ID -o PATH [--force] [--json]

Writes the item's original bytes to PATH (refusing to replace an existing file unless --force),
reads the copy back and checks its SHA-256 before it is given its name, and records the export
in the item's chain of custody.

Example:
  breachdesk evidence export incident.bdcase 1f0c…-uuid -o ./out/access.log`,
  options: { ...JSON_OPTION, output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  positionals: 2,
  run: ({ positionals, values }) => {
    const job = new CliJob();
    return withCase(
      positionals[0] ?? '',
      async (host) => {
        if (typeof values.output !== 'string' || values.output === '') {
          throw new CliFailure('evidence export needs -o PATH, the file to write.', EXIT.usage);
        }
        const path = values.output;
        const result = await job.run(host, (jobId) =>
          host.call('evidence.export', {
            jobId,
            id: positionals[1] ?? '',
            path,
            overwrite: values.force === true,
          }),
        );
        if (values.json === true) printJson(result);
        else
          process.stdout.write(
            `Wrote ${result.size} bytes to ${result.path}; SHA-256 ${result.sha256} checked.\n`,
          );
        return EXIT.ok;
      },
      job.events,
    );
  },
};

function describeItem(item: EvidenceItem): string {
  return `${item.id}  ${String(item.size).padStart(12)}  ${item.sha256}  ${item.name}`;
}
