import type { OpenCase } from '../../shared/domain/case';
import { absoluteCasePath } from '../casefile/case-path';
import type { WorkspaceDeps } from './workspace-deps';
import { createCase, describeOpenCase, openCase, type NewCase } from './case-service';
import { createDemoCase } from './demo-service';

/** Opens a case file in the host's session, remembers it as recent and tells the window. */
export function openInSession(deps: WorkspaceDeps, path: string): OpenCase {
  const current = deps.session.current;
  if (current?.path === absoluteCasePath(path)) return describeOpenCase(current);
  const file = openCase(path, deps.ctx);
  return adopt(deps, file);
}

export function createInSession(deps: WorkspaceDeps, input: NewCase): OpenCase {
  const file = createCase(input, deps.ctx);
  return adopt(deps, file);
}

export async function createDemoInSession(
  deps: WorkspaceDeps,
  path: string,
  overwrite: boolean,
): Promise<OpenCase> {
  return adopt(deps, await createDemoCase(path, overwrite, deps.ctx));
}

export function closeSession(deps: WorkspaceDeps): void {
  if (deps.session.current === null) return;
  deps.session.close();
  deps.events.emit('case.changed', { reason: 'closed' });
}

function adopt(deps: WorkspaceDeps, file: ReturnType<typeof openCase>): OpenCase {
  deps.session.replace(file);
  const described = describeOpenCase(file);
  deps.recent?.remember(file.path, described.record.title, deps.ctx.now());
  deps.events.emit('case.changed', { reason: 'opened' });
  return described;
}
