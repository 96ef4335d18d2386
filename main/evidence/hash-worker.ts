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

interface Reply {
  digest?: string;
  hashed?: number;
}

export class HashWorker {
  readonly #worker = new Worker(WORKER_SOURCE, { eval: true });
  #failure: Error | null = null;
  #queued = 0;
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
        if (this.#queued <= this.maxQueuedBytes || this.#queued === 0) this.#wake();
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
    this.#queued += bytes.byteLength;
    this.#worker.postMessage(bytes);
    while (this.#queued > this.maxQueuedBytes) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
      this.#throwIfFailed();
    }
  }

  /** Resolves when the worker has hashed everything queued so far. */
  async drained(): Promise<void> {
    while (this.#queued > 0) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
      this.#throwIfFailed();
    }
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

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  #throwIfFailed(): void {
    if (this.#failure !== null) throw this.#failure;
  }
}
