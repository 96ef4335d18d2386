import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../main/casefile/migrations';
import { migration010 } from '../../main/casefile/migrations/010-case-and-audit';
import { appendAuditEntry } from '../../main/casefile/repos/audit-repo';
import { insertCaseRecord } from '../../main/casefile/repos/case-repo';
import { stampApplicationId, withRawDb } from '../helpers/raw-db';
import { caseFrom } from './support/fixtures';
import { fileAppears, journalHot, timePoints } from './support/kill-points';
import { integrityCheck } from './support/oracle';
import { runCliOk } from './support/cli';
import { crashSuite, RANDOM_FRACTION, type Prepared } from './support/scenario';

interface Migration extends Prepared {
  casePath: string;
}

/** Audit entries in the old file: enough bytes that its backup and upgrade take a while. */
const ENTRIES = 20_000;
const BACKUP = /^case\.schema\d+-backup-.*\.bdcase$/;

/**
 * A case file as the first release wrote it (only migration 010, as test/db/migrations.test.ts
 * builds one), with a long audit log.
 */
function oldCaseFile(path: string): void {
  const at = '2025-06-01T08:00:00.000Z';
  const record = {
    id: '6f1d5c2e-8a4b-4c3d-9e2f-1a2b3c4d5e6f',
    title: 'Old case',
    organisation: 'Sonora Streaming AB',
    status: 'investigating' as const,
    createdAt: at,
    updatedAt: at,
  };
  withRawDb(path, (db) => {
    stampApplicationId(db);
    db.transaction(() => {
      db.exec(migration010.sql);
      db.pragma('user_version = 10');
      insertCaseRecord(db, record);
      appendAuditEntry(db, {
        actor: 'tester',
        at,
        action: 'case.created',
        target: `case:${record.id}`,
        payload: record,
      });
      for (let i = 0; i < ENTRIES; i += 1) {
        appendAuditEntry(db, {
          actor: 'tester',
          at,
          action: 'case.updated',
          target: `case:${record.id}`,
          payload: { note: `change ${i} `.repeat(60) },
        });
      }
    })();
  });
}

/** Opening an old-schema case upgrades it, after a VACUUM INTO backup; a kill loses neither. */
describe('crash: schema migration on open', () => {
  crashSuite<Migration>({
    prepare: async (sandbox, shared) => {
      const casePath = await caseFrom(shared, 'case.bdcase', sandbox.dir, (_builder, path) => {
        oldCaseFile(path);
        return Promise.resolve();
      });
      return {
        sandbox,
        casePath,
        args: ['show', casePath, '--json'],
        cases: [casePath],
        allowed: [BACKUP],
        check: async () => {
          const shown = JSON.parse((await runCliOk(sandbox, ['show', casePath, '--json'])).stdout) as {
            schemaVersion: number;
            auditEntries: number;
          };
          expect(shown.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
          // A backup beside the case is whole: SQLite finds it sound.
          for (const name of readdirSync(sandbox.dir).filter((n) => BACKUP.test(n))) {
            expect(existsSync(join(sandbox.dir, `${name}-journal`))).toBe(false);
            expect(integrityCheck(join(sandbox.dir, name), sandbox.tmp), name).toBe('ok');
          }
        },
      };
    },
    points: {
      ...timePoints<Migration>(RANDOM_FRACTION),
      'when the backup appears': (p) => fileAppears(p.sandbox.dir, BACKUP),
      'when the backup is half written': (p) => fileAppears(p.sandbox.dir, BACKUP, 10 * 1024 * 1024),
      'when the rollback journal is hot (a migration step)': (p) => journalHot(p.casePath),
    },
  });
});
