import { runJob } from '../../services/jobs';
import { importCodes } from '../../services/notices/codes-service';
import { generateNotices } from '../../services/notices/generate-service';
import { noticePlan } from '../../services/notices/plan-service';
import {
  noticeStatus,
  readNoticeSettings,
  recordSubstitute,
  updateNoticeSettings,
} from '../../services/notices/status-service';
import { trackNotices } from '../../services/notices/track-service';
import type { HostDeps } from '../host-deps';
import { dialogs } from './dialogs';
import type { HandlerMap } from './handler';
import { today } from './today';

const file = (deps: HostDeps) => deps.session.require();

/** Notices changed: their tab, and the board (substitute notice turns on who was reached). */
function noticesChanged<T>(deps: HostDeps, result: T): T {
  deps.events.emit('case.contentChanged', { areas: ['notices', 'obligations'] });
  return result;
}

export const noticesHandlers = {
  'notices.settings': (_i, d) => readNoticeSettings(file(d)),
  'notices.updateSettings': (i, d) => noticesChanged(d, updateNoticeSettings(file(d), d.ctx, i)),
  'notices.plan': (i, d) => noticePlan(file(d), i.format, today(d)),
  'notices.generate': async (i, d) =>
    noticesChanged(
      d,
      await runJob(i.jobId, 'notices-generate', d.events, (job) =>
        generateNotices(file(d), d.ctx, job, { out: i.out, format: i.format, runId: i.runId }, today(d)),
      ),
    ),
  'notices.track': async (i, d) => noticesChanged(d, await trackNotices(file(d), d.ctx, i.paths, i.kind)),
  'notices.status': (_i, d) => noticeStatus(file(d), today(d)),
  'notices.importCodes': async (i, d) =>
    noticesChanged(d, await importCodes(file(d), d.ctx, i.path, today(d))),
  'notices.recordSubstitute': (i, d) => noticesChanged(d, recordSubstitute(file(d), d.ctx, i, today(d))),
  'dialog.chooseNoticesFolder': async (_i, d) => ({
    path: await dialogs(d).chooseNoticesFolder(`notices-${today(d)}`),
  }),
  'dialog.chooseTrackingFiles': async (_i, d) => ({ paths: await dialogs(d).chooseTrackingFiles() }),
  'dialog.chooseCodesFile': async (_i, d) => ({ path: await dialogs(d).chooseCodesFile() }),
} satisfies HandlerMap<
  | 'notices.settings'
  | 'notices.updateSettings'
  | 'notices.plan'
  | 'notices.generate'
  | 'notices.track'
  | 'notices.status'
  | 'notices.importCodes'
  | 'notices.recordSubstitute'
  | 'dialog.chooseNoticesFolder'
  | 'dialog.chooseTrackingFiles'
  | 'dialog.chooseCodesFile'
>;
