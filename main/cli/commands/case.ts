import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command, type ParsedCommand } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { canPrompt, givenPassphrase, PASSPHRASE_HELP, promptPassphrase } from '../passphrase';
import { withCase } from '../with-case';

/** A new passphrase: from the named option's file, else typed twice at a terminal. */
async function newPassphrase(
  values: ParsedCommand['values'],
  option: string,
  fallbackEnv: boolean,
): Promise<string> {
  const given = typeof values[option] === 'string' || fallbackEnv ? givenPassphrase(values, option) : null;
  if (given !== null) return given;
  if (canPrompt()) return promptPassphrase('New passphrase: ', true);
  throw new CliFailure(
    `give the new passphrase with --${option} PATH (or type it at a terminal).`,
    EXIT.usage,
  );
}

export const caseEncryptCommand: Command = {
  name: 'case encrypt',
  summary: 'Encrypt a plaintext case file in place',
  help: `Usage: breachdesk case encrypt FILE [--passphrase-file PATH] [--json]

Encrypts FILE (SQLCipher 4) with the passphrase from --passphrase-file, else
BREACHDESK_PASSPHRASE, else one typed twice at the prompt. The encrypted file is written beside
it under a temporary name and renamed over it when complete; the change is audited. Copies of
the plaintext file made before (backups, other folders) stay readable: delete them.

Example:
  breachdesk case encrypt incident.bdcase --passphrase-file ~/.breachdesk-pass`,
  options: { ...JSON_OPTION },
  positionals: 1,
  run: async ({ positionals, values }) => {
    const path = positionals[0] ?? '';
    const passphrase = await newPassphrase(values, 'passphrase-file', true);
    return withCase(path, async (host, opened) => {
      if (opened.encrypted)
        throw new CliFailure(`${path} is already encrypted; use "case rekey".`, EXIT.invalid);
      const result = await host.call('case.encrypt', { passphrase });
      if (values.json === true) printJson(result);
      else
        process.stdout.write(
          `Encrypted ${result.path}. Copies of it made before now (backups, other folders) are still readable: delete them.\n`,
        );
      return EXIT.ok;
    });
  },
};

export const caseRekeyCommand: Command = {
  name: 'case rekey',
  summary: 'Change the passphrase of an encrypted case file',
  help: `Usage: breachdesk case rekey FILE [--passphrase-file CURRENT] [--new-passphrase-file NEW] [--json]

Re-encrypts FILE with a new passphrase (and a new salt). The current passphrase comes from
--passphrase-file (or BREACHDESK_PASSPHRASE, or the prompt); the new one from
--new-passphrase-file, else typed twice at the prompt. Written under a temporary name and
renamed when complete; audited.
${PASSPHRASE_HELP}

Example:
  breachdesk case rekey incident.bdcase --passphrase-file old.txt --new-passphrase-file new.txt`,
  options: { 'new-passphrase-file': { type: 'string' }, ...JSON_OPTION },
  positionals: 1,
  run: async ({ positionals, values }) => {
    const path = positionals[0] ?? '';
    return withCase(path, async (host, opened) => {
      if (!opened.encrypted)
        throw new CliFailure(`${path} is not encrypted; use "case encrypt".`, EXIT.invalid);
      const current = givenPassphrase(values) ?? (await promptPassphrase('Current passphrase: '));
      const passphrase = await newPassphrase(values, 'new-passphrase-file', false);
      const result = await host.call('case.changePassphrase', { current, passphrase });
      if (values.json === true) printJson(result);
      else process.stdout.write(`The passphrase of ${result.path} was changed.\n`);
      return EXIT.ok;
    });
  },
};

export const caseDecryptCommand: Command = {
  name: 'case decrypt',
  summary: 'Write an unencrypted copy of an encrypted case file',
  help: `Usage: breachdesk case decrypt FILE -o PLAIN.bdcase [--force] [--passphrase-file PATH] [--json]

Writes PLAIN.bdcase, an unencrypted copy of FILE that anyone who gets it can read; FILE stays
encrypted. Both logs record it. Refuses to replace an existing file unless --force.
${PASSPHRASE_HELP}

Example:
  breachdesk case decrypt incident.bdcase -o /secure/incident-plain.bdcase --passphrase-file pass.txt`,
  options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, ...JSON_OPTION },
  positionals: 1,
  run: async ({ positionals, values }) => {
    const path = positionals[0] ?? '';
    if (typeof values.output !== 'string' || values.output === '')
      throw new CliFailure('case decrypt: -o PLAIN.bdcase is required.', EXIT.usage);
    const target = values.output;
    return withCase(path, async (host) => {
      const result = await host.call('case.decryptCopy', { path: target, overwrite: values.force === true });
      if (values.json === true) printJson(result);
      else process.stdout.write(`Wrote ${result.path}.\n`);
      if (values.json !== true)
        process.stderr.write(
          `breachdesk: warning: ${result.path} is NOT encrypted; anyone who gets a copy of it can read the whole case.\n`,
        );
      return EXIT.ok;
    });
  },
};
