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
  return notices;
}
