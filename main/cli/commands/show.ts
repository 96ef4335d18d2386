import { CASE_STATUS_LABELS } from '../../../shared/domain/case';
import { weekdayTimeInZoneText } from '../../../shared/time/zoned-time';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { formatInstant, printFields, printJson } from '../output';
import { withCase } from '../with-case';
import { elapsedFraction, type OverviewWhatNow } from '../../../shared/domain/overview';
import type { Facts } from '../../../shared/domain/facts';

const INCIDENT_STATUS_WORDS: Record<Facts['status'], string> = {
  suspected: 'Suspected',
  confirmed: 'Confirmed',
  contained: 'Contained',
  resolved: 'Resolved',
};

/** "Thu, 19 Nov 2020, 09:30 CET" in the case's zone (else UTC). */
function deadlineText(utc: string, zone: string | null): string {
  return weekdayTimeInZoneText(utc, zone ?? 'UTC');
}

/** The Overview's "What now", as lines of text. */
export function whatNowText(whatNow: OverviewWhatNow): string {
  const { counts } = whatNow;
  const now = Date.parse(whatNow.now);
  const lines = [`What now (as of ${deadlineText(whatNow.now, whatNow.zone)})`];
  lines.push(
    counts.owed === 0
      ? `  Notices: none owed yet${whatNow.factsMissing.length > 0 ? ' (facts are missing)' : ''}`
      : `  Notices: ${counts.sent} of ${counts.owed} sent (${counts.overdue} overdue, ${counts.todo} to do, ${counts.drafting} drafting, ${counts.approved} approved)`,
  );
  for (const notice of whatNow.nextDeadlines) {
    const due = notice.due ?? '';
    const elapsed = elapsedFraction(notice.clockAt, notice.due, now);
    const run = elapsed === null ? '' : `, ${Math.round(elapsed * 100)} % of the clock elapsed`;
    lines.push(`  Due: ${notice.short} ${deadlineText(due, whatNow.zone)}${run}`);
  }
  for (const decision of whatNow.decisions) {
    const what =
      decision.kind === 'gdpr_risk' ? 'GDPR risk decision' : `Harm decision (${decision.jurisdiction ?? ''})`;
    lines.push(`  Decision needed: ${what}: ${decision.question}`);
  }
  for (const fact of whatNow.factsMissing) lines.push(`  Fact missing: ${fact.label}: ${fact.why}`);
  if (whatNow.nextStep !== null)
    lines.push(`  Next step: ${whatNow.nextStep.label}. ${whatNow.nextStep.reason}`);
  return `${lines.join('\n')}\n`;
}

export const showCommand: Command = {
  name: 'show',
  summary: 'Show the case record of a case file',
  help: `Usage: breachdesk show FILE [--json]

Prints the case record (title, organisation, response stage, incident status, id, times), the
schema version and the number of audit entries, then what now: notices sent of those owed and
their states, the next three deadlines (in the case's zone, with how much of each clock has run),
the decisions needed, the facts missing and the next step (the demo case as of its own day 2). --json prints {path, schemaVersion,
record, notices, auditEntries, whatNow}; notices lists what opening repaired after a crash (also
said on stderr).

Example:
  breachdesk show incident-2020-11.bdcase --json`,
  options: { ...JSON_OPTION },
  positionals: 1,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host, opened) => {
      const { total } = await host.call('audit.list', { limit: 1 });
      // The demo case reads as of its own day 2, as the app shows it.
      const asOf = opened.demoAsOf?.at;
      const overview = await host.call('overview.get', asOf === undefined ? {} : { now: asOf });
      if (values.json === true) {
        printJson({ ...opened, auditEntries: total, whatNow: overview.whatNow });
        return EXIT.ok;
      }
      const { record } = opened;
      printFields([
        ['Title', record.title],
        ['Organisation', record.organisation],
        ['Response stage', CASE_STATUS_LABELS[record.status]],
        ['Incident status', INCIDENT_STATUS_WORDS[overview.facts.status]],
        ['Case id', record.id],
        ['Created', formatInstant(record.createdAt)],
        ['Updated', formatInstant(record.updatedAt)],
        ['Schema', String(opened.schemaVersion)],
        ['Audit log', `${total} ${total === 1 ? 'entry' : 'entries'}`],
        ['File', opened.path],
      ]);
      process.stdout.write(`\n${whatNowText(overview.whatNow)}`);
      return EXIT.ok;
    }),
};
