import type { MergeConflict } from '../../../../shared/domain/bundle';
import { BreachdeskError } from '../../../../shared/ipc/errors';
import type { CaseFile } from '../../../casefile/case-file';
import { changeWithAudit } from '../../audited';
import type { ServiceContext } from '../../context';
import { conflictsTable } from '../../../casefile/repos/conflicts-repo';
import { applyTheirs } from './merge-kinds';

/** Keeps this case's version of a conflicting record, or takes the bundle's; audited either way. */
export function resolveConflict(
  file: CaseFile,
  ctx: ServiceContext,
  id: string,
  choice: 'ours' | 'theirs',
): MergeConflict {
  return changeWithAudit(file, ctx, (db, at) => {
    const conflict = conflictsTable.get(db, id);
    if (conflict === null) throw new BreachdeskError('NOT_FOUND', 'That merge conflict does not exist.');
    if (conflict.status !== 'open') {
      throw new BreachdeskError('INVALID_INPUT', `That conflict was already resolved (${conflict.status}).`);
    }
    if (choice === 'theirs') applyTheirs(db, conflict.kind, conflict.theirs);
    const resolved: MergeConflict = {
      ...conflict,
      status: choice === 'theirs' ? 'took-theirs' : 'kept-ours',
      resolvedAt: at,
      resolvedBy: ctx.actor,
    };
    conflictsTable.put(db, resolved);
    return {
      result: resolved,
      audit: {
        action: 'bundle.conflict_resolved',
        target: `${conflict.kind}:${conflict.recordId}`,
        payload: { conflictId: id, bundleId: conflict.bundleId, choice, fields: conflict.fields },
      },
    };
  });
}
