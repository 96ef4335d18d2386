import { parseArgs } from 'node:util';
import { BreachdeskError } from '../../shared/ipc/errors';
import { APP_VERSION } from '../app-version';
import { CliFailure } from './cli-host';
import type { Command } from './command';
import { apiCommand } from './commands/api';
import { bundleExportCommand, bundleImportCommand, bundleVerifyCommand } from './commands/bundle';
import { keysCreateCommand, keysListCommand, keysTrustCommand, keysUntrustCommand } from './commands/keys';
import { demoCommand } from './commands/demo';
import { eventAddCommand } from './commands/event-add';
import { evidenceAddCommand, evidenceExportCommand, evidenceListCommand } from './commands/evidence';
import {
  letterApproveCommand,
  letterDraftCommand,
  letterRenderCommand,
  letterTemplatesCommand,
} from './commands/letter';
import { NOTICES_COMMANDS } from './commands/notices';
import { obligationsCommand } from './commands/obligations';
import { obligationStatusCommand } from './commands/obligation-status';
import { obligationsAnswerSheetCommand } from './commands/answer-sheet';
import { reportCommand } from './commands/report';
import { harmClearCommand, harmListCommand, harmSetCommand } from './commands/harm';
import { ROSTER_COMMANDS } from './commands/roster';
import { rulesListCommand } from './commands/rules';
import { rulesImportCommand, rulesSignCommand } from './commands/rules-import';
import { factsExportCommand, factsImportCommand } from './commands/facts';
import { factsDecideCommand, factsOrganisationCommand } from './commands/facts-regimes';
import { searchCommand } from './commands/search';
import { initCommand } from './commands/init';
import { caseDecryptCommand, caseEncryptCommand, caseRekeyCommand } from './commands/case';
import { showCommand } from './commands/show';
import { tasksAddCommand, tasksListCommand } from './commands/tasks';
import { verifyCommand } from './commands/verify';
import { EXIT, exitCodeFor } from './exit-codes';
import { PASSPHRASE_HELP, PASSPHRASE_OPTIONS, useCommandValues } from './passphrase';

const COMMANDS: readonly Command[] = [
  initCommand,
  caseEncryptCommand,
  caseRekeyCommand,
  caseDecryptCommand,
  showCommand,
  verifyCommand,
  demoCommand,
  factsExportCommand,
  factsImportCommand,
  factsOrganisationCommand,
  factsDecideCommand,
  eventAddCommand,
  searchCommand,
  tasksListCommand,
  tasksAddCommand,
  evidenceAddCommand,
  evidenceListCommand,
  evidenceExportCommand,
  obligationsCommand,
  obligationStatusCommand,
  obligationsAnswerSheetCommand,
  reportCommand,
  harmListCommand,
  harmSetCommand,
  harmClearCommand,
  ...ROSTER_COMMANDS,
  rulesListCommand,
  rulesImportCommand,
  rulesSignCommand,
  letterTemplatesCommand,
  letterDraftCommand,
  letterApproveCommand,
  letterRenderCommand,
  ...NOTICES_COMMANDS,
  bundleExportCommand,
  bundleVerifyCommand,
  bundleImportCommand,
  keysListCommand,
  keysCreateCommand,
  keysTrustCommand,
  keysUntrustCommand,
  apiCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: breachdesk COMMAND [ARGS] [--json]

Breachdesk ${APP_VERSION}: offline workbench for personal-data breach incidents.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "breachdesk COMMAND --help" for a command's arguments and examples.
${PASSPHRASE_HELP}
Exit codes: 0 ok, 1 usage error, 2 invalid input or failed verification, 3 case file cannot be opened.
`;
}

/** Runs one command line; returns the exit code. Errors are one line on stderr, never a stack. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, second] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${APP_VERSION}\n`);
    return EXIT.ok;
  }
  // Two-word commands ("facts import") before one-word ones.
  const command =
    COMMANDS.find((c) => c.name === `${name} ${second ?? ''}`) ?? COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    const family = COMMANDS.filter((c) => c.name.startsWith(`${name} `)).map((c) => c.name);
    if (family.length > 0) return fail(`"${name}" needs a subcommand: ${family.join(', ')}.`, EXIT.usage);
    return fail(`unknown command "${name}"; run "breachdesk --help".`, EXIT.usage);
  }
  const rest = argv.slice(command.name.split(' ').length);
  try {
    return await command.run(parseCommandLine(command, rest));
  } catch (error) {
    if (error instanceof HelpRequested) {
      process.stdout.write(`${command.help}\n`);
      return EXIT.ok;
    }
    if (error instanceof CliFailure) return fail(error.message, error.exitCode);
    if (error instanceof BreachdeskError) return fail(error.message, exitCodeFor(error.code));
    if (process.env.BREACHDESK_DEBUG)
      process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    return fail('an unexpected error occurred (set BREACHDESK_DEBUG=1 to see details).', EXIT.usage);
  }
}

class HelpRequested extends Error {}

function parseCommandLine(command: Command, args: string[]) {
  if (args.includes('--help') || args.includes('-h')) throw new HelpRequested();
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...PASSPHRASE_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'bad arguments';
    throw new CliFailure(`${command.name}: ${reason}; run "breachdesk ${command.name} --help".`, EXIT.usage);
  }
  const [min, max] =
    typeof command.positionals === 'number'
      ? [command.positionals, command.positionals]
      : command.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new CliFailure(
      `${command.name}: wrong number of arguments; run "breachdesk ${command.name} --help".`,
      EXIT.usage,
    );
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  useCommandValues(values);
  return { positionals: parsed.positionals, values };
}

function fail(message: string, code: number): number {
  process.stderr.write(`breachdesk: ${message}\n`);
  return code;
}
