import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { absoluteCasePath } from '../casefile/case-path';
import { replaceFileSync } from './files/atomic-write';

/**
 * How a remembered passphrase is kept at rest. The app encrypts it with Electron's safeStorage
 * (the system keychain); there is no plaintext fallback, so where no keychain exists nothing is
 * remembered. Only main/shell may import electron, so the protector is built there.
 */
export interface SecretProtector {
  protect(secret: Buffer): Buffer;
  unprotect(stored: Buffer): Buffer;
}

const FILE_NAME = 'remembered-passphrases.json';

const storeSchema = z.object({
  version: z.literal(1),
  /** Absolute case path → its passphrase as the protector encrypted it, in base64. */
  entries: z.record(z.string(), z.string()),
});

/**
 * Case passphrases this computer remembers, by absolute path, in the user's config folder.
 * The file never holds a passphrase in plain text: each is encrypted by the protector. A file
 * that cannot be read remembers nothing (the person is asked again), never fails an open.
 */
export class RememberedPassphrases {
  constructor(
    private readonly dir: string,
    private readonly protector: SecretProtector,
  ) {}

  recall(path: string): Buffer | null {
    const stored = this.read()[absoluteCasePath(path)];
    if (stored === undefined) return null;
    try {
      return this.protector.unprotect(Buffer.from(stored, 'base64'));
    } catch {
      return null;
    }
  }

  has(path: string): boolean {
    return this.read()[absoluteCasePath(path)] !== undefined;
  }

  remember(path: string, passphrase: Buffer): void {
    const entries = this.read();
    entries[absoluteCasePath(path)] = this.protector.protect(passphrase).toString('base64');
    this.write(entries);
  }

  forget(path: string): void {
    const entries = this.read();
    const key = absoluteCasePath(path);
    if (entries[key] === undefined) return;
    delete entries[key];
    this.write(entries);
  }

  private read(): Record<string, string> {
    try {
      return storeSchema.parse(JSON.parse(readFileSync(join(this.dir, FILE_NAME), 'utf8'))).entries;
    } catch {
      return {};
    }
  }

  private write(entries: Record<string, string>): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    replaceFileSync(join(this.dir, FILE_NAME), `${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
  }
}
