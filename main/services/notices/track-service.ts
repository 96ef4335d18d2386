import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { NoticeStatus, TrackResult } from '../../../shared/domain/notices';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { appendAuditEntry } from '../../casefile/repos/audit-repo';
import {
  latestNoticeByAddress,
  latestNoticeOfPerson,
  refreshUnreached,
  setNoticeStatus,
  type StoredNotice,
} from '../../casefile/repos/notices-repo';
import { parseDeliveryReport } from '../../formats/mime/delivery-report';
import { parseTrackingCsv, type TrackingKind } from '../../notices/tracking-csv';
import { stampFor, type ServiceContext } from '../context';

/** One outcome read from a file, before it is matched to a notice. */
interface Outcome {
  personId: number | null;
  address: string | null;
  /** `${runId}.${personId}` from the X-Breachdesk-Notice header a bounce carried back. */
  noticeKey: string | null;
  status: Extract<NoticeStatus, 'delivered' | 'bounced' | 'returned'>;
  detail: string | null;
}

/** A delivery report's action as an outcome: "delayed" and "relayed" say nothing final yet. */
const DSN_OUTCOMES: Record<string, Outcome['status'] | undefined> = {
  failed: 'bounced',
  delivered: 'delivered',
};

/**
 * Reads what came back of the notices: delivery reports (.eml, RFC 3464), CSV lists of e-mail
 * outcomes, or a mail house's returned letters, and records each person's outcome on their
 * latest notice. A delivered notice is not marked bounced by a later, older report of a delay;
 * a bounce or a return is final for that channel (the next run tries the other one). Audited as
 * counts and the files' hashes: the files hold addresses.
 */
export async function trackNotices(
  file: CaseFile,
  ctx: ServiceContext,
  paths: readonly string[],
  kind: TrackingKind,
): Promise<TrackResult> {
  const outcomes: Outcome[] = [];
  const badRows: TrackResult['badRows'] = [];
  const hashes: { file: string; sha256: string; bytes: number }[] = [];
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw new BreachdeskError('NOT_FOUND', `${JSON.stringify(path)} could not be read.`);
    }
    hashes.push({
      file: basename(path),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    });
    if (looksLikeMessage(path, bytes)) {
      const report = await parseDeliveryReport(bytes).catch(() => null);
      if (report === null) {
        badRows.push({ file: basename(path), line: 1, message: 'This message is not a delivery report.' });
        continue;
      }
      for (const recipient of report.recipients) {
        const status = DSN_OUTCOMES[recipient.action];
        if (status === undefined) continue;
        outcomes.push({
          personId: null,
          address: recipient.finalRecipient,
          noticeKey: report.noticeId,
          status,
          detail: [recipient.status, recipient.diagnostic].filter((p) => p !== null && p !== '').join(' '),
        });
      }
      continue;
    }
    const parsed = parseTrackingCsv(bytes.toString('utf8'), { kind });
    for (const bad of parsed.badRows) badRows.push({ file: basename(path), ...bad });
    for (const entry of parsed.entries) {
      outcomes.push({
        personId: entry.personId,
        address: entry.address?.toLowerCase() ?? null,
        noticeKey: null,
        status: entry.outcome,
        detail: entry.detail,
      });
    }
  }

  const stamp = stampFor(ctx);
  return file.transaction((db) => {
    const byOutcome: Record<string, number> = {};
    let matched = 0;
    for (const outcome of outcomes) {
      const notice = noticeFor(db, outcome);
      if (notice === null) continue;
      matched += 1;
      byOutcome[outcome.status] = (byOutcome[outcome.status] ?? 0) + 1;
      setNoticeStatus(db, notice.id, outcome.status, stamp.at, outcome.detail);
    }
    refreshUnreached(db);
    const result: TrackResult = {
      files: paths.length,
      entries: outcomes.length,
      matched,
      unmatched: outcomes.length - matched,
      byOutcome,
      badRows,
    };
    appendAuditEntry(db, {
      ...stamp,
      action: 'notices.tracked',
      target: 'notices',
      payload: {
        kind,
        files: hashes,
        entries: result.entries,
        matched,
        unmatched: result.unmatched,
        byOutcome,
        badRows: badRows.length,
      },
    });
    return result;
  });
}

type Db = CaseFile['db'];

function noticeFor(db: Db, outcome: Outcome): StoredNotice | null {
  const channel = outcome.status === 'returned' ? 'post' : 'email';
  const person = outcome.noticeKey === null ? outcome.personId : Number(outcome.noticeKey.split('.').pop());
  if (person !== null && Number.isSafeInteger(person)) {
    const notice = latestNoticeOfPerson(db, person, channel);
    if (notice !== null) return notice;
  }
  if (outcome.address !== null && channel === 'email')
    return latestNoticeByAddress(db, outcome.address, channel);
  return null;
}

function looksLikeMessage(path: string, bytes: Buffer): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.eml' || ext === '.msg') return true;
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return false;
  // A message starts with header fields ("Return-Path:", "Received:"…), a CSV with its column names.
  return /^[A-Za-z-]+:[ \t]/.test(bytes.subarray(0, 200).toString('latin1'));
}
