/**
 * Error codes that may cross the bridge. Messages are one plain sentence for a person;
 * no stack trace or SQL text ever travels with them.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'NO_CASE_OPEN',
  'NOT_A_CASE_FILE',
  'NEWER_SCHEMA',
  'CASE_LOCKED',
  'CASE_CORRUPT',
  /** An encrypted case file, and no passphrase was given (none is remembered either). */
  'PASSPHRASE_REQUIRED',
  /** The passphrase given does not decrypt the case file. */
  'WRONG_PASSPHRASE',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'UNSUPPORTED',
  'CANCELLED',
  'IO_ERROR',
  /** A bundle sealed in an age envelope to a passphrase, and no passphrase was given. */
  'BUNDLE_PASSPHRASE_REQUIRED',
  /** The passphrase given does not open the bundle's age envelope. */
  'BUNDLE_PASSPHRASE_WRONG',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes meaning "this file cannot be opened as a case file" (CLI exit code 3). */
export const CASE_FILE_ERROR_CODES: ReadonlySet<ErrorCode> = new Set([
  'NOT_A_CASE_FILE',
  'NEWER_SCHEMA',
  'CASE_LOCKED',
  'CASE_CORRUPT',
  'PASSPHRASE_REQUIRED',
  'WRONG_PASSPHRASE',
]);

/** An expected failure with a code from the shared list and a message fit to show a person. */
export class BreachdeskError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'BreachdeskError';
    this.code = code;
  }
}
