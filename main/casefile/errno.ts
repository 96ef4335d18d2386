/** Whether a Node file-system error has this errno code (ENOENT, EACCES…). */
export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
