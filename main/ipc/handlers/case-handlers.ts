import { describeOpenCase, updateCase } from '../../services/case-service';
import { verifyCase } from '../../services/verify-service';
import { closeSession, createInSession, openInSession } from '../../services/workspace';
import type { HandlerMap } from './handler';

export const caseHandlers = {
  'case.create': (input, deps) => createInSession(deps, input),
  'case.open': (input, deps) => openInSession(deps, input.path),
  'case.close': (_input, deps) => {
    closeSession(deps);
    return null;
  },
  'case.current': (_input, deps) =>
    deps.session.current === null ? null : describeOpenCase(deps.session.current),
  'case.update': (input, deps) => {
    const record = updateCase(deps.session.require(), input.patch, deps.ctx);
    deps.recent?.remember(deps.session.require().path, record.title, deps.ctx.now());
    deps.events.emit('case.changed', { reason: 'updated' });
    return record;
  },
  'case.verify': (_input, deps) => verifyCase(deps.session.require()),
} satisfies HandlerMap<
  'case.create' | 'case.open' | 'case.close' | 'case.current' | 'case.update' | 'case.verify'
>;
