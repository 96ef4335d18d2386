import { dataElementLabel } from '../../../shared/domain/data-elements';
import { demoViewOf } from '../demo-view';
import type { Facts } from '../../../shared/domain/facts';
import type { BoardRow } from '../../../shared/domain/obligation-status';
import { refuseRosterValues, textOfHtml } from '../notices/pii-guard';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { jurisdictionName } from '../../../shared/jurisdictions/jurisdictions';
import { personalDataFindings } from '../../../shared/letters/checks';
import type { BlockNode, InlineNode, LetterDocument, TableCellNode } from '../../../shared/letters/document';
import type { MergeFieldId } from '../../../shared/letters/merge-fields';
import type { Obligation } from '../../../shared/obligations/obligation';
import { localTextOf, type ZonedTime } from '../../../shared/time/zoned-time';
import type { CaseFile } from '../../casefile/case-file';
import { getCaseRecord } from '../../casefile/repos/case-repo';
import { getFacts } from '../../casefile/repos/facts-repo';
import { listLetters } from '../../casefile/repos/letters-repo';
import { dataElementsTable } from '../../casefile/repos/tables';
import type { Letterhead, LetterRenderInput } from '../../letters/render/letter-render-input';
import { renderLetterHtml } from '../../letters/render/render-html';
import { renderLetterPdf } from '../../letters/render/render-pdf';
import { writeFileAtomically } from '../files/atomic-write';
import { obligationsBoard } from '../obligations/obligations-service';
import { glanceOfBoard, localDate, noticeShortName } from './case-glance';
import { effectivePopulations } from '../roster/effective-populations';

export const STATUS_REPORT_FORMATS = ['pdf', 'html'] as const;
export type StatusReportFormat = (typeof STATUS_REPORT_FORMATS)[number];

/**
 * The one-page "where we stand" report: what happened, who and how many, what is owed by when,
 * and what has been sent, for management or counsel. It holds no personal data of the people
 * affected: only counts, jurisdictions, data elements in words, dates and the organisation's own
 * contact. Free text a person wrote (the summary) is checked with the letters' personal-data
 * check and left out, saying so, when it may hold any.
 */
export interface StatusReport {
  title: string;
  letterhead: Letterhead;
  doc: LetterDocument;
  /** The organisation's contact, the one e-mail address and phone number the report may hold. */
  values: Partial<Record<MergeFieldId, string | null>>;
  /** How many free-text passages were left out because they may hold personal data. */
  withheld: number;
}

const WITHHELD = 'Left out of this report: the text may hold personal data. See the case file.';

const CONTACT_KINDS: Record<Facts['organisation']['contactKind'], string> = {
  dpo: 'Data Protection Officer',
  contact_point: 'Contact point',
};

const NATURE_WORDS: Record<Facts['nature'][number], string> = {
  confidentiality: 'confidentiality (data disclosed or accessed)',
  integrity: 'integrity (data altered)',
  availability: 'availability (data lost or unreachable)',
};

const INCIDENT_WORDS: Record<Facts['status'], string> = {
  suspected: 'suspected',
  confirmed: 'confirmed',
  contained: 'contained',
  resolved: 'resolved',
};

const counts = new Intl.NumberFormat('en-GB');

const text = (value: string): InlineNode[] => (value === '' ? [] : [{ type: 'text', text: value }]);
const bold = (value: string): InlineNode => ({ type: 'text', text: value, marks: [{ type: 'bold' }] });
type Paragraph = Extract<BlockNode, { type: 'paragraph' }>;
const paragraph = (...content: (string | InlineNode)[]): Paragraph => ({
  type: 'paragraph',
  content: content.flatMap((part) => (typeof part === 'string' ? text(part) : [part])),
});
const heading = (level: 1 | 2 | 3, value: string): BlockNode => ({
  type: 'heading',
  attrs: { level },
  content: text(value),
});
const bullets = (items: readonly string[]): BlockNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});
function cell(kind: TableCellNode['type'], value: string): TableCellNode {
  return { type: kind, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(value)] };
}
function table(header: readonly string[], rows: readonly (readonly string[])[]): BlockNode {
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: header.map((h) => cell('tableHeader', h)) },
      ...rows.map((row) => ({ type: 'tableRow' as const, content: row.map((v) => cell('tableCell', v)) })),
    ],
  };
}

/**
 * "2020-11-19, 09:30 Europe/Stockholm": the comma keeps a date and its time from reading as one
 * long number to the personal-data check (a phone or account number).
 */
function zonedText(time: ZonedTime, reportZone: string): string {
  const text = localTextOf(time).replace(' ', ', ');
  return time.zone === reportZone ? text : `${text} ${time.zone}`;
}

/** An instant as wall-clock time in the report's zone, which the report names once at the top. */
function instantText(utc: string, zone: string): string {
  return zonedText({ utc, zone, precision: 'exact', approximate: false }, zone);
}

function whenText(time: ZonedTime | null, zone: string): string {
  if (time === null) return 'not recorded';
  return `${zonedText(time, zone)}${time.approximate ? ' (approximate)' : ''}`;
}

function deadlineText(obligation: Obligation, zone: string): string {
  const { deadline } = obligation;
  if (deadline.state === 'fixed' && deadline.due !== null) return `Due ${instantText(deadline.due, zone)}`;
  if (deadline.state === 'waiting') {
    // The law's words up to their first colon ("When any New York resident is notified"), when short.
    const when = deadline.wording.split(':')[0]?.trim() ?? '';
    return when !== '' && when.length <= 60 ? `Not started: ${when}` : 'Not started';
  }
  // The internal target's day is enough on one page; the board gives the time.
  const target = deadline.suggested === null ? '' : ` (target ${deadline.suggested.slice(0, 10)})`;
  return `No legal date${target}`;
}

function statusText(row: BoardRow, now: Date): string {
  const status = row.status;
  const due = row.obligation?.deadline.state === 'fixed' ? row.obligation.deadline.due : null;
  const late = due !== null && Date.parse(due) <= now.getTime();
  if (status === null || status.status === 'todo') return late ? 'To do, overdue' : 'To do';
  if (status.status === 'drafting') return late ? 'Drafting, overdue' : 'Drafting';
  if (status.status === 'sent')
    return `Sent${status.sentAt === null ? '' : ` ${status.sentAt.slice(0, 10)}`}`;
  return 'Not required';
}

function contactValues(facts: Facts): Partial<Record<MergeFieldId, string | null>> {
  const { organisation } = facts;
  return {
    'organisation.contactEmail': organisation.contactEmail,
    'organisation.contactPhone': organisation.contactPhone,
  };
}

/** Builds the report from the case as it stands at `now` (the law as of the board's default date). */
export function buildStatusReport(file: CaseFile, clock: Date): StatusReport {
  // The demo is reported as of its own day 2, as the app shows it.
  const demo = demoViewOf(file);
  const now = demo === null ? clock : new Date(demo.at);
  const { db } = file;
  const record = getCaseRecord(db);
  const facts = getFacts(db);
  const zone = facts.awareAt?.zone ?? facts.discoveredAt?.zone ?? 'UTC';
  const board = obligationsBoard(file, undefined, localDate(now));
  const glance = glanceOfBoard(board, now);
  const values = contactValues(facts);
  let withheld = 0;
  const guarded = (value: string): string => {
    if (personalDataFindings(value, values as Record<MergeFieldId, string | null>).length === 0) return value;
    withheld += 1;
    return WITHHELD;
  };

  const title = record.title.trim() === '' ? 'Untitled case' : record.title.trim();
  const blocks: BlockNode[] = [
    heading(1, `Where we stand: ${guarded(title)}`),
    paragraph(
      `Status report as of ${instantText(now.toISOString(), zone)} (all times ${zone} time). Incident ${INCIDENT_WORDS[facts.status]}; case ${record.status}.`,
    ),
  ];

  // What happened
  blocks.push(heading(2, 'What happened'));
  const summary = facts.summary.trim();
  blocks.push(paragraph(summary === '' ? 'No summary recorded yet.' : guarded(summary)));
  if (facts.nature.length > 0) {
    blocks.push(paragraph(bold('Nature: '), facts.nature.map((n) => NATURE_WORDS[n]).join('; ') + '.'));
  }
  const exposure =
    facts.exposureStart === null && facts.exposureEnd === null
      ? 'not recorded'
      : `${whenText(facts.exposureStart, zone)} to ${whenText(facts.exposureEnd, zone)}`;
  blocks.push(
    paragraph(
      bold('Key dates: '),
      `exposed ${exposure}; discovered ${whenText(facts.discoveredAt, zone)}; aware (notification clocks start) ${whenText(facts.awareAt, zone)}; contained ${whenText(facts.containedAt, zone)}.`,
    ),
  );

  // Who and how many
  blocks.push(heading(2, 'Who and how many'));
  const populations = effectivePopulations(db).sort((a, b) => b.count - a.count);
  const total = populations.reduce((sum, p) => sum + p.count, 0);
  if (populations.length === 0) {
    blocks.push(paragraph('No people affected recorded yet.'));
  } else {
    const exact = populations.every((p) => p.exact);
    const noneExact = populations.every((p) => !p.exact);
    blocks.push(
      paragraph(
        bold(`${counts.format(total)} people`),
        ` affected${exact ? '' : noneExact ? ' (estimates)' : ' (some counts are estimates)'} in ${populations.length} ${populations.length === 1 ? 'jurisdiction' : 'jurisdictions'}.`,
      ),
    );
    blocks.push(
      paragraph(
        bold('By jurisdiction: '),
        `${populations
          .map(
            (p) =>
              `${jurisdictionName(p.jurisdiction)} ${counts.format(p.count)}${p.exact || noneExact ? '' : ' (estimate)'}`,
          )
          .join('; ')}.`,
      ),
    );
  }
  const elements = dataElementsTable.all(db);
  blocks.push(
    paragraph(
      bold('Data involved: '),
      elements.length === 0
        ? 'none recorded yet.'
        : `${elements
            .map((e) => {
              const label = dataElementLabel(e.term, e.customLabel === null ? null : guarded(e.customLabel));
              if (!e.encrypted) return label;
              return `${label} (encrypted${e.keyCompromised ? ', key compromised' : ''})`;
            })
            .join('; ')}.`,
    ),
  );

  // What is owed, by when
  blocks.push(heading(2, 'What is owed, by when'));
  const owedRows = board.rows.filter((row) => row.obligation !== null);
  const parts = [`${glance.sent} of ${glance.owed} notices sent`];
  if (glance.overdue > 0) parts.push(`${glance.overdue} overdue`);
  if (glance.decisionsNeeded > 0) parts.push(`${glance.decisionsNeeded} waiting for a decision`);
  blocks.push(
    paragraph(
      glance.nearest === null
        ? `${parts.join('; ')}.`
        : `${parts.join('; ')}. Nearest open deadline: ${glance.nearest.name}, ${instantText(glance.nearest.due, zone)}.`,
    ),
  );
  if (owedRows.length === 0) {
    blocks.push(paragraph('No notice is owed on the facts recorded so far.'));
  } else {
    const sorted = [...owedRows].sort((a, b) =>
      (a.obligation?.deadline.due ?? '9999').localeCompare(b.obligation?.deadline.due ?? '9999'),
    );
    blocks.push(
      table(
        ['Notice', 'Deadline', 'Status'],
        sorted.map((row) => {
          const obligation = row.obligation as Obligation;
          return [noticeShortName(obligation), deadlineText(obligation, zone), statusText(row, now)];
        }),
      ),
    );
  }
  const decisions = board.decisionNeeded.filter((d) => d.status?.status !== 'not_required');
  if (decisions.length > 0) {
    const [first, ...rest] = decisions.map((d) => `${d.title}: ${d.decision.question}`);
    if (rest.length === 0 && first !== undefined) blocks.push(paragraph(bold('Decision needed: '), first));
    else {
      blocks.push(paragraph(bold('Decisions needed:')));
      blocks.push(bullets(decisions.map((d) => `${d.title}: ${d.decision.question}`)));
    }
  }

  // What has been sent
  blocks.push(heading(2, 'What has been sent'));
  const sentRows = board.rows.filter((row) => row.status?.status === 'sent');
  const sentLetters = listLetters(db).filter((letter) => letter.status === 'sent');
  if (sentRows.length === 0 && sentLetters.length === 0) {
    blocks.push(paragraph('Nothing has been sent yet.'));
  } else {
    const items = sentRows.map((row) => {
      const name = row.obligation?.title ?? row.notTriggered?.title ?? row.ruleId;
      const when =
        row.status?.sentAt === null || row.status === null ? '' : ` on ${row.status.sentAt.slice(0, 10)}`;
      return `${name}: sent${when}${row.status?.channel ? ` via ${row.status.channel}` : ''}.`;
    });
    for (const letter of sentLetters) {
      if (letter.obligationRuleId !== null && sentRows.some((r) => r.ruleId === letter.obligationRuleId))
        continue;
      const when = letter.sentAt === null ? '' : ` on ${letter.sentAt.slice(0, 10)}`;
      items.push(
        `Letter “${guarded(letter.title)}”: sent${when}${letter.channel === '' ? '' : ` via ${letter.channel}`}.`,
      );
    }
    blocks.push(bullets(items));
  }

  // The contact goes in the letterhead; the closing line says what the report is.
  const { organisation } = facts;
  const kind = CONTACT_KINDS[organisation.contactKind];
  const contact = [
    organisation.contactName.trim() === kind ? '' : organisation.contactName.trim(),
    organisation.contactEmail.trim(),
    organisation.contactPhone.trim(),
  ].filter((part) => part !== '');
  blocks.push(
    paragraph(
      `This report holds no personal data of the people affected. Obligations from the rule pack ${board.packId} ${board.packVersion}, law as of ${board.asOf}: decision support, not legal advice.`,
    ),
  );

  return {
    title: `Where we stand: ${title}`,
    letterhead: {
      organisation: record.organisation,
      address: organisation.address,
      // The organisation's own contact, the one person and address the report names.
      contact: contact.length === 0 ? '' : `${kind}: ${contact.join(', ')}`,
    },
    doc: { type: 'doc', content: blocks },
    values,
    withheld,
  };
}

function renderInput(report: StatusReport): LetterRenderInput {
  return {
    title: report.title,
    // A4, the paper of the letters not bound for the US.
    jurisdiction: 'EU',
    language: 'en',
    letterhead: report.letterhead,
    doc: report.doc,
    values: report.values,
  };
}

/** The report as PDF (the letters' PDF layer: embedded fonts, page numbers) or as one HTML page. */
export async function renderStatusReport(
  report: StatusReport,
  format: StatusReportFormat,
  createdAt?: Date,
): Promise<Uint8Array | string> {
  if (format === 'html') return renderLetterHtml(renderInput(report));
  return renderLetterPdf(
    renderInput(report),
    createdAt === undefined ? { compact: true } : { compact: true, createdAt },
  );
}

/** The format a file name asks for (.pdf or .html/.htm), or null. */
export function statusReportFormatOf(path: string): StatusReportFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.pdf')) return 'pdf';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return null;
}

/** Writes the report to `path`, complete or not at all. */
export async function exportStatusReport(
  file: CaseFile,
  now: Date,
  path: string,
  format: StatusReportFormat | undefined,
  overwrite: boolean,
): Promise<{ path: string; format: StatusReportFormat; withheld: number }> {
  const chosen = format ?? statusReportFormatOf(path);
  if (chosen === null) {
    throw new BreachdeskError('INVALID_INPUT', 'Name the report file .pdf or .html to choose its format.');
  }
  const report = buildStatusReport(file, now);
  // It holds no personal data: checked against every value in the roster before it is written.
  refuseRosterValues(file, 'The status report', [textOfHtml(renderLetterHtml(renderInput(report)))]);
  const bytes = await renderStatusReport(report, chosen, now);
  const written = await writeFileAtomically(path, bytes, overwrite);
  return { path: written, format: chosen, withheld: report.withheld };
}
