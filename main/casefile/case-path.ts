import { resolve } from 'node:path';

/**
 * The one place a case file's path is made absolute. An open case, the recent list and the
 * check "is this file already open here?" all compare paths, so they must all be absolute the
 * same way (relative to the process's working folder when given relative, as on the command line).
 */
export function absoluteCasePath(path: string): string {
  return resolve(path);
}
