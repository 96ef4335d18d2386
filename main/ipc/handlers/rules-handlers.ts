import { rulePackStoreOf } from '../../services/obligations/active-pack';
import { signRulePackFile } from '../../services/obligations/rule-pack-signing';
import { listRules } from '../../services/obligations/rules-service';
import type { HostDeps } from '../host-deps';
import { dialogs } from './dialogs';
import type { HandlerMap } from './handler';

const packs = (deps: HostDeps) => rulePackStoreOf(deps.signing, deps.ctx.now);

export const rulesHandlers = {
  'rules.list': (_i, d) => {
    const { pack, source } = packs(d).active();
    return { ...listRules(pack), source };
  },
  'rules.preview': (i, d) => packs(d).preview(i.path),
  'rules.install': (i, d) => {
    const installed = packs(d).install(i.path, i.sha256);
    // An open case's board is evaluated with the new pack from now on: it reloads.
    if (d.session.current !== null) d.events.emit('case.contentChanged', { areas: ['obligations'] });
    return installed;
  },
  'rules.sign': (i, d) => signRulePackFile(d.signing, i.packPath, i.out, i.overwrite, d.ctx.now()),
  'dialog.chooseRulePack': async (_i, d) => ({ path: await dialogs(d).chooseRulePack() }),
} satisfies HandlerMap<
  'rules.list' | 'rules.preview' | 'rules.install' | 'rules.sign' | 'dialog.chooseRulePack'
>;
