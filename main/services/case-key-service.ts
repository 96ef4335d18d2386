import type { OpenCase } from '../../shared/domain/case';
import { BreachdeskError } from '../../shared/ipc/errors';
import { absoluteCasePath } from '../casefile/case-path';
import { openCaseFile } from '../casefile/case-file';
import { appendAuditEntry } from '../casefile/repos/audit-repo';
import { writeWithKey } from '../casefile/rewrite-key';
import { stampFor } from './context';
import { adopt, describe, refuseRememberingWithout } from './workspace';
import type { WorkspaceDeps } from './workspace-deps';

/**
 * Encrypts the open plaintext case in place: an encrypted copy is written beside it and renamed
 * over it, then reopened. Copies of the plaintext file made before (backups, other folders)
 * stay readable; the app and CLI say so.
 */
export function encryptOpenCase(deps: WorkspaceDeps, passphrase: string, remember: boolean): OpenCase {
  const file = deps.session.require();
  if (file.encrypted) {
    throw new BreachdeskError(
      'INVALID_INPUT',
      'This case file is already encrypted; change its passphrase instead.',
    );
  }
  if (remember) refuseRememberingWithout(deps);
  const next = Buffer.from(passphrase, 'utf8');
  return rewriteInPlace(deps, next, remember, {
    action: 'casefile.encrypted',
    payload: { format: 'SQLCipher 4' },
  });
}

/** Re-encrypts the open case with a new passphrase, once the current one is given again. */
export function changeOpenCasePassphrase(
  deps: WorkspaceDeps,
  current: string,
  passphrase: string,
  remember: boolean,
): OpenCase {
  const file = deps.session.require();
  if (!file.encrypted) {
    throw new BreachdeskError('INVALID_INPUT', 'This case file is not encrypted; encrypt it first.');
  }
  const held = file.passphraseForCopies();
  if (held === null || !held.equals(Buffer.from(current, 'utf8'))) {
    throw new BreachdeskError(
      'WRONG_PASSPHRASE',
      'The current passphrase is not the one that opens this case file.',
    );
  }
  if (remember) refuseRememberingWithout(deps);
  return rewriteInPlace(deps, Buffer.from(passphrase, 'utf8'), remember, {
    action: 'casefile.rekeyed',
    payload: { format: 'SQLCipher 4' },
  });
}

export function forgetOpenCasePassphrase(deps: WorkspaceDeps): OpenCase {
  const file = deps.session.require();
  deps.passphrases?.forget(file.path);
  return describe(deps, file);
}

/**
 * Writes an unencrypted copy of the open case at `target`. The copy's log says it was
 * decrypted; the case's own log says a plaintext copy was written, and where.
 */
export function writeDecryptedCopy(
  deps: WorkspaceDeps,
  target: string,
  overwrite: boolean,
): { path: string } {
  const file = deps.session.require();
  if (!file.encrypted) {
    throw new BreachdeskError('INVALID_INPUT', 'This case file is not encrypted; copy it as it is.');
  }
  const path = absoluteCasePath(target);
  if (path === file.path) {
    throw new BreachdeskError(
      'INVALID_INPUT',
      'Write the decrypted copy to another file; the case itself stays encrypted.',
    );
  }
  const stamp = stampFor(deps.ctx);
  writeWithKey(
    file,
    path,
    null,
    stamp,
    { action: 'casefile.decrypted', payload: { from: file.path } },
    { overwrite },
  );
  file.transaction((db) => {
    appendAuditEntry(db, {
      ...stamp,
      action: 'casefile.decrypted-copy',
      target: 'casefile',
      payload: { to: path },
    });
  });
  return { path };
}

function rewriteInPlace(
  deps: WorkspaceDeps,
  next: Buffer,
  remember: boolean,
  audit: Parameters<typeof writeWithKey>[4],
): OpenCase {
  const file = deps.session.require();
  const stamp = stampFor(deps.ctx);
  writeWithKey(file, file.path, next, stamp, audit, { overwrite: true });
  // The file at the path is now the re-encrypted one; the old connection still reads the old
  // (unlinked) file until it closes.
  deps.session.close();
  const reopened = openCaseFile(file.path, stamp, next);
  if (remember) deps.passphrases?.remember(file.path, next);
  else deps.passphrases?.forget(file.path);
  return adopt(deps, reopened);
}
