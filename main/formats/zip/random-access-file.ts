/**
 * What the zip reader needs of an open file: positional reads, its size, and closing it. Node's
 * FileHandle is one; so is a scratch file that decrypts as it is read (formats/scratch), which is
 * how a bundle sealed in an age envelope is read without its plaintext ever touching the disk.
 */
export interface ReadableFile {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  stat(): Promise<{ size: number; isFile(): boolean }>;
  close(): Promise<void>;
}

/** What the zip writer needs of an open file: positional writes, a flush to disk, and closing it. */
export interface WritableFile {
  write(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}
