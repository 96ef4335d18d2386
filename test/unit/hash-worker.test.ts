import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HashWorker } from '../../main/evidence/hash-worker';

function sha256(parts: Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

describe('HashWorker', () => {
  it('hashes copied, shared and ring-copied bytes in order, and starts afresh after a digest', async () => {
    const worker = new HashWorker(64 * 1024);
    try {
      // Many small parts through the ring: more than its slots, each buffer reused at once.
      const small = Array.from({ length: 100 }, (_, i) => randomBytes(1 + (i % 7) * 1000));
      const reused = Buffer.alloc(8000);
      for (const part of small) {
        part.copy(reused);
        await worker.updateCopy(reused.subarray(0, part.length));
        reused.fill(0xee);
      }
      expect(await worker.digest()).toBe(sha256(small));

      const shared = Buffer.from(new SharedArrayBuffer(300_000));
      randomBytes(300_000).copy(shared);
      const plain = randomBytes(500_000);
      await worker.update(plain);
      await worker.update(shared);
      await worker.drained();
      expect(await worker.digest()).toBe(sha256([plain, Buffer.from(shared)]));
      expect(await worker.digest()).toBe(sha256([]));
    } finally {
      await worker.close();
    }
  });
});
