import { BreachdeskError } from '../../shared/ipc/errors';
import type { OptionSpec, ParsedCommand } from './command';
import { CliFailure } from './cli-host';
import { EXIT } from './exit-codes';
import { canPrompt, givenPassphrase, promptPassphrase } from './passphrase';

/**
 * Passphrases of bundle envelopes (age), kept apart from the case file's own --passphrase-file:
 * one seals a bundle on export, the other opens a sealed bundle on verify and import.
 */
export const BUNDLE_PASSPHRASE_OPTION: OptionSpec = { 'bundle-passphrase-file': { type: 'string' } };
export const ENCRYPT_OPTIONS: OptionSpec = {
  'encrypt-to': { type: 'string', multiple: true },
  'encrypt-passphrase-file': { type: 'string' },
};

/** The first line of the file an option names; null when the option is not given (no fallback). */
function fromFileOption(values: ParsedCommand['values'], option: string): string | null {
  return typeof values[option] === 'string' ? givenPassphrase(values, option) : null;
}

/** The envelope asked for with --encrypt-to (repeatable) or --encrypt-passphrase-file, if any. */
export function envelopeOption(
  values: ParsedCommand['values'],
): { kind: 'passphrase'; passphrase: string } | { kind: 'recipients'; recipients: string[] } | undefined {
  const to = values['encrypt-to'];
  const recipients = Array.isArray(to) ? to : typeof to === 'string' ? [to] : [];
  const passphrase = fromFileOption(values, 'encrypt-passphrase-file');
  if (recipients.length > 0 && passphrase !== null) {
    throw new CliFailure(
      'Seal a bundle either to recipients (--encrypt-to) or to a passphrase (--encrypt-passphrase-file), not both.',
      EXIT.usage,
    );
  }
  if (passphrase !== null) return { kind: 'passphrase', passphrase };
  return recipients.length > 0 ? { kind: 'recipients', recipients } : undefined;
}

/**
 * Runs `open` with the bundle passphrase given (--bundle-passphrase-file); a bundle sealed to a
 * passphrase and opened without one asks for it on a terminal, once, and elsewhere says how to
 * give it. A bundle sealed to recipients needs none: this installation's age identity opens it.
 */
export async function withBundlePassphrase<T>(
  values: ParsedCommand['values'],
  bundle: string,
  open: (bundlePassphrase: string | undefined) => Promise<T>,
): Promise<T> {
  const given = fromFileOption(values, 'bundle-passphrase-file');
  try {
    return await open(given ?? undefined);
  } catch (error) {
    if (given !== null || !(error instanceof BreachdeskError) || error.code !== 'BUNDLE_PASSPHRASE_REQUIRED')
      throw error;
    if (!canPrompt()) {
      throw new CliFailure(
        'This bundle is encrypted with a passphrase; give it with --bundle-passphrase-file FILE (its first line), or run the command at a terminal to be asked for it.',
        EXIT.invalid,
        error.code,
      );
    }
  }
  return open(await promptPassphrase(`Passphrase of the bundle ${bundle}: `));
}

/** How the bundle was sealed, for the printed summary. */
export function envelopeWords(kind: 'none' | 'passphrase' | 'recipients', recipients = 0): string {
  if (kind === 'passphrase') return 'age envelope, to a passphrase (scrypt)';
  if (kind === 'recipients')
    return recipients > 0
      ? `age envelope, to ${recipients} recipient${recipients === 1 ? '' : 's'} (X25519)`
      : 'age envelope, to recipients (X25519)';
  return 'none (a plain zip)';
}
