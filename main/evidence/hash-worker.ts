import { Worker } from 'node:worker_threads';

/*
 * SHA-256 on a worker thread, so hashing overlaps with SQLite writing (or reading) the same
 * chunks on the main thread: one pass doing both tops out near 450 MB/s here; overlapped, the
 * slower of the two sets the pace. The worker's source is inline because it is tiny and must run
 * both from TypeScript under vitest and from the bundled CLI and app, where file paths differ.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
let hash = createHash('sha256');
parentPort.on('message', (message) => {
  if (message === 'digest') {
    parentPort.postMessage({ digest: hash.digest('hex') });
    hash = createHash('sha256');
  } else {
    hash.update(message);
    parentPort.postMessage({ hashed: message.byteLength });
  }
});
`;

/** Bytes queued to the worker before callers are asked to wait: the bound on copied memory. */
const DEFAULT_MAX_QUEUED_BYTES = 32 * 1024 * 1024;

/** Shared buffers `updateCopy` cycles through: how many chunks may wait to be hashed. */
const RING_SLOTS = 16;

interface Reply {
  digest?: string;
  hashed?: number;
}

export class HashWorker {
  readonly #worker = new Worker(WORKER_SOURCE, { eval: true });
  #failure: Error | null = null;
  #queued = 0;
  #pendingMessages = 0;
  readonly #ring: Buffer[] = [];
  #ringNext = 0;
  #waiters: (() => void)[] = [];
  #digestWaiter: { resolve: (hex: string) => void; reject: (error: Error) => void } | null = null;

  /**
   * `maxQueuedBytes` bounds how far hashing may lag behind the caller. Callers passing shared
   * memory (no copies) can let it lag by a whole write batch, so hashing overlaps the commit.
   */
  constructor(private readonly maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES) {
    this.#worker.on('error', (error) => {
      this.#failure = error;
      this.#wake();
      this.#digestWaiter?.reject(error);
      this.#digestWaiter = null;
    });
    this.#worker.on('message', (reply: Reply) => {
      if (typeof reply.hashed === 'number') {
        this.#queued -= reply.hashed;
        this.#pendingMessages -= 1;
        this.#wake();
      } else if (typeof reply.digest === 'string') {
        const waiter = this.#digestWaiter;
        this.#digestWaiter = null;
        waiter?.resolve(reply.digest);
      }
    });
  }

  /**
   * Queues bytes and resolves once the queue is short enough to take more. Bytes in ordinary
   * memory are copied to the worker; bytes in a SharedArrayBuffer are read in place, so the
   * caller must not change them before `drained()` resolves.
   */
  async update(bytes: Uint8Array): Promise<void> {
    this.#throwIfFailed();
    this.#post(bytes);
    while (this.#queued > this.maxQueuedBytes) await this.#progress();
  }

  /**
   * Queues a copy of bytes the caller will not keep (a chunk just read from SQLite), made into
   * one of a ring of shared buffers: one plain copy, where posting ordinary memory costs a
   * structured clone and a fresh allocation in the worker for every chunk.
   */
  async updateCopy(bytes: Uint8Array): Promise<void> {
    this.#throwIfFailed();
    // Chunks are hashed in order, so once fewer than RING_SLOTS wait, the next slot is free.
    while (this.#pendingMessages >= RING_SLOTS) await this.#progress();
    let slot = this.#ring[this.#ringNext];
    if (slot === undefined || slot.length < bytes.byteLength) {
      slot = Buffer.from(new SharedArrayBuffer(bytes.byteLength));
      this.#ring[this.#ringNext] = slot;
    }
    this.#ringNext = (this.#ringNext + 1) % RING_SLOTS;
    slot.set(bytes);
    this.#post(slot.subarray(0, bytes.byteLength));
  }

  /** Resolves when the worker has hashed everything queued so far. */
  async drained(): Promise<void> {
    while (this.#pendingMessages > 0) await this.#progress();
  }

  /** The hex digest of everything queued since the last digest; the worker starts afresh. */
  async digest(): Promise<string> {
    this.#throwIfFailed();
    const hex = new Promise<string>((resolve, reject) => {
      this.#digestWaiter = { resolve, reject };
    });
    this.#worker.postMessage('digest');
    return hex;
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }

  #post(bytes: Uint8Array): void {
    this.#queued += bytes.byteLength;
    this.#pendingMessages += 1;
    this.#worker.postMessage(bytes);
  }

  /** Resolves when the worker next reports progress (or fails). */
  async #progress(): Promise<void> {
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
    this.#throwIfFailed();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  #throwIfFailed(): void {
    if (this.#failure !== null) throw this.#failure;
  }
}
