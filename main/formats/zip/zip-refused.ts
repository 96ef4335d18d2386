import { BreachdeskError } from '../../../shared/ipc/errors';
import { quoteName } from './zip-names';

/** Why an archive (or one of its entries) was refused; stable, for callers and tests to branch on. */
export const ZIP_REFUSAL_RULES = [
  'truncated',
  'not-a-zip',
  'multi-disk',
  'entry-count',
  'absolute-path',
  'parent-path',
  'backslash',
  'bad-name',
  'symlink',
  'special-file',
  'duplicate',
  'encrypted',
  'unsupported-method',
  'entry-size',
  'total-size',
  'ratio',
  'overlap',
  'header-mismatch',
  'crc',
  'size-mismatch',
] as const;

export type ZipRefusalRule = (typeof ZIP_REFUSAL_RULES)[number];

/**
 * A zip refused as unsafe or damaged. The message is one sentence naming the entry, e.g.
 * `The bundle is refused: entry "../evil.txt" points outside the bag (a ".." path).`
 */
export class ZipRefusedError extends BreachdeskError {
  readonly rule: ZipRefusalRule;
  /** The offending entry's name (decoded leniently when its bytes are not valid), or null. */
  readonly entry: string | null;

  constructor(rule: ZipRefusalRule, entry: string | null, detail: string) {
    super(
      'INVALID_INPUT',
      entry === null
        ? `The bundle is refused: ${detail}.`
        : `The bundle is refused: entry ${quoteName(entry)} ${detail}.`,
    );
    this.name = 'ZipRefusedError';
    this.rule = rule;
    this.entry = entry;
  }
}
