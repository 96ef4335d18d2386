import { listAssessments, saveAssessment } from '../../services/obligations/assessment-service';
import { obligationsBoard, setObligationStatus } from '../../services/obligations/obligations-service';
import {
  clearHarmDetermination,
  listHarmDeterminations,
  setHarmDetermination,
} from '../../services/obligations/harm-service';
import { exportRegister } from '../../services/obligations/register-export';
import { breachRegister } from '../../services/obligations/register-service';
import { exportStatusReport } from '../../services/report/status-report';
import type { HostDeps } from '../host-deps';
import type { HandlerMap } from './handler';
import { today } from './today';

const file = (deps: HostDeps) => deps.session.require();

function obligationsChanged<T>(deps: HostDeps, result: T): T {
  deps.events.emit('case.contentChanged', { areas: ['obligations'] });
  return result;
}

export const obligationsHandlers = {
  'obligations.board': (i, d) => obligationsBoard(file(d), i.asOf, today(d)),
  'obligations.setStatus': (i, d) =>
    obligationsChanged(
      d,
      setObligationStatus(
        file(d),
        d.ctx,
        { ruleId: i.ruleId, stageId: i.stageId ?? null },
        i.asOf,
        i.status,
        today(d),
      ),
    ),
  'harm.list': (_i, d) => listHarmDeterminations(file(d)),
  'harm.set': (i, d) => obligationsChanged(d, setHarmDetermination(file(d), d.ctx, i)),
  'harm.clear': (i, d) => {
    clearHarmDetermination(file(d), d.ctx, i.jurisdiction);
    return obligationsChanged(d, { jurisdiction: i.jurisdiction });
  },
  'assessments.list': (_i, d) => listAssessments(file(d)),
  'assessments.save': (i, d) => obligationsChanged(d, saveAssessment(file(d), d.ctx, i)),
  'register.get': (i, d) => breachRegister(file(d), d.ctx, i.asOf, today(d)),
  'register.export': async (i, d) => ({
    path: await exportRegister(
      file(d),
      breachRegister(file(d), d.ctx, i.asOf, today(d)),
      i.path,
      i.overwrite,
    ),
  }),
  'report.export': (i, d) => exportStatusReport(file(d), d.ctx.now(), i.path, i.format, i.overwrite),
} satisfies HandlerMap<
  | 'obligations.board'
  | 'obligations.setStatus'
  | 'harm.list'
  | 'harm.set'
  | 'harm.clear'
  | 'assessments.list'
  | 'assessments.save'
  | 'register.get'
  | 'register.export'
  | 'report.export'
>;
