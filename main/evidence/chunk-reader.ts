import { open } from 'node:fs/promises';
import { CHUNK_SIZE } from '../../shared/domain/evidence';

/**
 * Reads a file in CHUNK_SIZE pieces (only the last one shorter), one read ahead, so the disk is
 * busy while the caller stores the previous chunk. Memory stays at what the caller holds plus
 * two chunks, whatever the size. A caller done with chunks can hand their buffers back through
 * `spare` (they are CHUNK_SIZE long) to be filled again instead of allocating new ones.
 */
export async function* readChunks(path: string, spare: Buffer[] = []): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  const fill = (): Promise<Buffer> => fillChunk(handle, spare.pop() ?? sharedChunkBuffer());
  let next = fill();
  try {
    for (;;) {
      const chunk = await next;
      if (chunk.length === 0) return;
      next = chunk.length < CHUNK_SIZE ? Promise.resolve(Buffer.alloc(0)) : fill();
      yield chunk;
    }
  } finally {
    // A caller that stops early (cancel) leaves one read in flight; let it land before closing.
    await next.catch(() => undefined);
    await handle.close();
  }
}

/**
 * Chunk memory is shared, so the hashing worker reads it where it is instead of receiving a
 * copy of every chunk (copying cost a tenth of intake time).
 */
function sharedChunkBuffer(): Buffer {
  return Buffer.from(new SharedArrayBuffer(CHUNK_SIZE));
}

/** One full chunk (short reads are retried), or less at the end of the file. */
async function fillChunk(handle: Awaited<ReturnType<typeof open>>, buffer: Buffer): Promise<Buffer> {
  let filled = 0;
  while (filled < CHUNK_SIZE) {
    const { bytesRead } = await handle.read(buffer, filled, CHUNK_SIZE - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}
