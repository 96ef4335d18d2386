// Finds the case file named on a command line: `breachdesk case.bdcase`, `electron . case.bdcase`,
// or a second launch forwarded by the single-instance lock. No electron import.
import { isAbsolute, resolve } from 'node:path';

const CASE_FILE_PATTERN = /\.bdcase$/i;

/**
 * The last argument that looks like a case file path, made absolute against `cwd`. Switches
 * (Chromium adds some of its own) and everything else are ignored.
 */
export function caseFileFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let index = argv.length - 1; index >= 0; index -= 1) {
    const arg = argv[index];
    if (arg === undefined || arg.startsWith('-') || !CASE_FILE_PATTERN.test(arg)) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}

/** What a second launch hands the first one (app.requestSingleInstanceLock's additionalData). */
export interface SecondLaunchData {
  caseFile: string | null;
}

export function readSecondLaunchData(data: unknown): SecondLaunchData | null {
  if (typeof data !== 'object' || data === null || !('caseFile' in data)) return null;
  const { caseFile } = data;
  if (caseFile === null) return { caseFile: null };
  return typeof caseFile === 'string' && isAbsolute(caseFile) ? { caseFile } : null;
}
