import { open } from 'node:fs/promises';
import { CHUNK_SIZE } from '../casefile/repos/blob-repo';

/**
 * Reads a file in CHUNK_SIZE pieces (only the last one shorter), one read ahead, so the disk is
 * busy while the caller stores the previous chunk. Memory stays at two chunks whatever the size.
 */
export async function* readChunks(path: string): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  let next = fill(handle);
  try {
    for (;;) {
      const chunk = await next;
      if (chunk.length === 0) return;
      next = chunk.length < CHUNK_SIZE ? Promise.resolve(Buffer.alloc(0)) : fill(handle);
      yield chunk;
    }
  } finally {
    // A caller that stops early (cancel) leaves one read in flight; let it land before closing.
    await next.catch(() => undefined);
    await handle.close();
  }
}

/** One full chunk (short reads are retried), or less at the end of the file. */
async function fill(handle: Awaited<ReturnType<typeof open>>): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
  let filled = 0;
  while (filled < CHUNK_SIZE) {
    const { bytesRead } = await handle.read(buffer, filled, CHUNK_SIZE - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}
