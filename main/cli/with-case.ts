import { BreachdeskError } from '../../shared/ipc/errors';
import type { OpenCase } from '../../shared/domain/case';
import { CliFailure, CliHost } from './cli-host';
import { exitCodeForOpen } from './exit-codes';
import type { EventSink } from '../ipc/host-deps';

/** Opens FILE in a fresh CLI host, runs the command body, and always releases the file. */
export async function withCase<T>(
  path: string,
  body: (host: CliHost, opened: OpenCase) => Promise<T>,
  events?: EventSink,
): Promise<T> {
  const host = new CliHost(events);
  try {
    let opened: OpenCase;
    try {
      opened = await host.call('case.open', { path });
    } catch (error) {
      if (error instanceof BreachdeskError)
        throw new CliFailure(error.message, exitCodeForOpen(error.code), error.code);
      throw error;
    }
    return await body(host, opened);
  } finally {
    host.close();
  }
}
