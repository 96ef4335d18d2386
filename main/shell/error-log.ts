// Unexpected errors in full (stack included) go to a log file in the user's config folder and
// to stderr; the page only ever sees the dispatcher's one-sentence message.
import { app } from 'electron';
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MAX_LOG_BYTES = 1024 * 1024;

export function errorLogFile(): string {
  return join(app.getPath('userData'), 'logs', 'breachdesk.log');
}

export function createErrorLogger(file: string): (error: unknown) => void {
  return (error) => {
    const detail =
      error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    const line = `${new Date().toISOString()} ${detail}\n`;
    process.stderr.write(`[breachdesk] ${line}`);
    try {
      mkdirSync(dirname(file), { recursive: true });
      rotateIfLarge(file);
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // Logging must never become the error; stderr already has it.
    }
  };
}

function rotateIfLarge(file: string): void {
  try {
    if (statSync(file).size > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
  } catch {
    // No log yet.
  }
}
