import { existsSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashMidChange, writeCommitHeader } from '../helpers/crash';
import { runCli } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const ROLLED_BACK = 'An interrupted change was rolled back; everything saved before it is intact.';

function init(dir: string): string {
  const path = join(dir, 'case.bdcase');
  expect(
    runCli(['init', path, '--title', 'Partner API exposure', '--org', 'Sonora Streaming AB', '--plaintext'])
      .status,
  ).toBe(0);
  return path;
}

describe('breachdesk on a case file a crash left mid-change', () => {
  it('rolls the change back, says so once on stderr, and keeps --json output one document', () => {
    const path = init(tempDir());
    crashMidChange(path);
    writeCommitHeader(path, 40);

    const shown = runCli(['show', path, '--json']);
    expect(shown.status).toBe(0);
    expect(shown.stderr).toBe(`breachdesk: ${ROLLED_BACK}\n`);
    expect(JSON.parse(shown.stdout)).toMatchObject({ notices: [ROLLED_BACK], auditEntries: 2 });
    expect(existsSync(`${path}-journal`)).toBe(false);

    const verified = runCli(['verify', path]);
    expect(verified.status).toBe(0);
    expect(verified.stderr).toBe('');
    const audit = JSON.parse(runCli(['api', path, 'audit.list', '{"limit":1}']).stdout) as {
      entries: { action: string }[];
    };
    expect(audit.entries[0]?.action).toBe('casefile.recovered');
  });

  it('refuses a case whose journal is damaged with one sentence and exit code 3', () => {
    const path = init(tempDir());
    crashMidChange(path);
    writeCommitHeader(path, 40);
    const journal = `${path}-journal`;
    // A journal cut short inside its first record: what a disk that lost its tail leaves.
    truncateSync(journal, statSync(journal).size - 5000);
    const result = runCli(['show', path]);
    expect(result.status).toBe(3);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /the journal that would undo it .* is damaged \(its record \d+ of \d+ is incomplete or altered\)/,
    );
    expect(existsSync(journal)).toBe(true);
  });
});
