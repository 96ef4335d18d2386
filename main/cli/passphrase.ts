import { readFileSync } from 'node:fs';
import type { OptionSpec, ParsedCommand } from './command';
import { CliFailure } from './cli-host';
import { EXIT } from './exit-codes';

/** Accepted by every command: where the passphrase of an encrypted case file comes from. */
export const PASSPHRASE_OPTIONS: OptionSpec = { 'passphrase-file': { type: 'string' } };

export const PASSPHRASE_ENV = 'BREACHDESK_PASSPHRASE';

/** What the help of every command that opens a case says about passphrases. */
export const PASSPHRASE_HELP = `Encrypted case files: --passphrase-file PATH (its first line), else the
${PASSPHRASE_ENV} environment variable (weaker: other programs of yours can read it), else a
prompt that does not echo, on a terminal.`;

/**
 * The passphrase given without asking: the first line of --passphrase-file (or of the file
 * named by `option`), else BREACHDESK_PASSPHRASE; null when neither is given.
 */
export function givenPassphrase(values: ParsedCommand['values'], option = 'passphrase-file'): string | null {
  const file = values[option];
  if (typeof file === 'string') return firstLineOf(file, option);
  const fromEnv = process.env[PASSPHRASE_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : null;
}

function firstLineOf(path: string, option: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliFailure(`--${option}: ${JSON.stringify(path)} cannot be read.`, EXIT.usage);
  }
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  if (line === '')
    throw new CliFailure(`--${option}: the first line of ${JSON.stringify(path)} is empty.`, EXIT.usage);
  return line;
}

/** Whether a person is at a terminal to type a passphrase. */
export function canPrompt(): boolean {
  return process.stdin.isTTY && process.stderr.isTTY;
}

/** Asks on the terminal without echoing what is typed; twice when `confirm`, which must match. */
export async function promptPassphrase(question: string, confirm = false): Promise<string> {
  const first = await readHidden(question);
  if (first === '') throw new CliFailure('no passphrase was entered.', EXIT.usage);
  if (!confirm) return first;
  const second = await readHidden('Type it again: ');
  if (second !== first) throw new CliFailure('the two passphrases differ; nothing was changed.', EXIT.usage);
  return first;
}

/** What was typed after the Enter that ended the previous answer (a pasted pair of lines). */
let typedAhead = '';

function readHidden(question: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let typed = '';
    // Echo off before the question shows, so nothing typed after it is ever displayed.
    input.setRawMode(true);
    process.stderr.write(question);
    input.setEncoding('utf8');
    const finish = (error: Error | null, rest: string) => {
      typedAhead = rest;
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      process.stderr.write('\n');
      if (error === null) resolve(typed);
      else reject(error);
    };
    const onData = (chunk: string) => {
      const chars = [...chunk];
      for (const [index, char] of chars.entries()) {
        const rest = chars
          .slice(index + 1)
          .join('')
          .replace(/^\n/, '');
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(null, rest);
        if (char === '\u0003')
          return finish(new CliFailure('cancelled; nothing was changed.', EXIT.usage), '');
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    input.on('data', onData);
    if (typedAhead !== '') {
      const ahead = typedAhead;
      typedAhead = '';
      onData(ahead);
    }
    input.resume();
  });
}

/**
 * The passphrase options of the command line being run. One command runs per process, so
 * run.ts records them once and withCase reads them, instead of every command passing them on.
 */
let commandValues: ParsedCommand['values'] = {};

export function useCommandValues(values: ParsedCommand['values']): void {
  commandValues = values;
}

export function commandPassphrase(): string | null {
  return givenPassphrase(commandValues);
}

/** The passphrase of a new case file, or the explicit plaintext choice; refuses neither. */
export async function newCaseKey(
  plaintext: boolean,
  given: string | null,
): Promise<{ passphrase: string } | { plaintext: true }> {
  if (plaintext) {
    if (given !== null)
      throw new CliFailure('give either a passphrase or --plaintext, not both.', EXIT.usage);
    return { plaintext: true };
  }
  if (given !== null) return { passphrase: given };
  if (canPrompt()) return { passphrase: await promptPassphrase('Passphrase for the new case file: ', true) };
  throw new CliFailure(
    'a new case file is encrypted: give --passphrase-file PATH (or set BREACHDESK_PASSPHRASE), or --plaintext to leave it unencrypted.',
    EXIT.usage,
  );
}
