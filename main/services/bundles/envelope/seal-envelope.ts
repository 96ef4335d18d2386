import { open } from 'node:fs/promises';
import type { BundleEnvelope } from '../../../../shared/domain/bundle';
import { BreachdeskError } from '../../../../shared/ipc/errors';
import { isAgeRecipient } from '../../../formats/age/age-keys';
import { encryptAge, type AgeSeal } from '../../../formats/age/age-stream';
import type { SealedScratch } from '../../../formats/scratch/sealed-scratch';

/** The age file an envelope export writes: NAME.zip.age, or the name given when it already ends in .age. */
export function sealedBundlePath(path: string): string {
  return /\.age$/i.test(path) ? path : `${path}.age`;
}

/** The envelope as age seals it, refused in one sentence when a recipient is not an age recipient. */
export function ageSealFor(envelope: BundleEnvelope): AgeSeal {
  if (envelope.kind === 'passphrase') return { passphrase: envelope.passphrase };
  const recipients = envelope.recipients.map((r) => r.trim());
  const wrong = recipients.find((r) => !isAgeRecipient(r));
  if (wrong !== undefined) {
    throw new BreachdeskError(
      'INVALID_INPUT',
      `${JSON.stringify(wrong.length > 80 ? `${wrong.slice(0, 80)}…` : wrong)} is not an age recipient: expected "age1" and 58 more letters and digits, as age-keygen and "breachdesk keys list" print them.`,
    );
  }
  return { recipients: [...new Set(recipients)] };
}

/**
 * Seals the finished zip held in `scratch` into a new file at `path` (owner-only, must not
 * exist) and makes it durable; returns its size. The zip's plaintext goes from the scratch
 * file's decryption straight into age's encryption, never to the disk.
 */
export async function sealInto(
  scratch: SealedScratch,
  path: string,
  seal: AgeSeal,
  onBytes: (doneBytes: number) => void,
): Promise<number> {
  const handle = await open(path, 'wx', 0o600);
  try {
    let plainBytes = 0;
    const counted = async function* (): AsyncGenerator<Uint8Array> {
      for await (const chunk of scratch.readFrom(0)) {
        yield chunk;
        plainBytes += chunk.length;
        onBytes(plainBytes);
      }
    };
    let written = 0;
    for await (const chunk of await encryptAge(counted(), seal)) {
      for (let done = 0; done < chunk.length;) {
        const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, written + done);
        done += bytesWritten;
      }
      written += chunk.length;
    }
    // On disk before the caller's rename makes it visible.
    await handle.sync();
    return written;
  } finally {
    await handle.close();
  }
}
