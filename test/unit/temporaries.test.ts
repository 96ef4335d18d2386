import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceFileSync } from '../../main/services/files/atomic-write';
import { removeStaleTemporaries, temporaryName } from '../../main/services/files/temporaries';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

/** The id of a process that has ended (a quick child, waited for). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid ?? 0;
}

describe('temporaries a killed run left', () => {
  it('are removed by the next run for the same target, and a running writer’s are kept', () => {
    const dir = tempDir();
    const dead = deadPid();
    const uuid = '0ae7777f-021f-4e02-968b-f6efbc766b94';
    const stale = `.out.zip.${uuid}.${dead}.writing`;
    const names = [
      stale,
      `${stale}-journal`,
      `.${stale}.${uuid}.creating`,
      `.${stale}.${uuid}.creating-journal`,
      temporaryName('.out.zip', 'writing'), // this process: still writing it
      `.other.zip.${uuid}.${dead}.writing`, // another target's
      'out.zip',
    ];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    removeStaleTemporaries(dir, '.out.zip', 'writing');
    expect(readdirSync(dir).sort()).toEqual(names.slice(4).sort());
  });
});

describe('small per-user files', () => {
  it('are replaced whole and owner-only, and what a killed earlier write left is removed', () => {
    const dir = tempDir();
    const target = join(dir, 'recent.json');
    const leftover = `recent.json.0ae7777f-021f-4e02-968b-f6efbc766b94.${deadPid()}.tmp`;
    writeFileSync(join(dir, leftover), '{"half');
    writeFileSync(target, 'old');
    replaceFileSync(target, '{"version":1}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"version":1}\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['recent.json']);
  });
});
