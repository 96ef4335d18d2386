import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { NoticeFormat, NoticeRun } from '../../../shared/domain/notices';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { appendAuditEntry } from '../../casefile/repos/audit-repo';
import { noticeRunTempPath } from '../../casefile/notice-runs-recovery';
import { getFacts } from '../../casefile/repos/facts-repo';
import {
  assignCode,
  codeOfPerson,
  discardRun,
  insertNotice,
  insertRun,
  nextRunSeq,
  noticeSettings,
  runById,
  setNoticeState,
  refreshUnreached,
  setRunState,
  type NoticeRow,
} from '../../casefile/repos/notices-repo';
import { recordCount } from '../../casefile/repos/roster-repo';
import { decide } from '../../notices/plan';
import { stampFor, type ServiceContext } from '../context';
import type { Job } from '../jobs';
import { LetterFrames } from './letter-frames';
import { ensureRosterPeople, planContext } from './notice-context';
import { nextTurn, noticePlan } from './plan-service';
import { plannedPeople } from './planned-people';
import { writeRunFiles, type Sender } from './write-run';

const STAGE_PAGE = 2_000;

export interface GenerateRequest {
  out: string;
  format: NoticeFormat;
  /** Writes an earlier run's files again (byte for byte) instead of planning a new run. */
  runId?: string | undefined;
}

/**
 * A notification run: plans (and stops before anything is written when it cannot be done, e.g.
 * codes run out), stages each person's notice in the case, writes the files into a temporary
 * folder beside `out`, records their hashes, then renames the folder into place. A kill at any
 * point leaves nothing half-done: the next open removes a run still writing, or finishes placing
 * one already recorded (notice-runs-recovery.ts).
 */
export async function generateNotices(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  request: GenerateRequest,
  today: string,
): Promise<{ run: NoticeRun }> {
  const out = resolve(request.out);
  refuseTarget(out);
  if (request.runId !== undefined) return writeAgain(file, ctx, job, request.runId, out, today);
  ensureRosterPeople(file);
  const plan = await noticePlan(file, request.format, today);
  if (plan.blockers.length > 0) throw new BreachdeskError('INVALID_INPUT', plan.blockers.join(' '));
  const sender = senderOf(file);
  if (plan.byChannel.email > 0 && sender.address === '')
    throw new BreachdeskError(
      'INVALID_INPUT',
      "The e-mails need a sender: record the organisation's contact e-mail or a sender address in the notice settings.",
    );
  const stamp = stampFor(ctx);
  const run: NoticeRun = {
    id: randomUUID(),
    seq: 0,
    createdAt: stamp.at,
    createdBy: stamp.actor,
    format: request.format,
    out,
    plan,
    letters: plan.letters.map((l) => ({ letterId: l.letterId, version: l.version })),
    files: [],
    fileCount: 0,
    manifestSha256: '',
    notices: plan.toNotify,
  };
  const temp = noticeRunTempPath(out, run.id);
  file.transaction((db) => {
    run.seq = nextRunSeq(db);
    insertRun(db, run, temp);
    appendAuditEntry(db, {
      ...stamp,
      action: 'notices.run_started',
      target: `notice-run:${run.id}`,
      payload: { seq: run.seq, format: run.format, plan: planCounts(plan) },
    });
  });
  try {
    mkdirSync(temp);
    await stageNotices(file, run, today, job);
    const frames = new LetterFrames(file, run.createdAt.slice(0, 10), today, noticeSettings(file.db));
    const written = await writeRunFiles(file, run, temp, frames, sender, job);
    const done: NoticeRun = { ...run, ...written };
    file.transaction((db) => {
      setRunState(db, done, 'placing');
      appendAuditEntry(db, { ...stampFor(ctx), ...generatedAudit(done) });
    });
    place(temp, out);
    file.transaction((db) => {
      setRunState(db, done, 'done');
      refreshUnreached(db);
    });
    return { run: done };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    const cancelled = error instanceof BreachdeskError && error.code === 'CANCELLED';
    file.transaction((db) => {
      const notices = discardRun(db, run.seq);
      appendAuditEntry(db, {
        ...stampFor(ctx),
        action: cancelled ? 'notices.run_cancelled' : 'notices.run_failed',
        target: `notice-run:${run.id}`,
        payload: { seq: run.seq, noticesDiscarded: notices },
      });
    });
    throw error;
  }
}

/** Each person's notice of a new run, and their activation code (given once, kept for later runs). */
async function stageNotices(file: CaseFile, run: NoticeRun, today: string, job: Job): Promise<void> {
  const ctx = planContext(file, run.format, today);
  let batch: NoticeRow[] = [];
  let offered: number[] = [];
  const flush = () => {
    const rows = batch;
    const codes = offered;
    file.transaction((db) => {
      for (const row of rows) insertNotice(db, run.seq, row);
      for (const person of codes) {
        if (codeOfPerson(db, person) === null && !assignCode(db, person, run.seq, today))
          throw new BreachdeskError(
            'INVALID_INPUT',
            'The activation codes ran out while the run was written.',
          );
      }
    });
    batch = [];
    offered = [];
  };
  let staged = 0;
  for (const person of plannedPeople(file)) {
    const decision = decide(person, ctx);
    if (decision.kind !== 'notice') continue;
    batch.push({
      person: person.id,
      jurisdiction: person.jurisdiction,
      channel: decision.channel,
      letter: decision.channel === 'unreachable' ? null : decision.letter.letterId,
      version: decision.channel === 'unreachable' ? null : decision.letter.version,
      rules: JSON.stringify(decision.rules.map((r) => r.ruleId)),
      address: decision.address,
      status: decision.channel === 'unreachable' ? 'unreachable' : 'pending',
    });
    if (decision.offered) offered.push(person.id);
    staged += 1;
    if (batch.length >= STAGE_PAGE) {
      job.throwIfCancelled('The notification run was cancelled; nothing was written.');
      flush();
      await nextTurn();
      job.report({
        phase: 'Deciding each notice',
        doneBytes: staged,
        totalBytes: run.plan.toNotify,
        doneItems: staged,
        totalItems: run.plan.toNotify,
        current: '',
      });
    }
  }
  if (batch.length > 0) flush();
}

/** Writes a finished run's files again: the same notices, letter versions, codes and dates. */
async function writeAgain(
  file: CaseFile,
  ctx: ServiceContext,
  job: Job,
  runId: string,
  out: string,
  today: string,
): Promise<{ run: NoticeRun }> {
  const found = runById(file.db, runId);
  if (found === null || found.state !== 'done')
    throw new BreachdeskError('NOT_FOUND', `There is no finished notification run ${JSON.stringify(runId)}.`);
  if (recordCount(file.db) === 0)
    throw new BreachdeskError(
      'INVALID_INPUT',
      "The roster's records were purged: the people's values a run's files hold cannot be written again.",
    );
  const temp = noticeRunTempPath(out, randomUUID());
  // Recorded before the folder exists, so a kill while writing leaves nothing the next open misses.
  file.transaction((db) => setNoticeState(db, `rewrite:${temp}`, temp));
  try {
    mkdirSync(temp);
    const frames = new LetterFrames(file, found.run.createdAt.slice(0, 10), today, noticeSettings(file.db));
    const written = await writeRunFiles(file, found.run, temp, frames, senderOf(file), job);
    place(temp, out);
    file.transaction((db) => {
      setNoticeState(db, `rewrite:${temp}`, null);
      appendAuditEntry(db, {
        ...stampFor(ctx),
        action: 'notices.run_rewritten',
        target: `notice-run:${runId}`,
        payload: {
          seq: found.run.seq,
          out,
          manifestSha256: written.manifestSha256,
          sameAsRecorded: written.manifestSha256 === found.run.manifestSha256,
        },
      });
    });
    return { run: { ...found.run, out } };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    file.transaction((db) => setNoticeState(db, `rewrite:${temp}`, null));
    throw error;
  }
}

function senderOf(file: CaseFile): Sender {
  const settings = noticeSettings(file.db);
  const facts = getFacts(file.db);
  return {
    name: settings.senderName.trim() || facts.organisation.contactName.trim() || '',
    address: settings.senderAddress.trim() || facts.organisation.contactEmail.trim(),
  };
}

/** A run's target: a new folder, or an empty one, in a folder that exists. */
function refuseTarget(out: string): void {
  if (existsSync(out)) {
    if (!statSync(out).isDirectory() || readdirSync(out).length > 0)
      throw new BreachdeskError(
        'ALREADY_EXISTS',
        `${JSON.stringify(out)} already holds files; choose a new or empty folder.`,
      );
  } else if (!existsSync(dirname(out))) {
    throw new BreachdeskError('NOT_FOUND', `The folder ${JSON.stringify(dirname(out))} does not exist.`);
  }
}

function place(temp: string, out: string): void {
  if (existsSync(out)) rmdirSync(out);
  renameSync(temp, out);
}

function planCounts(plan: NoticeRun['plan']): Record<string, unknown> {
  return {
    people: plan.people,
    toNotify: plan.toNotify,
    byChannel: plan.byChannel,
    byTemplate: plan.byTemplate,
    byLanguage: plan.byLanguage,
    withoutLetter: plan.withoutLetter.map((w) => ({ ruleId: w.ruleId, people: w.people })),
    noObligation: plan.noObligation,
    alreadyNotified: plan.alreadyNotified,
    emailBarred: plan.emailBarred,
    offer: plan.offer,
  };
}

function generatedAudit(run: NoticeRun): { action: string; target: string; payload: unknown } {
  return {
    action: 'notices.generated',
    target: `notice-run:${run.id}`,
    payload: {
      seq: run.seq,
      out: run.out,
      notices: run.notices,
      fileCount: run.fileCount,
      manifestSha256: run.manifestSha256,
      // Batch files (PDF, mbox) by hash; single e-mails are in the manifest, itself hashed.
      batches: run.files.map((f) => ({ file: f.file, sha256: f.sha256, notices: f.notices })),
      letters: run.letters,
    },
  };
}
