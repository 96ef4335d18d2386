import type { Recovery } from '../casefile/recover';

/**
 * The sentences a person reads after a case file was repaired on open. They say what happened
 * and that nothing saved was lost, because a crash otherwise leaves people fearing the worst.
 */
export function recoveryNotices(recovery: Recovery): string[] {
  const notices: string[] = [];
  if (recovery.rolledBack !== null) {
    notices.push('An interrupted change was rolled back; everything saved before it is intact.');
  }
  if (recovery.intakesDiscarded > 0) {
    notices.push(
      recovery.intakesDiscarded === 1
        ? 'An evidence intake that was interrupted was discarded; add those files again.'
        : `${recovery.intakesDiscarded} evidence intakes that were interrupted were discarded; add those files again.`,
    );
  }
  if (recovery.rosterImportsDiscarded > 0) {
    notices.push(
      recovery.rosterImportsDiscarded === 1
        ? 'A roster import that was interrupted was discarded; import that dataset again.'
        : `${recovery.rosterImportsDiscarded} roster imports that were interrupted were discarded; import those datasets again.`,
    );
  }
  const runs = recovery.noticeRunsDiscarded ?? 0;
  if (runs > 0) {
    notices.push(
      runs === 1
        ? 'A notification run that was interrupted was discarded with its unfinished files; write it again.'
        : `${runs} notification runs that were interrupted were discarded with their unfinished files; write them again.`,
    );
  }
  return notices;
}
