import { randomUUID } from 'node:crypto';
import type { Assessment, AssessmentInput } from '../../../shared/domain/assessment';
import { enisaScore, suggestedRisk } from '../../../shared/severity/enisa';
import type { CaseFile } from '../../casefile/case-file';
import {
  appendAssessment,
  assessments,
  latestAssessmentVersion,
} from '../../casefile/repos/obligations-repo';
import { changeWithAudit } from '../audited';
import type { ServiceContext } from '../context';

/** Saves a new version of the severity assessment; a decision in it is confirmed by the actor. */
export function saveAssessment(file: CaseFile, ctx: ServiceContext, input: AssessmentInput): Assessment {
  const score = enisaScore(input.enisa);
  return changeWithAudit(file, ctx, (db, at) => {
    const assessment: Assessment = {
      id: randomUUID(),
      version: latestAssessmentVersion(db) + 1,
      ...input,
      score: score.score,
      band: score.band,
      arithmetic: score.arithmetic,
      suggestedRisk: suggestedRisk(score.band),
      decision:
        input.decision === null ? null : { ...input.decision, confirmedBy: ctx.actor, confirmedAt: at },
      savedAt: at,
      savedBy: ctx.actor,
    };
    appendAssessment(db, assessment);
    return {
      result: assessment,
      audit: {
        action: assessment.decision === null ? 'assessment.saved' : 'assessment.decision_confirmed',
        target: `assessment:${assessment.version}`,
        payload: {
          version: assessment.version,
          arithmetic: assessment.arithmetic,
          band: assessment.band,
          decision: assessment.decision,
        },
      },
    };
  });
}

/** Every saved version of the severity assessment, newest first. */
export function listAssessments(file: CaseFile): Assessment[] {
  return assessments(file.db);
}
