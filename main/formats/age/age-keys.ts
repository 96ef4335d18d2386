import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { AGE_RECIPIENT_PATTERN } from '../../../shared/domain/bundle';

/**
 * age X25519 keys as the age tools write them: an identity `AGE-SECRET-KEY-1…` and its recipient
 * `age1…` (Bech32), in an identity file with comment lines, as age-keygen writes one.
 */

const IDENTITY_LINE = /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/;

/** Whether `text` is an X25519 recipient whose checksum is right. */
export function isAgeRecipient(text: string): boolean {
  if (!AGE_RECIPIENT_PATTERN.test(text)) return false;
  try {
    // The library decodes (and checks the Bech32 checksum of) a recipient as it is added.
    new Encrypter().addRecipient(text);
    return true;
  } catch {
    return false;
  }
}

export interface AgeKeyPair {
  identity: string;
  recipient: string;
}

export async function generateAgeKeyPair(): Promise<AgeKeyPair> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The recipient of an identity; throws when the identity is not one. */
export function recipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

/** The text of an identity file, readable by the age command line (age -d -i FILE). */
export function formatIdentityFile(keys: AgeKeyPair, createdAt: string): string {
  return `# created: ${createdAt}\n# public key: ${keys.recipient}\n${keys.identity}\n`;
}

/** The identities in an identity file's text (comment and blank lines ignored). */
export function parseIdentityFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => IDENTITY_LINE.test(line));
}

/** The recipient an identity file states in its "# public key:" comment, or null. */
export function statedRecipient(text: string): string | null {
  const match = /^# public key: (age1\S+)$/m.exec(text);
  return match?.[1] ?? null;
}
