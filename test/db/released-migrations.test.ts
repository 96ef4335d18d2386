import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/casefile/migrations';

/**
 * The SQL of every released migration, by SHA-256 (test/fixtures/released-migrations.json).
 * Case files in users' hands were made by exactly this text: a released migration never changes
 * (not even through a constant it interpolates); a change to the schema is a new migration.
 */
const FIXTURE = 'test/fixtures/released-migrations.json';
const released = JSON.parse(
  readFileSync(new URL('../fixtures/released-migrations.json', import.meta.url), 'utf8'),
) as Record<string, { name: string; sha256: string }>;

const key = (version: number): string => String(version).padStart(3, '0');
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const next = key((MIGRATIONS.at(-1)?.version ?? 0) + 10);

describe('released migrations', () => {
  it.each(MIGRATIONS.map((m) => [key(m.version), m] as const))(
    '%s has the SQL it was released with',
    (version, migration) => {
      const record = released[version];
      expect(
        record,
        `Migration ${version} (${migration.name}) is not recorded in ${FIXTURE}. Record its SHA-256 there in the ` +
          'change that adds it: from then on it is released and never changes.',
      ).toBeDefined();
      expect(
        sha256(migration.sql),
        `Migration ${version} (${migration.name}) changed after release. Released migrations never change: ` +
          `case files already made by it would no longer match the code. Restore its text and add a new migration ` +
          `(${next}-….ts, listed in main/casefile/migrations/index.ts) for the change instead.`,
      ).toBe(record?.sha256);
    },
  );

  it('none is ever removed or renumbered', () => {
    const listed = MIGRATIONS.map((m) => key(m.version));
    const gone = Object.keys(released).filter((version) => !listed.includes(version));
    expect(
      gone,
      `Released migrations are missing from main/casefile/migrations/index.ts: ${gone.join(', ')}. ` +
        'Released migrations never change or go away; add a new migration instead.',
    ).toEqual([]);
  });
});
