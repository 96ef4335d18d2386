import { randomUUID } from 'node:crypto';
import type { CaseFile } from '../casefile/case-file';
import { createCaseFile, openCaseFile } from '../casefile/case-file';
import { LATEST_SCHEMA_VERSION } from '../casefile/migrations';
import { APP_VERSION } from '../app-version';
import { appendAuditEntry } from '../casefile/repos/audit-repo';
import { getCaseRecord, insertCaseRecord, updateCaseRecord } from '../casefile/repos/case-repo';
import type { CasePatch, CaseRecord, OpenCase } from '../../shared/domain/case';
import { changeWithAudit } from './audited';
import { demoViewOf } from './demo-view';
import { recoveryNotices } from './recovery-notices';
import { stampFor, type ServiceContext } from './context';

export interface NewCase {
  path: string;
  title: string;
  organisation: string;
  overwrite: boolean;
  /** Encrypts the new file with it; null only by the explicit choice of a plaintext file. */
  passphrase: Buffer | null;
}

export function createCase(input: NewCase, ctx: ServiceContext): CaseFile {
  const stamp = stampFor(ctx);
  const record: CaseRecord = {
    id: randomUUID(),
    title: input.title,
    organisation: input.organisation,
    status: 'investigating',
    createdAt: stamp.at,
    updatedAt: stamp.at,
  };
  return createCaseFile(
    input.path,
    { overwrite: input.overwrite, passphrase: input.passphrase },
    stamp,
    (db) => {
      insertCaseRecord(db, record);
      appendAuditEntry(db, {
        ...stamp,
        action: 'case.created',
        target: `case:${record.id}`,
        payload: record,
      });
    },
  );
}

export function openCase(path: string, ctx: ServiceContext, passphrase: Buffer | null = null): CaseFile {
  return openCaseFile(path, stampFor(ctx), passphrase);
}

export function describeOpenCase(file: CaseFile, passphraseRemembered = false): OpenCase {
  return {
    path: file.path,
    schemaVersion: file.schemaVersion,
    record: getCaseRecord(file.db),
    notices: recoveryNotices(file.recovery),
    encrypted: file.encrypted,
    passphraseRemembered: file.encrypted && passphraseRemembered,
    demoAsOf: demoViewOf(file),
  };
}

/** Applies an edit; the audit entry keeps both the old and the new values of what changed. */
export function updateCase(file: CaseFile, patch: CasePatch, ctx: ServiceContext): CaseRecord {
  return changeWithAudit(file, ctx, (db, at) => {
    const before = getCaseRecord(db);
    const changed = changedFields(before, patch);
    // Autosave may send what is already stored; that is not a change and earns no audit entry.
    if (changed.length === 0) return { result: before, audit: null };
    const after: CaseRecord = { ...before, ...patch, updatedAt: at };
    updateCaseRecord(db, after);
    const payload = Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }]));
    return { result: after, audit: { action: 'case.updated', target: `case:${before.id}`, payload } };
  });
}

function changedFields(before: CaseRecord, patch: CasePatch): (keyof CasePatch)[] {
  return (Object.keys(patch) as (keyof CasePatch)[]).filter((key) => patch[key] !== before[key]);
}

/** This build's version and the case-file schema it writes. */
export function appInfo(canRememberPassphrases: boolean): {
  version: string;
  schemaVersion: number;
  canRememberPassphrases: boolean;
} {
  return { version: APP_VERSION, schemaVersion: LATEST_SCHEMA_VERSION, canRememberPassphrases };
}
