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
  refreshUnreached,
  saveNoticeSettings,
  setNoticeStatus,
} from '../../casefile/repos/notices-repo';
import { rosterGroups } from '../../casefile/repos/roster-repo';
import { elementsKey, rosterGroupKey } from '../../../shared/domain/roster';
import { rosterJurisdiction } from '../../../shared/obligations/facts-needed';
import type { Obligation } from '../../../shared/obligations/obligation';
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
  no_notice: 0,
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
  const result = evaluateCase(file, undefined, today);
  const reaching = new Set(
    [...result.obligations, ...result.decisionNeeded]
      .filter((o) => o.recipient.kind === 'affected_individuals')
      .flatMap((o) => o.rosterGroups),
  );
  const byJurisdiction: Record<string, StatusCounts> = {};
  const byStatus = zero();
  let people = 0;
  // Who a notice reaches comes from the counts (the groups), not from every person.
  for (const group of rosterGroups(db)) {
    const counts = (byJurisdiction[group.jurisdiction] ??= zero());
    const key = rosterGroupKey(rosterJurisdiction(group.jurisdiction), elementsKey(group.elements));
    const bucket = reaching.has(key) ? 'to_do' : 'no_notice';
    counts[bucket] += group.people;
    byStatus[bucket] += group.people;
    people += group.people;
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
    substitute: substituteOf(result.obligations, byJurisdiction),
    codes: codeCounts(db, today),
    settings: noticeSettings(db),
  };
}

function substituteOf(
  obligations: readonly Obligation[],
  byJurisdiction: Readonly<Record<string, StatusCounts>>,
): NoticeStatusView['substitute'] {
  return obligations
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
