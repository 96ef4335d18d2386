import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CRASH_FIXTURE = fileURLToPath(new URL('../fixtures/crash-mid-change.cjs', import.meta.url));

/**
 * Leaves the case file at `path` in the middle of a change with a hot journal beside it, by a
 * real process killed with SIGKILL (see the fixture).
 */
export function crashMidChange(path: string, passphrase: string | null = null): void {
  const env = passphrase === null ? process.env : { ...process.env, CRASH_PASSPHRASE: passphrase };
  const result = spawnSync(process.execPath, [CRASH_FIXTURE, path], { encoding: 'utf8', env });
  if (result.signal !== 'SIGKILL') {
    throw new Error(
      `The crash fixture was meant to be killed, but ended with ${result.status}: ${result.stderr}`,
    );
  }
}

/**
 * Rewrites page 1 the way the first write of a commit does (SQLite writes it first, with the new
 * change counter and page count), as if the process died right after: the header then declares
 * more pages than the file holds. Page 1 is in the journal, so a rollback restores it.
 */
export function writeCommitHeader(path: string, extraPages: number): void {
  const fd = openSync(path, 'r+');
  try {
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    const raw = header.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    const counter = (header.readUInt32BE(24) + 1) >>> 0;
    header.writeUInt32BE(counter, 24);
    header.writeUInt32BE(statSync(path).size / pageSize + extraPages, 28);
    header.writeUInt32BE(counter, 92);
    writeSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
}
