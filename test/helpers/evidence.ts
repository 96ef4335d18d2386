import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  NO_INTAKE_METADATA,
  type IntakeMetadata,
  type IntakeResult,
  type JobProgress,
} from '../../shared/domain/evidence';
import type { CaseFile } from '../../main/casefile/case-file';
import { silentEvents, type EventSink } from '../../main/ipc/host-deps';
import type { ServiceContext } from '../../main/services/context';
import { takeInEvidence } from '../../main/services/evidence/intake-service';
import { Job } from '../../main/services/jobs';

export const NO_METADATA: IntakeMetadata = NO_INTAKE_METADATA;

/** A job that reports every step (no throttling), so tests can act at a known point. */
export function newJob(kind: JobProgress['job'] = 'intake', events: EventSink = silentEvents): Job {
  return new Job(randomUUID(), kind, events, 0);
}

export function intake(
  file: CaseFile,
  ctx: ServiceContext,
  paths: string[],
  metadata: Partial<IntakeMetadata> = {},
  job = newJob(),
): Promise<IntakeResult> {
  return takeInEvidence(file, ctx, job, paths, { ...NO_METADATA, ...metadata });
}

/** Writes a file into dir and returns its path. */
export function writeEvidenceFile(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export function randomFile(dir: string, name: string, size: number): { path: string; sha256: string } {
  const bytes = randomBytes(size);
  const path = writeEvidenceFile(dir, name, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex') };
}
