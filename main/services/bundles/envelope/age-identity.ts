import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BreachdeskError } from '../../../../shared/ipc/errors';
import {
  formatIdentityFile,
  generateAgeKeyPair,
  parseIdentityFile,
  recipientOf,
  statedRecipient,
} from '../../../formats/age/age-keys';
import { replaceFileSync } from '../../files/atomic-write';
import { OWNER_ONLY_AGE_IDENTITY_FILE, type KeyProtector } from '../signing/key-protector';

/**
 * This installation's age identity (X25519), which opens bundles colleagues sealed to its
 * recipient. Created on first use and kept like the signing key: the app's encrypted with the
 * system keychain, the command line's in an owner-only file in age's own identity-file format.
 */
export class AgeIdentityStore {
  constructor(
    private readonly dir: string,
    private readonly protector: KeyProtector,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The recipient (age1…) to give colleagues, or null before the identity exists. */
  recipient(): string | null {
    const text = this.read(this.protector.ageIdentityFileName, (stored) => this.protector.unprotect(stored));
    if (text === null) return null;
    const recipient = statedRecipient(text);
    if (recipient === null) throw this.unreadable();
    return recipient;
  }

  /** The recipient, creating the identity the first time it is needed. */
  async ensure(): Promise<string> {
    const existing = this.recipient();
    if (existing !== null) return existing;
    const keys = await generateAgeKeyPair();
    const text = formatIdentityFile(keys, this.now().toISOString());
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    replaceFileSync(join(this.dir, this.protector.ageIdentityFileName), this.protector.protect(text));
    return keys.recipient;
  }

  /**
   * Every identity this installation may open an envelope with: its own, and in the app also the
   * command line's (an owner-only file of the same account), so a bundle sealed to either opens
   * in both. Each is checked against the recipient its file states.
   */
  async identities(): Promise<string[]> {
    const files = [
      { name: this.protector.ageIdentityFileName, unprotect: (s: Buffer) => this.protector.unprotect(s) },
      { name: OWNER_ONLY_AGE_IDENTITY_FILE, unprotect: (s: Buffer) => s.toString('utf8') },
    ].filter((file, index, all) => all.findIndex((f) => f.name === file.name) === index);
    const found: string[] = [];
    for (const file of files) {
      const text = this.read(file.name, file.unprotect);
      if (text === null) continue;
      const identities = parseIdentityFile(text);
      const stated = statedRecipient(text);
      if (identities.length === 0) throw this.unreadable(file.name);
      if (stated !== null && !(await Promise.all(identities.map(recipientOf))).includes(stated)) {
        throw this.unreadable(file.name);
      }
      found.push(...identities);
    }
    return found;
  }

  private read(name: string, unprotect: (stored: Buffer) => string): string | null {
    const path = join(this.dir, name);
    if (!existsSync(path)) return null;
    try {
      return unprotect(readFileSync(path));
    } catch {
      throw this.unreadable(name);
    }
  }

  private unreadable(name = this.protector.ageIdentityFileName): BreachdeskError {
    return new BreachdeskError(
      'IO_ERROR',
      `The age identity in ${JSON.stringify(join(this.dir, name))} cannot be read; move it aside to create a new one (bundles sealed to it can then no longer be opened here).`,
    );
  }
}
