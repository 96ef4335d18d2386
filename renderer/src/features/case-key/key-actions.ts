import type { OpenCase } from '../../../../shared/domain/case';
import type { ErrorCode } from '../../../../shared/ipc/errors';
import { call, codeOf, messageOf } from '../../api/client';
import { flushPendingEdits } from '../../lib/pending-edits';
import { useWorkspaceStore } from '../../stores/workspace-store';

/** Null when done (the top bar follows the returned case), else the refusal's code and sentence. */
export type KeyOutcome = null | { code: ErrorCode | null; message: string };

/**
 * Runs one key change on the open case. What was typed but not yet written goes in first: the
 * file is rewritten under its new key.
 */
async function rekey(change: () => Promise<OpenCase>): Promise<KeyOutcome> {
  try {
    await flushPendingEdits();
    useWorkspaceStore.getState().adopt(await change());
    return null;
  } catch (error) {
    return { code: codeOf(error), message: messageOf(error) };
  }
}

export function encryptOpenCase(passphrase: string, remember: boolean): Promise<KeyOutcome> {
  return rekey(() => call('case.encrypt', { passphrase, remember }));
}

export function changeOpenCasePassphrase(
  current: string,
  passphrase: string,
  remember: boolean,
): Promise<KeyOutcome> {
  return rekey(() => call('case.changePassphrase', { current, passphrase, remember }));
}

export function forgetOpenCasePassphrase(): Promise<KeyOutcome> {
  return rekey(() => call('case.forgetPassphrase', {}));
}
