import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../fixtures/hold-lock.cjs', import.meta.url));

/** Another process holding a case file open; resolves once it has the lock. */
export async function holdLockInAnotherProcess(
  path: string,
  passphrase: string | null = null,
): Promise<{ release: () => Promise<void> }> {
  const env = passphrase === null ? process.env : { ...process.env, HOLD_PASSPHRASE: passphrase };
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, path], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env,
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`lock holder exited early (${String(code)})`)));
  });
  return {
    release: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin?.end();
      }),
  };
}
