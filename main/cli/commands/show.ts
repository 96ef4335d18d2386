import { CASE_STATUS_LABELS } from '../../../shared/domain/case';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { formatInstant, printFields, printJson } from '../output';
import { withCase } from '../with-case';

export const showCommand: Command = {
  name: 'show',
  summary: 'Show the case record of a case file',
  help: `Usage: breachdesk show FILE [--json]

Prints the case record (title, organisation, status, id, times), the schema version and the
number of audit entries. --json prints {path, schemaVersion, record, notices, auditEntries};
notices lists what opening repaired after a crash (also said on stderr).

Example:
  breachdesk show incident-2020-11.bdcase --json`,
  options: { ...JSON_OPTION },
  positionals: 1,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host, opened) => {
      const { total } = await host.call('audit.list', { limit: 1 });
      if (values.json === true) {
        printJson({ ...opened, auditEntries: total });
        return EXIT.ok;
      }
      const { record } = opened;
      printFields([
        ['Title', record.title],
        ['Organisation', record.organisation],
        ['Status', CASE_STATUS_LABELS[record.status]],
        ['Case id', record.id],
        ['Created', formatInstant(record.createdAt)],
        ['Updated', formatInstant(record.updatedAt)],
        ['Schema', String(opened.schemaVersion)],
        ['Audit log', `${total} ${total === 1 ? 'entry' : 'entries'}`],
        ['File', opened.path],
      ]);
      return EXIT.ok;
    }),
};
