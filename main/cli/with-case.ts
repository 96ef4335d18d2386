import { BreachdeskError } from '../../shared/ipc/errors';
import type { OpenCase } from '../../shared/domain/case';
import { CliFailure, CliHost } from './cli-host';
import { exitCodeForOpen } from './exit-codes';
import { canPrompt, commandPassphrase, promptPassphrase } from './passphrase';
import type { EventSink } from '../ipc/host-deps';

/**
 * Opens FILE in a fresh CLI host, runs the command body, and always releases the file. What
 * opening repaired after a crash is said first, on stderr.
 */
export async function withCase<T>(
  path: string,
  body: (host: CliHost, opened: OpenCase) => Promise<T>,
  events?: EventSink,
): Promise<T> {
  const host = new CliHost(events);
  try {
    let opened: OpenCase;
    try {
      opened = await openWithPassphrase(host, path);
    } catch (error) {
      if (error instanceof BreachdeskError)
        throw new CliFailure(error.message, exitCodeForOpen(error.code), error.code);
      throw error;
    }
    // On stderr, so that --json output stays one document; the note is said before the command's
    // own output because it is about the file the command is about to use.
    for (const notice of opened.notices) process.stderr.write(`breachdesk: ${notice}\n`);
    return await body(host, opened);
  } finally {
    host.close();
  }
}

/**
 * Opens with the passphrase given (--passphrase-file, BREACHDESK_PASSPHRASE); an encrypted file
 * opened without one asks for it on a terminal, once.
 */
async function openWithPassphrase(host: CliHost, path: string): Promise<OpenCase> {
  const given = commandPassphrase();
  try {
    return await host.call('case.open', { path, ...(given === null ? {} : { passphrase: given }) });
  } catch (error) {
    if (
      given !== null ||
      !(error instanceof BreachdeskError) ||
      error.code !== 'PASSPHRASE_REQUIRED' ||
      !canPrompt()
    )
      throw error;
  }
  const typed = await promptPassphrase(`Passphrase for ${path}: `);
  return host.call('case.open', { path, passphrase: typed });
}
