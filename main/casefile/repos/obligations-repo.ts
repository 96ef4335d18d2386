import type { Database } from 'better-sqlite3-multiple-ciphers';
import { assessmentSchema, type Assessment } from '../../../shared/domain/assessment';
import { obligationStatusSchema, type ObligationStatus } from '../../../shared/domain/obligation-status';
import { statement } from '../statements';

export function putObligationStatus(db: Database, status: ObligationStatus): void {
  statement(
    db,
    `INSERT INTO obligation_status (rule_id, data) VALUES (@ruleId, @data)
     ON CONFLICT (rule_id) DO UPDATE SET data = excluded.data`,
  ).run({ ruleId: status.ruleId, data: JSON.stringify(status) });
}

export function obligationStatuses(db: Database): ObligationStatus[] {
  const rows = statement(db, 'SELECT data FROM obligation_status ORDER BY rule_id').all() as {
    data: string;
  }[];
  return rows.map((row) => obligationStatusSchema.parse(JSON.parse(row.data)));
}

export function appendAssessment(db: Database, assessment: Assessment): void {
  statement(db, 'INSERT INTO assessments (version, id, data) VALUES (@version, @id, @data)').run({
    version: assessment.version,
    id: assessment.id,
    data: JSON.stringify(assessment),
  });
}

/** Every version, newest first. */
export function assessments(db: Database): Assessment[] {
  const rows = statement(db, 'SELECT data FROM assessments ORDER BY version DESC').all() as {
    data: string;
  }[];
  return rows.map((row) => assessmentSchema.parse(JSON.parse(row.data)));
}

export function latestAssessmentVersion(db: Database): number {
  return (statement(db, 'SELECT coalesce(max(version), 0) AS v FROM assessments').get() as { v: number }).v;
}
