import { Decrypter, Encrypter } from 'age-encryption';

/**
 * age-encryption.org/v1 over async iterables of bytes, through the age library's streaming API:
 * the payload is sealed in 64 KiB chunks (ChaCha20-Poly1305, STREAM construction), so a bundle of
 * any size passes through in bounded memory, and every chunk is authenticated as it is opened.
 */

/** To a passphrase (one scrypt stanza) or to one or more X25519 recipients (age1…). */
export type AgeSeal = { passphrase: string } | { recipients: readonly string[] };

/** What may open an envelope: a passphrase, and this installation's identities (AGE-SECRET-KEY-1…). */
export interface AgeKeys {
  passphrase?: string;
  identities: readonly string[];
}

export type AgeFailure =
  /** No passphrase or identity given opens the file key (wrong passphrase, another's recipient). */
  | 'no-match'
  /** The header or a payload chunk fails authentication, or the file is cut short. */
  | 'damaged';

export class AgeOpenError extends Error {
  constructor(
    readonly failure: AgeFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'AgeOpenError';
  }
}

/** age's default scrypt work factor (2^18), as the age command line uses. */
export const SCRYPT_WORK_FACTOR = 18;

/** The age file for `source`: the header first, then the sealed chunks as the source yields. */
export async function encryptAge(
  source: AsyncIterable<Uint8Array>,
  seal: AgeSeal,
  scryptWorkFactor = SCRYPT_WORK_FACTOR,
): Promise<AsyncIterable<Uint8Array>> {
  const encrypter = new Encrypter();
  if ('passphrase' in seal) {
    encrypter.setScryptWorkFactor(scryptWorkFactor);
    encrypter.setPassphrase(seal.passphrase);
  } else {
    for (const recipient of seal.recipients) encrypter.addRecipient(recipient);
  }
  return chunksOf(await encrypter.encrypt(toWebStream(source)));
}

/**
 * The plaintext of an age file. The header is read and its MAC checked before this resolves
 * (AgeOpenError 'no-match' or 'damaged'); each payload chunk is authenticated before it is
 * yielded, and a chunk that fails, or an end that is not the marked last chunk, throws 'damaged'.
 * Only a fully consumed file is known whole.
 */
export async function decryptAge(
  source: AsyncIterable<Uint8Array>,
  keys: AgeKeys,
): Promise<AsyncIterable<Uint8Array>> {
  const decrypter = new Decrypter();
  if (keys.passphrase !== undefined) decrypter.addPassphrase(keys.passphrase);
  for (const identity of keys.identities) decrypter.addIdentity(identity);
  let plaintext: ReadableStream<Uint8Array>;
  try {
    plaintext = await decrypter.decrypt(toWebStream(source));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith('no identity matched')) throw new AgeOpenError('no-match', message);
    throw new AgeOpenError('damaged', `its header is damaged (${message})`);
  }
  return authenticated(plaintext);
}

async function* authenticated(plaintext: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* chunksOf(plaintext);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AgeOpenError('damaged', `its content fails authentication or is cut short (${message})`);
  }
}

/**
 * A web stream's chunks, read through its reader (the same under Node's and the DOM's typings);
 * a consumer that stops early cancels the stream.
 */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** A pull-driven web stream over an async iterable: the source is read only as fast as it is consumed. */
function toWebStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done === true) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel(reason: unknown) {
      await iterator.return?.(reason);
    },
  });
}
