import { resolve } from 'node:path';
import { DATA_ELEMENT_TERMS, type DataElementTerm } from '../../../shared/domain/data-elements';
import type { NoticePlan, NoticeStatusView, StatusCounts } from '../../../shared/domain/notices';
import { NOTICE_FORMATS, type NoticeFormat } from '../../../shared/domain/notices';
import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printFields, printJson } from '../output';
import { CliJob } from '../progress';
import { withCase } from '../with-case';

const count = (n: number) => n.toLocaleString('en-US');

function formatOf(value: unknown): NoticeFormat {
  if (value === undefined) return 'eml';
  const format = NOTICE_FORMATS.find((f) => f === value);
  if (format === undefined) throw new CliFailure('--format takes eml, mbox or pdf.', EXIT.usage);
  return format;
}

export const noticesPlanCommand: Command = {
  name: 'notices plan',
  summary: 'Show what a notification run would write, as counts, before anything is written',
  help: `Usage: breachdesk notices plan CASE [--format eml|mbox|pdf] [--json]

Decides, for every affected person in the roster, which notices to individuals reach them (their
jurisdiction and their own exposed data), which approved letter and language, and the channel:
e-mail where an address is known and allowed, post where a postal address is known, otherwise
unreachable. Prints the counts per channel, template, language and jurisdiction, the notices
with no approved letter yet, and what would stop the run (e.g. activation codes that run out).
Nothing is written. --format pdf plans a print-only run. --json holds byTemplate, byChannel
(email, post, unreachable), byJurisdiction and withoutLetter.

Example:
  breachdesk notices plan incident.bdcase`,
  options: { ...JSON_OPTION, format: { type: 'string' } },
  positionals: 1,
  run: ({ positionals, values }) => {
    const format = formatOf(values.format);
    return withCase(positionals[0] ?? '', async (host) => {
      const plan = await host.call('notices.plan', { format });
      if (values.json === true) printJson(plan);
      else printPlan(plan);
      return EXIT.ok;
    });
  },
};

function printPlan(plan: NoticePlan): void {
  printFields([
    ['People affected', count(plan.people)],
    ['To notify', count(plan.toNotify)],
    [
      'By channel',
      `e-mail ${count(plan.byChannel.email)} · post ${count(plan.byChannel.post)} · unreachable ${count(plan.byChannel.unreachable)}`,
    ],
    [
      'By template',
      Object.entries(plan.byTemplate)
        .map(([t, n]) => `${t} ${count(n)}`)
        .join(' · ') || 'none',
    ],
    [
      'By language',
      Object.entries(plan.byLanguage)
        .map(([l, n]) => `${l} ${count(n)}`)
        .join(' · ') || 'none',
    ],
    ['Already notified', count(plan.alreadyNotified)],
    ['No notice reaches', count(plan.noObligation)],
    ...(plan.emailBarred > 0
      ? ([['E-mail not used', `${count(plan.emailBarred)} (their breached mailbox)`]] as [string, string][])
      : []),
    ...(plan.offer === null
      ? []
      : ([
          [
            'Offer',
            `${count(plan.offer.offered)} offered · ${count(plan.offer.alreadyAssigned)} hold a code · ${count(plan.offer.needed)} need one · ${count(plan.offer.available)} codes available`,
          ],
        ] as [string, string][])),
  ]);
  const places = Object.entries(plan.byJurisdiction).sort(([a], [b]) => a.localeCompare(b));
  if (places.length > 0) {
    process.stdout.write('\nBy jurisdiction:\n');
    for (const [code, row] of places)
      process.stdout.write(
        `  ${code.padEnd(8)} ${count(row.people).padStart(10)}  e-mail ${count(row.email)} · post ${count(row.post)} · unreachable ${count(row.unreachable)}\n`,
      );
  }
  for (const w of plan.withoutLetter)
    process.stdout.write(`No approved letter: ${w.title} (${w.ruleId}): ${count(w.people)} people wait.\n`);
  for (const d of plan.decisionNeeded)
    process.stdout.write(`Decision needed: ${d.title} (${d.ruleId}): ${count(d.people)} people wait.\n`);
  for (const blocker of plan.blockers) process.stdout.write(`Cannot write: ${blocker}\n`);
}

export const noticesGenerateCommand: Command = {
  name: 'notices generate',
  summary: 'Write the notices of a run: .eml files or mbox batches, PDF print batches and manifest.csv',
  help: `Usage: breachdesk notices generate CASE --out DIR [--format eml|mbox|pdf] [--run RUN_ID] [--json]

Writes a notification run into DIR (a new or empty folder): one RFC 5322 .eml per person reached
by e-mail (in folders of a thousand), or one mbox per 5,000 with --format mbox; PDF batches of 500
letters for people reached by post (address placed for a window envelope) with the mail house's
manifest print/mailhouse-manifest.csv; and manifest.csv (personId,address,file,sha256, file
relative to the manifest). --format pdf writes a print-only run. Nothing is sent: the files are
for the organisation's mail system or mail house. The run stops before anything is written when
it cannot be done (e.g. activation codes run out). With --run RUN_ID an earlier run's files are
written again, byte for byte. Ctrl+C cancels and leaves nothing.

Example:
  breachdesk notices generate incident.bdcase --out notices-2026-03-10`,
  options: { ...JSON_OPTION, out: { type: 'string' }, format: { type: 'string' }, run: { type: 'string' } },
  positionals: 1,
  run: ({ positionals, values }) => {
    if (typeof values.out !== 'string' || values.out === '')
      throw new CliFailure('notices generate needs --out DIR, a new or empty folder.', EXIT.usage);
    const format = formatOf(values.format);
    const out = resolve(values.out);
    const job = new CliJob();
    return withCase(
      positionals[0] ?? '',
      async (host) => {
        const { run } = await job.run(host, (jobId) =>
          host.call('notices.generate', {
            jobId,
            out,
            format,
            ...(typeof values.run === 'string' ? { runId: values.run } : {}),
          }),
        );
        if (values.json === true) printJson(run);
        else
          printFields([
            ['Run', `${run.seq} (${run.id})`],
            ['Folder', run.out],
            ['Notices', count(run.notices)],
            [
              'By channel',
              `e-mail ${count(run.plan.byChannel.email)} · post ${count(run.plan.byChannel.post)} · unreachable ${count(run.plan.byChannel.unreachable)}`,
            ],
            ['Files', count(run.fileCount)],
            ['manifest.csv', run.manifestSha256],
          ]);
        return EXIT.ok;
      },
      job.events,
    );
  },
};

export const noticesTrackCommand: Command = {
  name: 'notices track',
  summary: 'Read bounces (delivery reports, CSV) or returned mail (CSV) and record each outcome',
  help: `Usage: breachdesk notices track CASE FILE... [--returned] [--json]

Reads what came back of the notices: delivery status notifications saved as .eml files (RFC 3464),
CSV lists of e-mail outcomes (columns such as email/address or personId, and status: delivered,
bounced, failed…), or with --returned a mail house's CSV of letters that came back. Each outcome is
recorded on the person's latest notice; a bounced or returned person is planned on the other
channel by the next run. The audit log records the files' hashes and the counts.

Example:
  breachdesk notices track incident.bdcase bounces/*.eml esp-events.csv
  breachdesk notices track incident.bdcase returned-mail.csv --returned`,
  options: { ...JSON_OPTION, returned: { type: 'boolean' } },
  positionals: [2, 10_000],
  run: ({ positionals, values }) => {
    const [casePath, ...files] = positionals;
    if (files.length === 0)
      throw new CliFailure('notices track needs at least one FILE to read.', EXIT.usage);
    return withCase(casePath ?? '', async (host) => {
      const result = await host.call('notices.track', {
        paths: files.map((f) => resolve(f)),
        kind: values.returned === true ? 'returned' : 'bounces',
      });
      if (values.json === true) printJson(result);
      else {
        printFields([
          ['Files', count(result.files)],
          ['Outcomes read', count(result.entries)],
          ['Matched', count(result.matched)],
          ['Not matched', count(result.unmatched)],
          [
            'By outcome',
            Object.entries(result.byOutcome)
              .map(([o, n]) => `${o} ${count(n)}`)
              .join(' · ') || 'none',
          ],
        ]);
        for (const bad of result.badRows.slice(0, 20))
          process.stdout.write(`  ${bad.file} line ${bad.line}: ${bad.message}\n`);
      }
      return EXIT.ok;
    });
  },
};

const STATUS_LABELS: readonly [keyof StatusCounts, string][] = [
  ['to_do', 'To do'],
  ['pending', 'Sent, no news'],
  ['delivered', 'Delivered'],
  ['bounced', 'Bounced'],
  ['returned', 'Returned'],
  ['unreachable', 'Unreachable'],
  ['substitute', 'Substitute notice'],
];

export const noticesStatusCommand: Command = {
  name: 'notices status',
  summary: 'Where every affected person stands: delivered, bounced, returned, unreachable, substitute',
  help: `Usage: breachdesk notices status CASE [--json]

Counts every affected person by their latest notice (to do, sent with no news yet, delivered,
bounced, returned, unreachable, covered by substitute notice), per jurisdiction, lists the runs
with their manifest hashes, the activation codes, and whether the law's substitute-notice
condition is met for the people not reached.

Example:
  breachdesk notices status incident.bdcase --json`,
  options: { ...JSON_OPTION },
  positionals: 1,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host) => {
      const status = await host.call('notices.status', {});
      if (values.json === true) printJson(status);
      else printStatus(status);
      return EXIT.ok;
    }),
};

function printStatus(status: NoticeStatusView): void {
  printFields([
    ['People affected', count(status.people)],
    ...STATUS_LABELS.map(([key, label]): [string, string] => [label, count(status.byStatus[key])]),
    [
      'Codes',
      `${count(status.codes.total)} (${count(status.codes.assigned)} given, ${count(status.codes.available)} available)`,
    ],
  ]);
  for (const run of status.runs)
    process.stdout.write(
      `Run ${run.seq} ${run.createdAt.slice(0, 16).replace('T', ' ')} UTC ${run.format}: ${count(run.notices)} notices in ${run.out} (manifest ${run.manifestSha256.slice(0, 12)}…)\n`,
    );
  for (const s of status.substitute)
    if (s.unreached > 0 || s.available === 'yes')
      process.stdout.write(`${s.title}: ${s.text} (${s.citation})\n`);
}

export const noticesCodesCommand: Command = {
  name: 'notices codes',
  summary: 'Import activation codes for the offer that comes with the notices (CSV: code, expires)',
  help: `Usage: breachdesk notices codes CASE FILE [--json]

Imports credit-monitoring or identity-protection activation codes from a CSV whose first line
names a "code" column and, optionally, "expires" (YYYY-MM-DD). Each person offered the service is
given one code, once, when a run is written. The codes stay in the case; they are never printed
or audited.

Example:
  breachdesk notices codes incident.bdcase activation-codes.csv`,
  options: { ...JSON_OPTION },
  positionals: 2,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host) => {
      const result = await host.call('notices.importCodes', { path: resolve(positionals[1] ?? '') });
      if (values.json === true) printJson(result);
      else
        process.stdout.write(
          `Imported ${count(result.imported)} codes (${count(result.duplicates)} already held); ${count(result.available)} of ${count(result.total)} available.\n`,
        );
      return EXIT.ok;
    }),
};

const YES_NO = (name: string, value: unknown): boolean | undefined => {
  if (value === undefined) return undefined;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  throw new CliFailure(`--${name} takes yes or no.`, EXIT.usage);
};

/** "ssn,drivers_licence" → data element terms; an unknown term is a usage error. */
function termsOf(list: string): DataElementTerm[] {
  return list.split(',').map((raw) => {
    const term = DATA_ELEMENT_TERMS.find((t) => t === raw.trim());
    if (term === undefined)
      throw new CliFailure(
        `--offer-to: ${JSON.stringify(raw.trim())} is not a data element term (e.g. ssn, drivers_licence).`,
        EXIT.usage,
      );
    return term;
  });
}

export const noticesSettingsCommand: Command = {
  name: 'notices settings',
  summary: 'Show or change how notices are sent: channels, sender, the breached-mailbox rule, the offer',
  help: `Usage: breachdesk notices settings CASE [--email-allowed yes|no] [--prefer email|post]
       [--org-email-credentials yes|no] [--sender-name NAME] [--sender-address ADDRESS]
       [--offer SERVICE --enrol-by YYYY-MM-DD [--offer-to all|TERM,TERM…]] [--no-offer] [--json]

--org-email-credentials yes: the breached credentials are those of e-mail accounts the
organisation provides, so a person whose password or security answer was exposed is never sent
the notice at that address (California Civil Code §1798.82). --offer turns on the offer of a
service (credit monitoring) with an enrolment deadline, to everyone or to people whose own
exposed data includes one of the listed data element terms (e.g. ssn,drivers_licence).

Example:
  breachdesk notices settings incident.bdcase --org-email-credentials yes --prefer email
  breachdesk notices settings incident.bdcase --offer "24 months of credit monitoring" --enrol-by 2026-09-30 --offer-to ssn`,
  options: {
    ...JSON_OPTION,
    'email-allowed': { type: 'string' },
    prefer: { type: 'string' },
    'org-email-credentials': { type: 'string' },
    'sender-name': { type: 'string' },
    'sender-address': { type: 'string' },
    offer: { type: 'string' },
    'enrol-by': { type: 'string' },
    'offer-to': { type: 'string' },
    'no-offer': { type: 'boolean' },
  },
  positionals: 1,
  run: ({ positionals, values }) => {
    const prefer = values.prefer;
    if (prefer !== undefined && prefer !== 'email' && prefer !== 'post')
      throw new CliFailure('--prefer takes email or post.', EXIT.usage);
    return withCase(positionals[0] ?? '', async (host) => {
      const current = await host.call('notices.settings', {});
      const emailAllowed = YES_NO('email-allowed', values['email-allowed']);
      const credentials = YES_NO('org-email-credentials', values['org-email-credentials']);
      const offerTo = typeof values['offer-to'] === 'string' ? values['offer-to'] : undefined;
      const patch = {
        ...(emailAllowed === undefined ? {} : { emailAllowed }),
        ...(prefer === 'email'
          ? { prefer: 'email' as const }
          : prefer === 'post'
            ? { prefer: 'post' as const }
            : {}),
        ...(credentials === undefined ? {} : { credentialsAreOrgEmail: credentials }),
        ...(typeof values['sender-name'] === 'string' ? { senderName: values['sender-name'] } : {}),
        ...(typeof values['sender-address'] === 'string' ? { senderAddress: values['sender-address'] } : {}),
        ...(values['no-offer'] === true
          ? { offer: { ...current.offer, enabled: false } }
          : typeof values.offer === 'string'
            ? {
                offer: {
                  enabled: true,
                  service: values.offer,
                  enrolBy:
                    typeof values['enrol-by'] === 'string' ? values['enrol-by'] : current.offer.enrolBy,
                  elements: offerTo === undefined || offerTo === 'all' ? [] : termsOf(offerTo),
                },
              }
            : {}),
      };
      const settings =
        Object.keys(patch).length === 0 ? current : await host.call('notices.updateSettings', patch);
      if (values.json === true) printJson(settings);
      else
        printFields([
          ['E-mail allowed', settings.emailAllowed ? 'yes' : 'no'],
          ['Prefer', settings.prefer],
          [
            'Breached mailboxes are ours',
            settings.credentialsAreOrgEmail ? 'yes: never e-mailed there' : 'no',
          ],
          [
            'Sender',
            [settings.senderName, settings.senderAddress || "(the organisation's contact e-mail)"]
              .filter((part) => part !== '')
              .join(', '),
          ],
          [
            'Offer',
            settings.offer.enabled
              ? `${settings.offer.service}, enrol by ${settings.offer.enrolBy ?? '(no date)'}, to ${settings.offer.elements.length === 0 ? 'everyone' : settings.offer.elements.join(', ')}`
              : 'none',
          ],
        ]);
      return EXIT.ok;
    });
  },
};

export const noticesSubstituteCommand: Command = {
  name: 'notices substitute',
  summary: 'Record that substitute notice was given for the people no notice reached',
  help: `Usage: breachdesk notices substitute CASE --posted-on YYYY-MM-DD [--rule RULE_ID] [--json]

Where the law allows substitute notice (too many people, too costly, or contact details
insufficient: notices status says which), records that it was given (website posting, statewide
media) on the date given: every person of those jurisdictions whose notice bounced, came back or
could not be sent is then covered by substitute notice. Draft the posting and the media statement
from the templates substitute-web-notice and substitute-media-notice (letter draft --template).

Example:
  breachdesk notices substitute incident.bdcase --posted-on 2026-03-20`,
  options: { ...JSON_OPTION, 'posted-on': { type: 'string' }, rule: { type: 'string', multiple: true } },
  positionals: 1,
  run: ({ positionals, values }) => {
    if (typeof values['posted-on'] !== 'string')
      throw new CliFailure('notices substitute needs --posted-on YYYY-MM-DD.', EXIT.usage);
    const postedOn = values['posted-on'];
    const rules = Array.isArray(values.rule)
      ? values.rule.filter((r): r is string => typeof r === 'string')
      : [];
    return withCase(positionals[0] ?? '', async (host) => {
      const status = await host.call('notices.recordSubstitute', { postedOn, ruleIds: rules });
      if (values.json === true) printJson(status);
      else printStatus(status);
      return EXIT.ok;
    });
  },
};

export const NOTICES_COMMANDS: readonly Command[] = [
  noticesPlanCommand,
  noticesGenerateCommand,
  noticesTrackCommand,
  noticesStatusCommand,
  noticesCodesCommand,
  noticesSettingsCommand,
  noticesSubstituteCommand,
];
