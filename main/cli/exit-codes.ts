import { CASE_FILE_ERROR_CODES, type ErrorCode } from '../../shared/ipc/errors';

/** DESIGN.md §6: the command line's stable exit codes. */
export const EXIT = {
  ok: 0,
  usage: 1,
  invalid: 2,
  cannotOpen: 3,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  if (CASE_FILE_ERROR_CODES.has(code)) return EXIT.cannotOpen;
  if (code === 'INTERNAL') return EXIT.usage;
  return EXIT.invalid;
}

/** When opening FILE fails, the case file cannot be opened, whatever the reason (missing, unreadable…). */
export function exitCodeForOpen(code: ErrorCode): number {
  return code === 'INVALID_INPUT' ? EXIT.invalid : EXIT.cannotOpen;
}
