import { expect } from 'vitest';
import { runCli, runCliOk, type Sandbox } from './cli';

/** Reads the case through the CLI (`--json` / `api`), as a user would after the crash. */
export async function evidenceList(
  sandbox: Sandbox,
  path: string,
): Promise<{ id: string; name: string; size: number; sha256: string }[]> {
  const result = await runCliOk(sandbox, ['evidence', 'list', path, '--json']);
  return JSON.parse(result.stdout) as { id: string; name: string; size: number; sha256: string }[];
}

export async function api<T>(
  sandbox: Sandbox,
  path: string,
  channel: string,
  input: unknown = {},
): Promise<T> {
  const result = await runCli(sandbox, ['api', path, channel, JSON.stringify(input)]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/** The newest audit actions recorded in the case (up to 1000), newest first. */
export async function auditActions(sandbox: Sandbox, path: string): Promise<string[]> {
  const page = await api<{ entries: { action: string }[] }>(sandbox, path, 'audit.list', { limit: 1000 });
  return page.entries.map((entry) => entry.action);
}

/** How many timeline events the case holds. */
export async function eventTotal(sandbox: Sandbox, path: string): Promise<number> {
  return (await api<{ total: number }>(sandbox, path, 'events.list', { limit: 1 })).total;
}
