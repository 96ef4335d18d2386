import { auditPage } from '../../services/audit-service';
import { appInfo } from '../../services/case-service';
import { dialogs } from './dialogs';
import type { HandlerMap } from './handler';

export const appHandlers = {
  'app.info': (_input, deps) => appInfo(deps.passphrases !== null),
  'audit.list': (input, deps) => auditPage(deps.session.require(), input.beforeSeq, input.limit),
  'recent.list': (_input, deps) =>
    deps.recent?.listWithGlance(deps.ctx.now(), (path) => deps.passphrases?.recall(path) ?? null) ?? [],
  'recent.forget': (input, deps) => {
    deps.recent?.forget(input.path);
    return null;
  },
  'dialog.chooseNewCasePath': async (input, deps) => ({
    path: await dialogs(deps).chooseNewCasePath(input.suggestedName),
  }),
  'dialog.chooseCaseToOpen': async (_input, deps) => ({ path: await dialogs(deps).chooseCaseToOpen() }),
  'dialog.chooseEvidence': async (input, deps) => ({
    paths: await dialogs(deps).chooseEvidence(input.folders),
  }),
  'dialog.chooseExportPath': async (input, deps) => ({
    path: await dialogs(deps).chooseExportPath(input.suggestedName),
  }),
  'dialog.chooseBundle': async (_input, deps) => ({ path: await dialogs(deps).chooseBundle() }),
  'dialog.chooseBundlePath': async (input, deps) => ({
    path: await dialogs(deps).chooseBundlePath(input.suggestedName),
  }),
} satisfies HandlerMap<
  | 'app.info'
  | 'audit.list'
  | 'recent.list'
  | 'recent.forget'
  | 'dialog.chooseNewCasePath'
  | 'dialog.chooseCaseToOpen'
  | 'dialog.chooseEvidence'
  | 'dialog.chooseExportPath'
  | 'dialog.chooseBundle'
  | 'dialog.chooseBundlePath'
>;
