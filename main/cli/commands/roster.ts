import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataElementLabel } from '../../../shared/domain/data-elements';
import {
  rosterMappingFromText,
  type RosterMapping,
  type RosterPerson,
  type RosterStats,
} from '../../../shared/domain/roster';
import { jurisdictionName } from '../../../shared/jurisdictions/jurisdictions';
import { maskRosterValue } from '../../../shared/roster/mask';
import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printFields, printJson } from '../output';
import { CliJob } from '../progress';
import { withCase } from '../with-case';

const count = (n: number) => n.toLocaleString('en-US');

export const rosterImportCommand: Command = {
  name: 'roster import',
  summary: 'Import a dataset of exposed people (CSV, TSV, JSON Lines, SQLite) into the roster',
  help: `Usage: breachdesk roster import CASE FILE --mapping MAP.json [--name NAME] [--scope-of DATASET]
       [--stop-on-bad-row] [--skipped-report OUT.csv] [--json]

Streams FILE into the case's roster through the mapping MAP.json (format
breachdesk.roster-mapping/1, see the README; "roster suggest-mapping" proposes one). Rows are
merged into people by account id, e-mail and phone, each person's jurisdiction is found from the
country and region columns, a US ZIP code or the phone number, and the obligations are counted
from the people whose own exposed data meets each law. With --scope-of DATASET the file is the
scope of that dataset (e.g. the access log of what was read): only people whose key appears in it
are affected. A row that cannot be read is skipped and listed (saved with --skipped-report), or
stops the import with --stop-on-bad-row. Ctrl+C cancels; nothing is added unless the import
finishes. The audit log records counts and hashes, never a value.

Example:
  breachdesk roster import incident.bdcase users.csv --mapping users-mapping.json
  breachdesk roster import incident.bdcase access.jsonl --mapping access-mapping.json --scope-of users.csv`,
  options: {
    ...JSON_OPTION,
    mapping: { type: 'string' },
    name: { type: 'string' },
    'scope-of': { type: 'string' },
    'stop-on-bad-row': { type: 'boolean' },
    'skipped-report': { type: 'string' },
  },
  positionals: 2,
  run: ({ positionals, values }) => {
    if (typeof values.mapping !== 'string') {
      throw new CliFailure(
        'roster import: --mapping MAP.json is required (roster suggest-mapping proposes one).',
        EXIT.usage,
      );
    }
    const mapping = readMapping(values.mapping);
    const job = new CliJob();
    return withCase(
      positionals[0] ?? '',
      async (host) => {
        const result = await job.run(host, (jobId) =>
          host.call('roster.import', {
            jobId,
            path: resolve(positionals[1] ?? ''),
            mapping,
            ...(typeof values.name === 'string' ? { name: values.name } : {}),
            scopeOf: typeof values['scope-of'] === 'string' ? values['scope-of'] : null,
            onBadRow: values['stop-on-bad-row'] === true ? 'stop' : 'skip',
          }),
        );
        if (typeof values['skipped-report'] === 'string') {
          await host.call('roster.saveSkipped', {
            path: resolve(values['skipped-report']),
            rows: result.skipped,
          });
        }
        if (values.json === true) {
          printJson(result);
          return EXIT.ok;
        }
        printFields([
          ['Dataset', `${result.dataset.name} (${result.dataset.format}, ${result.dataset.id})`],
          ['Rows', count(result.dataset.rows)],
          ['Imported', count(result.imported)],
          ['Skipped', count(result.dataset.skipped)],
          ['SHA-256', result.dataset.sourceSha256],
          [
            'People',
            `${count(result.people)} affected${result.outOfScope > 0 ? `, ${count(result.outOfScope)} outside the scope` : ''}`,
          ],
        ]);
        for (const row of result.skipped.slice(0, 20))
          process.stdout.write(`  line ${row.line}: ${row.message}\n`);
        if (result.dataset.skipped > 20)
          process.stdout.write(`  … ${count(result.dataset.skipped - 20)} more skipped rows.\n`);
        return EXIT.ok;
      },
      job.events,
    );
  },
};

function readMapping(path: string): RosterMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliFailure(`${JSON.stringify(path)} cannot be read as JSON.`, EXIT.invalid);
  }
  return rosterMappingFromText(text, path);
}

export const rosterSuggestCommand: Command = {
  name: 'roster suggest-mapping',
  summary: 'Propose a roster mapping for a dataset from its column names and a sample of values',
  help: `Usage: breachdesk roster suggest-mapping CASE FILE [--table NAME] [--reasons]

Reads the column names and the first 200 rows of FILE (CSV, TSV, JSON Lines, or a table of a
SQLite file) and prints a mapping (breachdesk.roster-mapping/1) proposing which column is which
roster field and which data elements each column exposes: e-mail addresses, phone numbers, US ZIP
codes, country codes and dates of birth are recognised by their values; SSN- and card-shaped
values only when their checksums hold. Save it, correct it, and pass it to "roster import
--mapping". With --reasons, why each column was proposed goes to stderr. The sample is never
stored, logged or audited.

Example:
  breachdesk roster suggest-mapping incident.bdcase users.csv > users-mapping.json`,
  options: { table: { type: 'string' }, reasons: { type: 'boolean' } },
  positionals: 2,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host) => {
      const preview = await host.call('roster.preview', {
        path: resolve(positionals[1] ?? ''),
        ...(typeof values.table === 'string' ? { table: values.table } : {}),
      });
      printJson(preview.mapping);
      if (values.reasons === true) {
        for (const [column, reason] of Object.entries(preview.reasons)) {
          process.stderr.write(`${column}: ${reason}\n`);
        }
      }
      return EXIT.ok;
    }),
};

export const rosterStatsCommand: Command = {
  name: 'roster stats',
  summary: 'Count the roster: people, records, jurisdictions, residency sources, exposed data',
  help: `Usage: breachdesk roster stats CASE [--json]

Prints the people affected (after merging and scope), the records they came from, people per
jurisdiction ("unknown" where residency could not be found), where each residency came from
(column, postalCode, phone, unknown), people per combination of exposed data elements, the review
queue and the datasets. --json prints {people, records, byJurisdiction, residencySource,
byElements, reviewQueue, datasets, groups, purgedAt}.

Example:
  breachdesk roster stats incident.bdcase --json`,
  options: { ...JSON_OPTION },
  positionals: 1,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host) => {
      const stats = await host.call('roster.stats', {});
      if (values.json === true) printJson(stats);
      else process.stdout.write(`${describeStats(stats).join('\n')}\n`);
      return EXIT.ok;
    }),
};

function describeStats(stats: RosterStats): string[] {
  const sorted = (record: Record<string, number>) => Object.entries(record).sort((a, b) => b[1] - a[1]);
  return [
    `People: ${count(stats.people)} (from ${count(stats.records)} records${stats.purgedAt === null ? '' : `; records purged ${stats.purgedAt}, counts kept`})`,
    `Review queue: ${count(stats.reviewQueue)} possible duplicates`,
    'By jurisdiction:',
    ...sorted(stats.byJurisdiction).map(
      ([code, n]) =>
        `  ${code.padEnd(8)} ${count(n).padStart(12)}  ${code === 'unknown' ? 'residency unknown' : jurisdictionName(code)}`,
    ),
    'Residency from:',
    ...sorted(stats.residencySource).map(([source, n]) => `  ${source.padEnd(10)} ${count(n).padStart(12)}`),
    'Exposed data:',
    ...sorted(stats.byElements).map(
      ([key, n]) => `  ${count(n).padStart(12)}  ${key === '' ? '(none recorded)' : key}`,
    ),
    'Datasets:',
    ...stats.datasets.map(
      (d) =>
        `  ${d.name}: ${count(d.rows)} rows, ${count(d.skipped)} skipped${d.scopeOf === null ? '' : `, scope of ${stats.datasets.find((t) => t.id === d.scopeOf)?.name ?? d.scopeOf}`}`,
    ),
  ];
}

export const rosterFindCommand: Command = {
  name: 'roster find',
  summary: 'Look a person up by exact e-mail, account id or phone',
  help: `Usage: breachdesk roster find CASE (--email VALUE | --account VALUE | --phone VALUE) [--reveal] [--json]

Finds the people whose e-mail, account id or phone number is exactly VALUE (after the same
normalisation as at import: e-mails in lower case, phones in E.164). Prints each person's
jurisdiction and where it came from, their exposed data, whether they are affected, and the
records they were built from. Contact data is masked unless --reveal.

Example:
  breachdesk roster find incident.bdcase --email jane.doe@example.com`,
  options: {
    ...JSON_OPTION,
    email: { type: 'string' },
    account: { type: 'string' },
    phone: { type: 'string' },
    reveal: { type: 'boolean' },
  },
  positionals: 1,
  run: ({ positionals, values }) => {
    const given = (['email', 'account', 'phone'] as const).filter((k) => typeof values[k] === 'string');
    const key = given[0];
    if (given.length !== 1 || key === undefined) {
      throw new CliFailure('roster find: give exactly one of --email, --account or --phone.', EXIT.usage);
    }
    const value = String(values[key]);
    return withCase(positionals[0] ?? '', async (host) => {
      const people = await host.call('roster.find', { key, value });
      if (values.json === true) printJson(people);
      else if (people.length === 0) process.stdout.write('No one in the roster has that value.\n');
      else
        process.stdout.write(
          `${people.flatMap((p) => describePerson(p, values.reveal === true)).join('\n')}\n`,
        );
      return EXIT.ok;
    });
  },
};

function describePerson(person: RosterPerson, reveal: boolean): string[] {
  return [
    `Person ${person.id}: ${person.affected ? 'affected' : 'not affected (outside the scope)'}`,
    `  Residency: ${person.jurisdiction} (from ${person.source})`,
    `  Exposed: ${person.elements.map((t) => dataElementLabel(t, null)).join(', ') || 'nothing recorded'}`,
    ...person.records.flatMap((record) => [
      `  Record ${record.recordId}: ${record.dataset}, line ${record.line}${record.inScope === null ? '' : record.inScope ? ', in scope' : ', not in scope'}`,
      ...Object.entries(record.values).map(
        ([field, value]) =>
          `    ${field}: ${reveal ? value : maskRosterValue(field as keyof typeof record.values, value)}`,
      ),
    ]),
  ];
}

export const rosterPurgeCommand: Command = {
  name: 'roster purge',
  summary: "Delete the roster's records (the personal data), keeping the counts",
  help: `Usage: breachdesk roster purge CASE --yes [--json]

Deletes every record of the roster and the review queue, overwriting the freed pages, for
closing a case without keeping the personal data of the people affected. The datasets'
descriptions (names, hashes, mappings, row counts) and the counts the obligations were decided on
stay. Audited as roster.purged with the number of records deleted. --yes is required.

Example:
  breachdesk roster purge incident.bdcase --yes`,
  options: { ...JSON_OPTION, yes: { type: 'boolean' } },
  positionals: 1,
  run: ({ positionals, values }) => {
    if (values.yes !== true) {
      throw new CliFailure(
        'roster purge deletes every record of the roster: add --yes to confirm.',
        EXIT.usage,
      );
    }
    return withCase(positionals[0] ?? '', async (host) => {
      const stats = await host.call('roster.purge', { confirm: true });
      if (values.json === true) printJson(stats);
      else process.stdout.write(`Purged the roster's records; ${count(stats.people)} people stay counted.\n`);
      return EXIT.ok;
    });
  },
};

export const rosterReviewCommand: Command = {
  name: 'roster review',
  summary: 'List possible duplicates, or merge or keep apart one pair',
  help: `Usage: breachdesk roster review CASE [--merge ID | --apart ID] [--reveal] [--json]

Lists the pairs of records that may be the same person (same name, date of birth and postal code
but no shared account id, e-mail or phone): they are never merged without a decision. --merge ID
makes the pair one person; --apart ID keeps them apart for good. Counts are rebuilt at once.

Example:
  breachdesk roster review incident.bdcase --merge 12`,
  options: {
    ...JSON_OPTION,
    merge: { type: 'string' },
    apart: { type: 'string' },
    reveal: { type: 'boolean' },
  },
  positionals: 1,
  run: ({ positionals, values }) => {
    const decision =
      typeof values.merge === 'string' ? 'merge' : typeof values.apart === 'string' ? 'apart' : null;
    const id = Number(values.merge ?? values.apart);
    if (decision !== null && (!Number.isInteger(id) || id <= 0)) {
      throw new CliFailure(
        'roster review: --merge and --apart take the pair id that the list shows.',
        EXIT.usage,
      );
    }
    return withCase(positionals[0] ?? '', async (host) => {
      if (decision !== null) {
        const stats = await host.call('roster.decide', { id, decision });
        if (values.json === true) printJson(stats);
        else
          process.stdout.write(
            `Pair ${id}: ${decision === 'merge' ? 'merged' : 'kept apart'}; ${count(stats.people)} people.\n`,
          );
        return EXIT.ok;
      }
      const pairs = await host.call('roster.review', {});
      if (values.json === true) printJson(pairs);
      else if (pairs.length === 0) process.stdout.write('No possible duplicates wait for review.\n');
      else {
        for (const pair of pairs) {
          const show = (r: (typeof pair)['first']) =>
            Object.entries(r.values)
              .map(([f, v]) => (values.reveal === true ? v : maskRosterValue(f as keyof typeof r.values, v)))
              .join(', ');
          process.stdout.write(
            `Pair ${pair.id}\n  ${pair.first.dataset} line ${pair.first.line}: ${show(pair.first)}\n  ${pair.second.dataset} line ${pair.second.line}: ${show(pair.second)}\n`,
          );
        }
      }
      return EXIT.ok;
    });
  },
};

export const ROSTER_COMMANDS: readonly Command[] = [
  rosterImportCommand,
  rosterSuggestCommand,
  rosterStatsCommand,
  rosterFindCommand,
  rosterReviewCommand,
  rosterPurgeCommand,
];
