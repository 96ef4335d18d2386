import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { BreachdeskError } from '../../../../shared/ipc/errors';
import {
  inspectAgeHeader,
  isPassphraseEnvelope,
  MAX_HEADER_BYTES,
  type AgeHeader,
} from '../../../formats/age/age-header';
import { AgeOpenError, decryptAge, type AgeKeys } from '../../../formats/age/age-stream';
import { SealedScratch } from '../../../formats/scratch/sealed-scratch';
import { freshTemporary } from '../../files/temporaries';
import type { Job } from '../../jobs';

/** What may open a bundle's envelope. */
export interface EnvelopeUnlock {
  /** The passphrase a person gave for this bundle, if any. */
  passphrase?: string;
  /** This installation's identities; read only for an envelope sealed to recipients. */
  identities: () => Promise<string[]>;
}

export type OpenedEnvelope =
  /** Not an age file: the caller reads it as a zip (and reports what it is if it is not one). */
  | { kind: 'plain' }
  /** Opened and authenticated to its last chunk: the zip, in a scratch file the caller closes. */
  | { kind: 'sealed'; envelope: 'passphrase' | 'recipients'; file: SealedScratch }
  /** An age file that fails authentication or is cut short: a finding about the bundle. */
  | { kind: 'damaged'; envelope: 'passphrase' | 'recipients'; message: string };

const CANCELLED = 'Opening the bundle was cancelled.';
/** The decrypted zip is written to its scratch file in blocks this large. */
const WRITE_BLOCK_BYTES = 1024 * 1024;

/**
 * Opens a bundle that may be sealed in an age envelope. The whole envelope is decrypted, every
 * chunk authenticated, before the zip inside is looked at; the zip goes to a scratch file in the
 * temporary folder that is itself encrypted under a key held only in memory (formats/scratch),
 * so its plaintext never reaches the disk. The scratch is named so the next run removes one a
 * killed run left. A passphrase envelope without a passphrase, a wrong passphrase, and an
 * envelope sealed to someone else are refused with their own sentence (and error code).
 */
export async function openEnvelope(path: string, unlock: EnvelopeUnlock, job: Job): Promise<OpenedEnvelope> {
  const header = await readHeader(path);
  if (header === null || header.kind === 'not-age') return { kind: 'plain' };
  if (header.kind === 'armored') {
    throw new BreachdeskError(
      'INVALID_INPUT',
      'This bundle is an ASCII-armoured age file (made with age --armor); Breachdesk opens the binary form, so ask for it without --armor.',
    );
  }
  const envelope = isPassphraseEnvelope(header) ? 'passphrase' : 'recipients';
  if (header.kind === 'damaged') {
    return { kind: 'damaged', envelope, message: `The age envelope is damaged: ${header.detail}.` };
  }
  if (envelope === 'passphrase' && unlock.passphrase === undefined) {
    throw new BreachdeskError(
      'BUNDLE_PASSPHRASE_REQUIRED',
      'This bundle is encrypted with a passphrase; give its passphrase to open it.',
    );
  }
  const keys: AgeKeys =
    envelope === 'passphrase'
      ? { passphrase: unlock.passphrase, identities: [] }
      : { identities: await unlock.identities() };
  const scratch = await SealedScratch.create(freshTemporary(tmpdir(), 'breachdesk-bundle', 'sealed'));
  try {
    await decryptInto(scratch, path, keys, job);
    return { kind: 'sealed', envelope, file: scratch };
  } catch (error) {
    await scratch.close();
    if (!(error instanceof AgeOpenError)) throw error;
    if (error.failure === 'damaged') {
      return {
        kind: 'damaged',
        envelope,
        message: `The age envelope cannot be opened: ${error.message}; it was damaged, cut short or changed after it was sealed.`,
      };
    }
    throw envelope === 'passphrase'
      ? new BreachdeskError('BUNDLE_PASSPHRASE_WRONG', 'The passphrase does not open this bundle.')
      : new BreachdeskError(
          'INVALID_INPUT',
          'This bundle is not encrypted to this installation\u2019s age key; ask the sender to seal it to your age recipient (shown by "breachdesk keys list" and in Signing keys…) or to a passphrase.',
        );
  }
}

/** The first bytes as an age header, or null when the file cannot be read (the zip reader says why). */
async function readHeader(path: string): Promise<AgeHeader | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    if (!(await handle.stat()).isFile()) return null;
    const head = Buffer.alloc(MAX_HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return inspectAgeHeader(head.subarray(0, bytesRead));
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** Decrypts the age file at `path` into the scratch file, reporting progress by ciphertext read. */
async function decryptInto(scratch: SealedScratch, path: string, keys: AgeKeys, job: Job): Promise<void> {
  const progress = { doneBytes: 0, totalBytes: (await stat(path)).size, doneItems: 0, totalItems: 1 };
  const stream = createReadStream(path, { highWaterMark: WRITE_BLOCK_BYTES });
  const current = basename(path);
  const source = async function* (): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      job.throwIfCancelled(CANCELLED);
      progress.doneBytes += chunk.length;
      job.report({ phase: 'Decrypting the bundle', current, ...progress });
      yield chunk;
    }
  };
  job.report({ phase: 'Decrypting the bundle', current, ...progress }, true);
  let block = Buffer.allocUnsafe(WRITE_BLOCK_BYTES);
  let used = 0;
  let position = 0;
  const flush = async (): Promise<void> => {
    if (used === 0) return;
    await scratch.write(block, 0, used, position);
    position += used;
    used = 0;
  };
  try {
    for await (const chunk of await decryptAge(source(), keys)) {
      for (let at = 0; at < chunk.length;) {
        const n = Math.min(block.length - used, chunk.length - at);
        block.set(chunk.subarray(at, at + n), used);
        used += n;
        at += n;
        if (used === block.length) await flush();
      }
    }
    await flush();
  } finally {
    stream.destroy();
    block.fill(0);
    block = Buffer.alloc(0);
  }
}
