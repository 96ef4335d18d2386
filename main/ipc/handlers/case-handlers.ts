import { updateCase } from '../../services/case-service';
import { verifyCase } from '../../services/verify-service';
import {
  changeOpenCasePassphrase,
  encryptOpenCase,
  forgetOpenCasePassphrase,
  writeDecryptedCopy,
} from '../../services/case-key-service';
import { closeSession, createInSession, describe, openInSession } from '../../services/workspace';
import type { HandlerMap } from './handler';

export const caseHandlers = {
  'case.create': (input, deps) => createInSession(deps, input),
  'case.open': (input, deps) => openInSession(deps, input),
  'case.close': (_input, deps) => {
    closeSession(deps);
    return null;
  },
  'case.current': (_input, deps) =>
    deps.session.current === null ? null : describe(deps, deps.session.current),
  'case.update': (input, deps) => {
    const record = updateCase(deps.session.require(), input.patch, deps.ctx);
    deps.recent?.remember(deps.session.require().path, record.title, deps.ctx.now());
    deps.events.emit('case.changed', { reason: 'updated' });
    return record;
  },
  'case.verify': (_input, deps) => verifyCase(deps.session.require()),
  'case.encrypt': (input, deps) => encryptOpenCase(deps, input.passphrase, input.remember),
  'case.changePassphrase': (input, deps) =>
    changeOpenCasePassphrase(deps, input.current, input.passphrase, input.remember),
  'case.forgetPassphrase': (_input, deps) => forgetOpenCasePassphrase(deps),
  'case.decryptCopy': (input, deps) => writeDecryptedCopy(deps, input.path, input.overwrite),
} satisfies HandlerMap<
  | 'case.create'
  | 'case.open'
  | 'case.close'
  | 'case.current'
  | 'case.update'
  | 'case.verify'
  | 'case.encrypt'
  | 'case.changePassphrase'
  | 'case.forgetPassphrase'
  | 'case.decryptCopy'
>;
