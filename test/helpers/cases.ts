import { join } from 'node:path';
import type { CaseFile } from '../../main/casefile/case-file';
import type { ServiceContext } from '../../main/services/context';
import { createCase } from '../../main/services/case-service';

/** A clock that moves one second per reading, so audit times are distinct and predictable. */
export function testContext(actor = 'tester'): ServiceContext {
  let tick = Date.parse('2026-01-15T09:00:00.000Z');
  return {
    actor,
    now: () => {
      tick += 1000;
      return new Date(tick);
    },
  };
}

/** A plaintext case file: most tests are about what is in it, not how it is kept. */
export function makeCase(
  dir: string,
  name = 'case.bdcase',
  ctx = testContext(),
  passphrase: Buffer | null = null,
): CaseFile {
  return createCase(
    {
      path: join(dir, name),
      title: 'Partner API exposure',
      organisation: 'Sonora Streaming AB',
      overwrite: false,
      passphrase,
    },
    ctx,
  );
}

export const TEST_PASSPHRASE = 'correct horse battery staple';

/** An encrypted case file (the default for real ones), with TEST_PASSPHRASE. */
export function makeEncryptedCase(dir: string, name = 'case.bdcase', ctx = testContext()): CaseFile {
  return makeCase(dir, name, ctx, Buffer.from(TEST_PASSPHRASE, 'utf8'));
}
