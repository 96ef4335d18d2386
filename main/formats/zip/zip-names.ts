/**
 * What makes an entry name unsafe to turn into a path under the bag folder. The writer refuses to
 * produce such names (a programming error) and the reader refuses archives holding them (hostile
 * input): one list of rules for both, so we never write a bundle we would refuse to import.
 */

export type NameProblem =
  | 'empty'
  | 'control-character'
  | 'backslash'
  | 'absolute'
  | 'drive'
  | 'parent-segment'
  | 'dot-segment'
  | 'empty-segment';

// C0 and C1 control characters, NUL included: they have no place in a file name and can hide or
// rewrite what a person sees in a message or a terminal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const DRIVE = /^[A-Za-z]:/u;

/**
 * The first problem with a '/'-separated entry name, or null when it is safe. One trailing '/'
 * (a directory entry) is allowed; every other segment must be a real name.
 */
export function nameProblem(name: string): NameProblem | null {
  if (name.length === 0) return 'empty';
  if (CONTROL.test(name)) return 'control-character';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute';
  if (DRIVE.test(name)) return 'drive';
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  // '..' anywhere is refused before '.' or empty segments: it is the one that escapes the folder.
  if (segments.includes('..')) return 'parent-segment';
  if (segments.includes('.')) return 'dot-segment';
  if (segments.includes('')) return 'empty-segment';
  return null;
}

/** Says a name problem as the end of a sentence ("… <problem>."). */
export function describeNameProblem(problem: NameProblem): string {
  switch (problem) {
    case 'empty':
      return 'has an empty name';
    case 'control-character':
      return 'has a control character (such as NUL) in its name';
    case 'backslash':
      return 'has a backslash in its name (only "/" separates folders)';
    case 'absolute':
      return 'points outside the bag (an absolute path)';
    case 'drive':
      return 'points outside the bag (a drive letter)';
    case 'parent-segment':
      return 'points outside the bag (a ".." path)';
    case 'dot-segment':
      return 'has a "." folder in its name';
    case 'empty-segment':
      return 'has an empty folder name ("//") in its name';
  }
}

// Characters that would garble a quoted name in a message: controls, quotes, and the bidirectional
// overrides and isolates that can make "exe.txt" read as "txt.exe".
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f"\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** A name in double quotes, safe to show a person: unprintable characters as \uXXXX escapes. */
export function quoteName(name: string): string {
  return `"${name.replace(UNPRINTABLE, (c) => (c === '"' ? '\\"' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;
}
