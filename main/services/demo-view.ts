import { z } from 'zod';
import type { OpenCase } from '../../shared/domain/case';
import type { CaseFile } from '../casefile/case-file';
import { DEMO_MARK, readDemoMark } from '../casefile/repos/demo-repo';
import { changeWithAudit } from './audited';
import type { ServiceContext } from './context';

type DemoView = NonNullable<OpenCase['demoAsOf']>;

/**
 * The moment the demo case is shown as of: its own day 2, 17 Nov 2020 16:00 in Stockholm (the
 * case's zone), the day after the company became aware (16 Nov 09:30). Its clocks then read as
 * in a live incident ("Art. 33 due in 41 h") instead of "overdue by 2,207 d".
 */
export const DEMO_VIEW: DemoView = { at: '2020-11-17T15:00:00.000Z', zone: 'Europe/Stockholm' };

const demoMarkSchema = z.object({
  viewAsOf: z.iso.datetime({ offset: false }),
  zone: z.string().min(1),
});

/**
 * Marks a case file as the demo case, with the moment it is shown as of: an audit entry
 * ("demo.built"), so the mark travels with the file (closing and reopening it, a bundle of it)
 * and a case that is not the demo never has it. A view setting, not a fact: the case's facts,
 * statuses and letters are untouched, and the app can show the real clock at any time.
 */
export function markAsDemo(file: CaseFile, ctx: ServiceContext, view: DemoView = DEMO_VIEW): void {
  const payload = demoMarkSchema.parse({ viewAsOf: view.at, zone: view.zone });
  changeWithAudit(file, ctx, () => ({ result: undefined, audit: { ...DEMO_MARK, payload } }));
}

/** The moment the demo case is shown as of and the case's zone, or null for a case that is not the demo. */
export function demoViewOf(file: CaseFile): DemoView | null {
  const parsed = demoMarkSchema.safeParse(readDemoMark(file.db));
  return parsed.success ? { at: parsed.data.viewAsOf, zone: parsed.data.zone } : null;
}
