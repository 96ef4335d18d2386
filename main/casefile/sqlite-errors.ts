import { BreachdeskError } from '../../shared/ipc/errors';

/** Turns SQLite's failures on open into the shared codes, with a message that names the file. */
export function caseFileErrorFrom(error: unknown, path: string): BreachdeskError {
  if (error instanceof BreachdeskError) return error;
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  const name = JSON.stringify(path);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new BreachdeskError(
      'CASE_LOCKED',
      `${name} is open elsewhere (another Breachdesk window or process); close it there first.`,
    );
  }
  if (code === 'SQLITE_NOTADB') {
    return new BreachdeskError('NOT_A_CASE_FILE', `${name} is not a Breachdesk case file.`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new BreachdeskError('CASE_CORRUPT', `${name} is damaged; restore it from a backup.`);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_READONLY') {
    return new BreachdeskError(
      'IO_ERROR',
      `${name} cannot be read or written (check permissions and disk space).`,
    );
  }
  if (code === 'SQLITE_FULL') {
    return new BreachdeskError('IO_ERROR', `The disk holding ${name} is full.`);
  }
  return new BreachdeskError('INTERNAL', `${name} could not be opened because of an unexpected error.`);
}
