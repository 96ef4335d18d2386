import {
  noticeSettingsSchema,
  type NoticeSettings,
  type NoticeStatusView,
  type StatusCounts,
} from '../../../shared/domain/notices';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { appendAuditEntry } from '../../casefile/repos/audit-repo';
import {
  codeCounts,
  doneRuns,
  latestNoticesWithStatus,
  latestStatusCounts,
  noticeSettings,
  peopleByJurisdiction,
  refreshUnreached,
  saveNoticeSettings,
  setNoticeStatus,
} from '../../casefile/repos/notices-repo';
import { stampFor, type ServiceContext } from '../context';
import { evaluateCase } from '../obligations/obligations-service';
import { ensureRosterPeople } from './notice-context';

const UNREACHED = ['bounced', 'returned', 'unreachable'] as const;

const zero = (): StatusCounts => ({
  to_do: 0,
  pending: 0,
  delivered: 0,
  bounced: 0,
  returned: 0,
  unreachable: 0,
  substitute: 0,
});

/**
 * Where every affected person stands, by their latest notice: to do (no notice yet), pending
 * (written, nothing heard), delivered, bounced, returned, unreachable, or covered by substitute
 * notice; per jurisdiction; with the runs, the codes, and, per notice to individuals, whether
 * the law's substitute-notice condition is met for the people not reached.
 */
export function noticeStatus(file: CaseFile, today: string): NoticeStatusView {
  ensureRosterPeople(file);
  const { db } = file;
  const byJurisdiction: Record<string, StatusCounts> = {};
  const byStatus = zero();
  let people = 0;
  for (const row of peopleByJurisdiction(db)) {
    const counts = (byJurisdiction[row.jurisdiction] ??= zero());
    counts.to_do += row.people;
    byStatus.to_do += row.people;
    people += row.people;
  }
  for (const row of latestStatusCounts(db)) {
    const counts = (byJurisdiction[row.jurisdiction] ??= zero());
    counts[row.status] += row.people;
    counts.to_do = Math.max(0, counts.to_do - row.people);
    byStatus[row.status] += row.people;
    byStatus.to_do = Math.max(0, byStatus.to_do - row.people);
  }
  return {
    people,
    byStatus,
    byJurisdiction,
    runs: doneRuns(db),
    substitute: substituteOf(file, byJurisdiction, today),
    codes: codeCounts(db, today),
    settings: noticeSettings(db),
  };
}

function substituteOf(
  file: CaseFile,
  byJurisdiction: Readonly<Record<string, StatusCounts>>,
  today: string,
): NoticeStatusView['substitute'] {
  const result = evaluateCase(file, undefined, today);
  return result.obligations
    .filter((o) => o.recipient.kind === 'affected_individuals' && o.substituteNotice !== null)
    .map((o) => {
      const jurisdictions = jurisdictionsOf(o.rosterGroups);
      const unreached = jurisdictions.reduce((sum, code) => {
        const counts = byJurisdiction[code];
        return sum + (counts === undefined ? 0 : UNREACHED.reduce((s, status) => s + counts[status], 0));
      }, 0);
      return {
        ruleId: o.ruleId,
        title: o.title,
        jurisdiction: o.jurisdiction,
        unreached,
        available: o.substituteNotice?.available ?? 'no',
        text: o.substituteNotice?.text ?? '',
        citation: o.substituteNotice?.citation ?? '',
      };
    });
}

/** The roster jurisdictions a notice's groups name ("ZZ" is the roster's unknown residency). */
function jurisdictionsOf(groups: readonly string[]): string[] {
  return [...new Set(groups.map((g) => g.split('|')[0] ?? ''))].map((code) =>
    code === 'ZZ' ? 'unknown' : code,
  );
}

/**
 * Records that substitute notice was given (posted, sent to the media) for the people whose
 * notice did not reach them, in the jurisdictions whose law allows it now; audited as counts.
 */
export function recordSubstitute(
  file: CaseFile,
  ctx: ServiceContext,
  input: { postedOn: string; ruleIds: readonly string[] },
  today: string,
): NoticeStatusView {
  const status = noticeStatus(file, today);
  const open = status.substitute.filter(
    (s) => s.available === 'yes' && (input.ruleIds.length === 0 || input.ruleIds.includes(s.ruleId)),
  );
  if (open.length === 0)
    throw new BreachdeskError(
      'INVALID_INPUT',
      'No notice to individuals allows substitute notice on the current counts; nothing was recorded.',
    );
  const result = evaluateCase(file, undefined, today);
  const jurisdictions = [
    ...new Set(
      open.flatMap((s) =>
        jurisdictionsOf(result.obligations.find((o) => o.ruleId === s.ruleId)?.rosterGroups ?? []),
      ),
    ),
  ];
  const stamp = stampFor(ctx);
  file.transaction((db) => {
    const ids = latestNoticesWithStatus(db, jurisdictions, UNREACHED);
    for (const id of ids)
      setNoticeStatus(db, id, 'substitute', stamp.at, `Substitute notice given on ${input.postedOn}.`);
    refreshUnreached(db);
    appendAuditEntry(db, {
      ...stamp,
      action: 'notices.substitute_recorded',
      target: 'notices',
      payload: { postedOn: input.postedOn, rules: open.map((s) => s.ruleId), people: ids.length },
    });
  });
  return noticeStatus(file, today);
}

export function readNoticeSettings(file: CaseFile): NoticeSettings {
  return noticeSettings(file.db);
}

/** Changes how notices are sent (audited with the settings, which hold no personal data). */
export function updateNoticeSettings(
  file: CaseFile,
  ctx: ServiceContext,
  patch: Partial<NoticeSettings>,
): NoticeSettings {
  const next = noticeSettingsSchema.parse({ ...noticeSettings(file.db), ...patch });
  if (next.senderAddress !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(next.senderAddress))
    throw new BreachdeskError('INVALID_INPUT', 'The sender address is not an e-mail address.');
  const stamp = stampFor(ctx);
  file.transaction((db) => {
    saveNoticeSettings(db, next);
    appendAuditEntry(db, { ...stamp, action: 'notices.settings_changed', target: 'notices', payload: next });
  });
  return next;
}
