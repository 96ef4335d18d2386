import { CliFailure, CliHost } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

const FORMATS = ['pdf', 'docx', 'html'] as const;

export const letterTemplatesCommand: Command = {
  name: 'letter templates',
  summary: 'List the letter templates',
  help: `Usage: breachdesk letter templates [--json]

Lists every letter template: its id, language, jurisdiction, recipient and title.

Example:
  breachdesk letter templates`,
  options: { ...JSON_OPTION },
  positionals: 0,
  run: async ({ values }) => {
    const host = new CliHost();
    try {
      const templates = await host.call('letters.templates', {});
      if (values.json === true) printJson(templates);
      else {
        const width = Math.max(...templates.map((t) => t.id.length));
        process.stdout.write(
          `${templates.map((t) => `${t.id.padEnd(width)}  ${t.language}  ${t.jurisdiction.padEnd(5)}  ${t.recipientKind.padEnd(27)}  ${t.title}`).join('\n')}\n`,
        );
      }
      return EXIT.ok;
    } finally {
      host.close();
    }
  },
};

export const letterDraftCommand: Command = {
  name: 'letter draft',
  summary: 'Draft a letter from a template with the case data',
  help: `Usage: breachdesk letter draft FILE (--template ID | --obligation RULE_ID) [--recipient NAME] [--address TEXT] [--json]

Drafts a letter in the case from a template: its merge fields show the case's values, and
the checks of the law it answers are run. Prints the letter's id, its checks and any merge field
the case has no value for. With --obligation the letter answers that notice (its id as
\`breachdesk obligations FILE --json\` lists it): without --template it is drafted from the
notice's template (the rule's own, else the generic one for its recipient), and a notice still
to do moves to "drafting".

Examples:
  breachdesk letter draft sonora-demo.bdcase --obligation us-tx-ag-2023
  breachdesk letter draft sonora-demo.bdcase --template partner-deletion-request --recipient "Beatline Devices Ltd"`,
  options: {
    ...JSON_OPTION,
    template: { type: 'string' },
    recipient: { type: 'string' },
    address: { type: 'string' },
    obligation: { type: 'string' },
  },
  positionals: 1,
  run: ({ positionals, values }) => {
    if (typeof values.template !== 'string' && typeof values.obligation !== 'string')
      throw new CliFailure('letter draft needs --template ID or --obligation RULE_ID.', EXIT.usage);
    const templateId = typeof values.template === 'string' ? values.template : undefined;
    return withCase(positionals[0] ?? '', async (host) => {
      const view = await host.call('letters.create', {
        ...(templateId === undefined ? {} : { templateId }),
        recipient: {
          name: typeof values.recipient === 'string' ? values.recipient : '',
          address: typeof values.address === 'string' ? values.address : '',
        },
        obligationRuleId: typeof values.obligation === 'string' ? values.obligation : null,
      });
      if (values.json === true) {
        printJson(view);
        return EXIT.ok;
      }
      const missing = Object.entries(view.values)
        .filter(([, value]) => value === null)
        .map(([field]) => field);
      const lines = [
        `Drafted ${view.letter.id}: ${view.letter.title} (version ${view.version.version}, template ${view.letter.templateId})`,
        ...view.checks.map(
          (c) =>
            `  ${c.status === 'pass' ? 'pass' : 'FAIL'}  ${c.title}${c.status === 'fail' ? `: ${c.detail}` : ''}`,
        ),
        ...(missing.length === 0 ? [] : [`Case values missing: ${missing.join(', ')}`]),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      return EXIT.ok;
    });
  },
};

export const letterRenderCommand: Command = {
  name: 'letter render',
  summary: 'Write a letter as PDF, DOCX or HTML',
  help: `Usage: breachdesk letter render FILE LETTER_ID --format pdf|docx|html -o PATH [--version N] [--force] [--json]

Writes the letter (its approved version once approved, else its latest; or version N) with the
case's letterhead: PDF with embedded fonts and page numbers, DOCX with real Word headings and
lists, or one self-contained HTML file. Refuses to replace PATH unless --force.

Example:
  breachdesk letter render sonora-demo.bdcase 0c7a…-uuid --format pdf -o notice-ca.pdf`,
  options: {
    ...JSON_OPTION,
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    version: { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: 2,
  run: ({ positionals, values }) => {
    const format = FORMATS.find((f) => f === values.format);
    if (format === undefined)
      throw new CliFailure('letter render needs --format pdf, docx or html.', EXIT.usage);
    if (typeof values.output !== 'string' || values.output === '') {
      throw new CliFailure('letter render needs -o PATH, the file to write.', EXIT.usage);
    }
    const path = values.output;
    const version = typeof values.version === 'string' ? Number(values.version) : undefined;
    if (version !== undefined && (!Number.isInteger(version) || version < 1)) {
      throw new CliFailure('--version takes a version number (1, 2, …).', EXIT.usage);
    }
    return withCase(positionals[0] ?? '', async (host) => {
      const result = await host.call('letters.render', {
        id: positionals[1] ?? '',
        format,
        path,
        overwrite: values.force === true,
        ...(version === undefined ? {} : { version }),
      });
      if (values.json === true) printJson(result);
      else
        process.stdout.write(`Wrote ${result.bytes} bytes to ${result.path} (SHA-256 ${result.sha256}).\n`);
      return EXIT.ok;
    });
  },
};

export const letterApproveCommand: Command = {
  name: 'letter approve',
  summary: "Approve a letter (as the app's Approve letter): its checks must pass or be overridden",
  help: `Usage: breachdesk letter approve CASE LETTER_ID [--override REASON] [--json]

Approves the letter's latest version, as the app's "Approve letter" does: the checks of the law
it answers are run, and a failing check refuses the approval unless --override says why it is
approved anyway (recorded with who and when, and audited). Only an approved letter can be used
for notices to every affected person (breachdesk notices generate).

Example:
  breachdesk letter approve incident.bdcase 0c7a…-uuid
  breachdesk letter approve incident.bdcase 0c7a…-uuid --override "Counsel approved the wording on 2026-03-09."`,
  options: { ...JSON_OPTION, override: { type: 'string' } },
  positionals: 2,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host) => {
      const view = await host.call('letters.setStatus', {
        id: positionals[1] ?? '',
        status: 'approved',
        ...(typeof values.override === 'string' ? { override: values.override } : {}),
      });
      if (values.json === true) printJson(view);
      else {
        const failing = view.checks.filter((c) => c.status === 'fail');
        process.stdout.write(
          `Approved "${view.letter.title}", version ${view.letter.approvedVersion ?? view.letter.latestVersion}${failing.length > 0 ? ` with ${failing.length} failing check${failing.length === 1 ? '' : 's'} overridden` : ''}.\n`,
        );
      }
      return EXIT.ok;
    }),
};
