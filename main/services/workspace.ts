import type { OpenCase } from '../../shared/domain/case';
import { BreachdeskError } from '../../shared/ipc/errors';
import { absoluteCasePath } from '../casefile/case-path';
import type { CaseFile } from '../casefile/case-file';
import type { WorkspaceDeps } from './workspace-deps';
import { createCase, describeOpenCase, openCase, type NewCase } from './case-service';
import { createDemoCase, DEMO_NOT_ENCRYPTED } from './demo-service';

export interface OpenRequest {
  path: string;
  passphrase?: string | undefined;
  remember: boolean;
}

/**
 * Opens a case file in the host's session, remembers it as recent and tells the window. An
 * encrypted file opens with the passphrase given, else with the one this computer remembers.
 */
export function openInSession(deps: WorkspaceDeps, request: OpenRequest): OpenCase {
  const current = deps.session.current;
  if (current?.path === absoluteCasePath(request.path)) return describe(deps, current);
  if (request.remember) refuseRememberingWithout(deps);
  if (request.passphrase !== undefined) {
    const passphrase = Buffer.from(request.passphrase, 'utf8');
    const file = openCase(request.path, deps.ctx, passphrase);
    if (request.remember && file.encrypted) deps.passphrases?.remember(file.path, passphrase);
    return adopt(deps, file);
  }
  const remembered = deps.passphrases?.recall(request.path) ?? null;
  try {
    return adopt(deps, openCase(request.path, deps.ctx, remembered));
  } catch (error) {
    if (remembered !== null && error instanceof BreachdeskError && error.code === 'WRONG_PASSPHRASE') {
      // Changed elsewhere (on another computer, or by the command line): ask the person again.
      deps.passphrases?.forget(request.path);
      throw new BreachdeskError(
        'PASSPHRASE_REQUIRED',
        `The passphrase this computer remembered no longer opens ${JSON.stringify(absoluteCasePath(request.path))}; enter its passphrase.`,
      );
    }
    throw error;
  }
}

export interface CreateRequest extends Omit<NewCase, 'passphrase'> {
  passphrase?: string | undefined;
  plaintext: boolean;
  remember: boolean;
}

export function createInSession(deps: WorkspaceDeps, request: CreateRequest): OpenCase {
  if (request.remember) refuseRememberingWithout(deps);
  const passphrase = request.plaintext ? null : Buffer.from(request.passphrase ?? '', 'utf8');
  if (passphrase !== null && passphrase.length === 0) {
    throw new BreachdeskError(
      'INVALID_INPUT',
      'A new case file is encrypted: give it a passphrase, or choose explicitly to leave it unencrypted.',
    );
  }
  const file = createCase({ ...request, passphrase }, deps.ctx);
  if (passphrase !== null && request.remember) deps.passphrases?.remember(file.path, passphrase);
  return adopt(deps, file);
}

export async function createDemoInSession(
  deps: WorkspaceDeps,
  path: string,
  overwrite: boolean,
): Promise<OpenCase> {
  const opened = adopt(deps, await createDemoCase(path, overwrite, deps.ctx));
  return { ...opened, notices: [...opened.notices, DEMO_NOT_ENCRYPTED] };
}

export function closeSession(deps: WorkspaceDeps): void {
  if (deps.session.current === null) return;
  deps.session.close();
  deps.events.emit('case.changed', { reason: 'closed' });
}

/** The open case as the window shows it, with whether this computer remembers its passphrase. */
export function describe(deps: WorkspaceDeps, file: CaseFile): OpenCase {
  return describeOpenCase(file, deps.passphrases?.has(file.path) ?? false);
}

/** Puts a freshly opened file in the session (closing the previous one) and tells the window. */
export function adopt(deps: WorkspaceDeps, file: CaseFile): OpenCase {
  deps.session.replace(file);
  const described = describe(deps, file);
  deps.recent?.remember(file.path, described.record.title, deps.ctx.now());
  deps.events.emit('case.changed', { reason: 'opened' });
  return described;
}

export function refuseRememberingWithout(deps: WorkspaceDeps): void {
  if (deps.passphrases === null) {
    throw new BreachdeskError(
      'UNSUPPORTED',
      'This computer cannot keep a passphrase safely (no system keychain); it will be asked each time.',
    );
  }
}
