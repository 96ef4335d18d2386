import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../support/paths';

// Opens the case file the way another Breachdesk would: exclusive locking mode, then a write
// transaction and a read, so the lock is taken and kept until stdin closes.
const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { fileMustExist: true });
db.pragma('locking_mode = EXCLUSIVE');
db.exec('BEGIN EXCLUSIVE; COMMIT;');
db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
process.stdout.write('ready\\n');
process.stdin.resume();
process.stdin.on('end', () => { db.close(); process.exit(0); });
`;

export interface LockHolder {
  release(): Promise<void>;
}

/** A separate process holding the case file's lock (process.execPath is the pinned Node 22). */
export function holdLock(path: string, timeoutMs = 10_000): Promise<LockHolder> {
  const child = spawn(process.execPath, ['-e', HOLDER, path], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const release = async (): Promise<void> => {
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`lock holder did not start within ${timeoutMs} ms: ${stderr.trim()}`));
    }, timeoutMs);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ready\n')) {
        clearTimeout(timer);
        resolve({ release });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`lock holder exited early (code ${String(code)}): ${stderr.trim()}`));
    });
  });
}
