import { CliFailure, CliHost } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { givenPassphrase, newCaseKey, PASSPHRASE_HELP } from '../passphrase';

export const initCommand: Command = {
  name: 'init',
  summary: 'Create a new case file (encrypted unless --plaintext)',
  help: `Usage: breachdesk init FILE --title TITLE --org ORGANISATION [--passphrase-file PATH | --plaintext] [--json]

Creates FILE (conventionally ending in .bdcase) holding a new case with the given title and
organisation, status "investigating", and its first audit entry. Refuses to replace an existing file.
The file is encrypted (SQLCipher 4) with the passphrase from --passphrase-file, else
BREACHDESK_PASSPHRASE, else one typed twice at the prompt. Without any of them init refuses:
--plaintext is the explicit choice of a file anyone who copies it can read.
${PASSPHRASE_HELP}

Examples:
  breachdesk init incident-2020-11.bdcase --title "Partner API exposure" --org "Sonora Streaming AB" --passphrase-file ~/.breachdesk-pass
  breachdesk init scratch.bdcase --title "Training" --org "Example" --plaintext`,
  options: {
    title: { type: 'string' },
    org: { type: 'string' },
    plaintext: { type: 'boolean' },
    ...JSON_OPTION,
  },
  positionals: 1,
  async run({ positionals, values }) {
    for (const option of ['title', 'org']) {
      if (typeof values[option] !== 'string')
        throw new CliFailure(`init: --${option} is required.`, EXIT.usage);
    }
    const key = await newCaseKey(values.plaintext === true, givenPassphrase(values));
    const host = new CliHost();
    try {
      const created = await host.call('case.create', {
        path: positionals[0] ?? '',
        title: typeof values.title === 'string' ? values.title : '',
        organisation: typeof values.org === 'string' ? values.org : '',
        ...key,
      });
      if (values.json === true) printJson(created);
      else {
        const lock = created.encrypted ? 'encrypted' : 'NOT encrypted';
        process.stdout.write(`Created ${created.path} (case ${created.record.id}, ${lock}).\n`);
      }
      return EXIT.ok;
    } finally {
      host.close();
    }
  },
};
