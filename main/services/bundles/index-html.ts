import { CASE_STATUS_LABELS, type CaseRecord } from '../../../shared/domain/case';
import {
  DATA_ELEMENT_VOCABULARY,
  dataElementLabel,
  type DataElement,
} from '../../../shared/domain/data-elements';
import type { TimelineEvent } from '../../../shared/domain/events';
import type { EvidenceItem } from '../../../shared/domain/evidence';
import type { Facts } from '../../../shared/domain/facts';
import type { LETTER_FORMATS, LetterRecord } from '../../../shared/domain/letters';
import type { BoardRow } from '../../../shared/domain/obligation-status';
import { PARTY_ACTION_LABELS, PARTY_KIND_LABELS, type Party } from '../../../shared/domain/parties';
import type { Population } from '../../../shared/domain/populations';
import { TASK_STATUS_LABELS, type Note, type Task } from '../../../shared/domain/tasks-notes';
import { jurisdictionName } from '../../../shared/jurisdictions/jurisdictions';
import { suggestionText } from '../../../shared/obligations/decisions';
import type { Obligation } from '../../../shared/obligations/obligation';
import { localTextOf, type ZonedTime } from '../../../shared/time/zoned-time';
import { escapeHtml } from '../../formats/html/html-escape';
import type { Board } from '../obligations/obligations-service';

/** What the exporter records about the bundle itself; shown so a reader can check it. */
export interface BundleInfo {
  bundleId: string;
  /** ISO instant (UTC). */
  exportedAt: string;
  exportedBy: string;
  signerFingerprint: string;
  auditHead: string;
  auditEntries: number;
  includesEvidence: boolean;
  includesPrivilegedNotes: boolean;
  /** "Breachdesk 0.1.0". */
  software: string;
}

export interface BundleEvidenceEntry {
  item: EvidenceItem;
  /** Relative to data/ ("evidence/001-access-log.csv"); null when exported without evidence bytes. */
  bagPath: string | null;
}

export interface BundleLetterFile {
  format: (typeof LETTER_FORMATS)[number];
  /** Relative to data/ ("letters/…pdf"). */
  bagPath: string;
}

export interface BundleLetterEntry {
  letter: LetterRecord;
  files: readonly BundleLetterFile[];
}

/** Everything the summary shows: only what the exporter chose to put in the bundle. */
export interface BundleIndexModel {
  case: CaseRecord;
  facts: Facts;
  dataElements: readonly DataElement[];
  populations: readonly Population[];
  parties: readonly Party[];
  events: readonly TimelineEvent[];
  tasks: readonly Task[];
  /** Privileged notes only when the export included them (`bundle.includesPrivilegedNotes`). */
  notes: readonly Note[];
  evidence: readonly BundleEvidenceEntry[];
  /** The obligations board as `obligationsBoard` returns it. */
  obligations: Board;
  letters: readonly BundleLetterEntry[];
  bundle: BundleInfo;
}

// ---------------------------------------------------------------------------------------------
// Markup that cannot forget to escape: strings interpolated into `markup` are always escaped, and
// only `Html` values (made by `markup` itself) go in as they are. (The tag is not called `html`
// because Prettier would reformat such templates as HTML and change their whitespace.)

class Html {
  constructor(readonly text: string) {}
}

type Part = Html | string | number | readonly Html[];

function partText(part: Part): string {
  if (part instanceof Html) return part.text;
  if (typeof part === 'string') return escapeHtml(part);
  if (typeof part === 'number') return escapeHtml(String(part));
  return part.map((p) => p.text).join('');
}

function markup(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let text = strings[0] ?? '';
  parts.forEach((part, i) => {
    text += partText(part) + (strings[i + 1] ?? '');
  });
  return new Html(text);
}

const EMPTY = markup``;

// ---------------------------------------------------------------------------------------------
// Formatting.

const counts = new Intl.NumberFormat('en-GB');

function countText(n: number): string {
  return counts.format(n);
}

/** "2020-11-16 08:30 UTC": the minute is what a deadline or an event needs, seconds are noise. */
function utcText(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** As the person entered it, with its zone: "2020-11-12 14:05 Europe/Stockholm (approximate)". */
function zonedText(time: ZonedTime): string {
  return `${localTextOf(time)} ${time.zone}${time.approximate ? ' (approximate)' : ''}`;
}

function instantIn(iso: string, zone: string): string {
  return zonedText({ utc: iso, zone, precision: 'exact', approximate: false });
}

const BYTE_UNITS = ['KiB', 'MiB', 'GiB', 'TiB'];

/** Binary multiples, named as such, so the human figure cannot be mistaken for decimal ones. */
function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${countText(bytes)} bytes`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${BYTE_UNITS[unit] ?? ''}`;
}

/** "joint_controller" → "Joint controller": stored values read as words. */
function sentence(value: string): string {
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${countText(n)} ${n === 1 ? one : many}`;
}

/**
 * A link to a file beside index.html: each path segment percent-encoded, so names with spaces,
 * `#`, `?` or `:` stay one relative path (never a fragment, a query or a scheme such as
 * `javascript:`). Anything that is not a plain relative path inside data/ gets no link at all.
 */
export function relativeHref(bagPath: string): string | null {
  const segments = bagPath.split('/');
  const plain = segments.every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\'));
  return plain ? segments.map(encodeURIComponent).join('/') : null;
}

function fileLink(bagPath: string | null, label: string): Html {
  const href = bagPath === null ? null : relativeHref(bagPath);
  return href === null ? markup`${label}` : markup`<a href="${href}">${label}</a>`;
}

/** Text a person typed (several lines, Markdown for notes): shown as text, line breaks kept. */
function prose(text: string, empty = 'Not recorded.'): Html {
  return text.trim() === '' ? markup`<p class="muted">${empty}</p>` : markup`<p class="prose">${text}</p>`;
}

function muted(text: string): Html {
  return markup`<span class="muted">${text}</span>`;
}

function warn(text: string): Html {
  return markup`<span class="warn">⚠ ${text}</span>`;
}

/** One line per part, skipping empty ones: cells that stack a value and its details. */
function lines(items: readonly Html[]): Html {
  return markup`${items.filter((i) => i.text !== '').map((i) => markup`<div>${i}</div>`)}`;
}

// ---------------------------------------------------------------------------------------------
// Building blocks.

interface Column {
  heading: string;
  align?: 'left' | 'right';
  className?: string;
}

interface TableSpec {
  caption: string;
  /** Smaller type for secondary tables. */
  compact?: boolean;
  /** As wide as its content rather than the page: a few short columns. */
  narrow?: boolean;
  columns: readonly Column[];
  rows: readonly (readonly Html[])[];
  foot?: readonly Html[];
}

/** ` class="…"`, or nothing when the column has no class. */
function cellClass(column: Column | undefined): Html {
  const classes = [column?.align === 'right' ? 'num' : '', column?.className ?? ''].filter((c) => c !== '');
  return classes.length === 0 ? EMPTY : markup` class="${classes.join(' ')}"`;
}

function tableRow(cells: readonly Html[], columns: readonly Column[]): Html {
  const body = cells.map((cell, i) => {
    const css = cellClass(columns[i]);
    // The first cell names the row, so screen readers announce it with every other cell.
    return i === 0 ? markup`<th scope="row"${css}>${cell}</th>` : markup`<td${css}>${cell}</td>`;
  });
  return markup`<tr>${body}</tr>`;
}

function table(spec: TableSpec): Html {
  const head = spec.columns.map((c) => markup`<th scope="col"${cellClass(c)}>${c.heading}</th>`);
  const rows = spec.rows.map((cells) => tableRow(cells, spec.columns));
  const foot = spec.foot === undefined ? EMPTY : markup`<tfoot>${tableRow(spec.foot, spec.columns)}</tfoot>`;
  const classes = [spec.compact === true ? 'compact' : '', spec.narrow === true ? 'narrow' : ''];
  const named = classes.filter((c) => c !== '').join(' ');
  const css = named === '' ? EMPTY : markup` class="${named}"`;
  return markup`<div class="table-wrap"><table${css}><caption>${spec.caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody>${foot}</table></div>`;
}

function definitions(pairs: readonly (readonly [string, Html | string])[]): Html {
  return markup`<dl>${pairs.map(([term, value]) => markup`<dt>${term}</dt><dd>${value}</dd>`)}</dl>`;
}

function emptyState(text: string): Html {
  return markup`<p class="empty">${text}</p>`;
}

interface SectionSpec {
  id: string;
  heading: string;
  body: Html;
}

function section({ id, heading, body }: SectionSpec): Html {
  return markup`<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${heading}</h2>${body}</section>`;
}

// ---------------------------------------------------------------------------------------------
// Summary.

function caseZone(facts: Facts): string {
  // The register and the board read local times in the zone discovery was recorded in; so does this.
  return facts.discoveredAt?.zone ?? facts.awareAt?.zone ?? 'UTC';
}

function timeOrNot(time: ZonedTime | null): Html {
  if (time === null) return muted('Not recorded');
  return markup`${zonedText(time)} ${muted(`(${utcText(time.utc)})`)}`;
}

function peopleTotal(populations: readonly Population[]): string {
  if (populations.length === 0) return 'Not recorded';
  const total = populations.reduce((sum, p) => sum + p.count, 0);
  const estimated = populations.some((p) => !p.exact);
  return `${countText(total)}${estimated ? ' (includes estimates)' : ''}`;
}

function contactPair(facts: Facts): readonly [string, string] {
  const o = facts.organisation;
  const who = o.contactKind === 'dpo' ? 'Data protection officer' : 'Contact point';
  const parts = [o.contactName, o.contactEmail, o.contactPhone].filter((p) => p.trim() !== '');
  return [who, parts.length === 0 ? 'Not recorded' : parts.join(' · ')];
}

function keyFact(title: string, text: string): Html {
  return markup`<div><h3>${title}</h3>${prose(text)}</div>`;
}

function summarySection(model: BundleIndexModel): Html {
  const { facts } = model;
  const delay = facts.lawEnforcementDelay;
  const glance = definitions([
    ['Organisation', model.case.organisation],
    ['Role', sentence(facts.organisation.role)],
    ['Main establishment', facts.organisation.establishment || 'Not recorded'],
    contactPair(facts),
    ['Case status', CASE_STATUS_LABELS[model.case.status]],
    ['Incident status', sentence(facts.status)],
    ['Nature of the breach', sentence(facts.nature.join(', ')) || 'Not recorded'],
    ['Discovered', timeOrNot(facts.discoveredAt)],
    ['Aware (notification clocks start)', timeOrNot(facts.awareAt)],
    ['Contained', timeOrNot(facts.containedAt)],
    ['Exposure began', timeOrNot(facts.exposureStart)],
    ['Exposure ended', timeOrNot(facts.exposureEnd)],
    ['People affected', peopleTotal(model.populations)],
    ['Law-enforcement delay', delay.requested ? `Requested. ${delay.note}`.trim() : 'Not requested'],
    ['Case id', markup`<code>${model.case.id}</code>`],
  ]);
  const key = [
    keyFact('What happened', facts.summary),
    keyFact('Cause', facts.cause),
    keyFact('Likely consequences', facts.consequences),
    keyFact('Measures taken or proposed', facts.measures),
  ];
  return section({
    id: 'summary',
    heading: 'Summary',
    body: markup`${glance}<div class="key-facts">${key}</div>`,
  });
}

// ---------------------------------------------------------------------------------------------
// Timeline.

function byTime(a: TimelineEvent, b: TimelineEvent): number {
  if (a.at.utc === b.at.utc) return a.id.localeCompare(b.id);
  return a.at.utc < b.at.utc ? -1 : 1;
}

function utcCell(time: ZonedTime, end: ZonedTime | null): Html {
  // A day or a month is stored as its first moment; say so rather than imply a clock time.
  const imprecise = time.precision === 'exact' ? EMPTY : muted(`start of the ${time.precision} entered`);
  return lines([
    markup`${utcText(time.utc)}`,
    end === null ? EMPTY : markup`to ${utcText(end.utc)}`,
    imprecise,
  ]);
}

function enteredCell(time: ZonedTime, end: ZonedTime | null): Html {
  return lines([markup`${zonedText(time)}`, end === null ? EMPTY : markup`to ${zonedText(end)}`]);
}

function eventCell(event: TimelineEvent, partyNames: ReadonlyMap<string, string>): Html {
  const names = event.partyIds.map((id) => partyNames.get(id)).filter((n) => n !== undefined);
  const tags = event.tags.map((t) => markup`<span class="tag">${t}</span>`);
  return lines([
    markup`<strong>${event.title}</strong>`,
    event.detail.trim() === '' ? EMPTY : markup`<span class="prose">${event.detail}</span>`,
    names.length === 0 ? EMPTY : muted(`Parties: ${names.join(', ')}`),
    tags.length === 0 ? EMPTY : markup`${tags}`,
  ]);
}

function timelineSection(model: BundleIndexModel): Html {
  const partyNames = new Map(model.parties.map((p) => [p.id, p.name]));
  const events = [...model.events].sort(byTime);
  const body =
    events.length === 0
      ? emptyState('No timeline events in this bundle.')
      : table({
          caption: `${plural(events.length, 'event')} in time order`,
          columns: [
            { heading: 'When (UTC)', className: 'when' },
            { heading: 'As entered', className: 'when' },
            { heading: 'Event' },
            { heading: 'Source' },
          ],
          rows: events.map((e) => [
            utcCell(e.at, e.end),
            enteredCell(e.at, e.end),
            eventCell(e, partyNames),
            markup`${e.source}`,
          ]),
        });
  return section({ id: 'timeline', heading: 'Timeline', body });
}

// ---------------------------------------------------------------------------------------------
// People and data.

function populationsTable(populations: readonly Population[]): Html {
  if (populations.length === 0) return emptyState('No affected people recorded.');
  const rows = [...populations]
    .map((p) => ({ p, name: jurisdictionName(p.jurisdiction) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const total = populations.reduce((sum, p) => sum + p.count, 0);
  return table({
    caption: 'People affected by jurisdiction',
    narrow: true,
    columns: [
      { heading: 'Jurisdiction' },
      { heading: 'Code' },
      { heading: 'People', align: 'right' },
      { heading: 'Count is' },
    ],
    rows: rows.map(({ p, name }) => [
      markup`${name}`,
      markup`<code>${p.jurisdiction}</code>`,
      markup`${countText(p.count)}`,
      markup`${p.exact ? 'exact' : 'estimate'}`,
    ]),
    foot: [markup`Total`, EMPTY, markup`${countText(total)}`, EMPTY],
  });
}

const CATEGORY_LABELS: Record<(typeof DATA_ELEMENT_VOCABULARY)[number]['category'], string> = {
  simple: 'Simple',
  behavioural: 'Behavioural',
  financial: 'Financial',
  sensitive: 'Sensitive',
};

function protection(element: DataElement): Html {
  if (!element.encrypted) return markup`Not encrypted`;
  return element.keyCompromised ? warn('Encrypted, key compromised') : markup`Encrypted`;
}

function dataElementsTable(elements: readonly DataElement[]): Html {
  if (elements.length === 0) return emptyState('No data elements recorded.');
  return table({
    caption: 'Personal data involved',
    columns: [
      { heading: 'Data element' },
      { heading: 'Category' },
      { heading: 'Protection' },
      { heading: 'Note' },
    ],
    rows: elements.map((e) => {
      const category = DATA_ELEMENT_VOCABULARY.find((v) => v.term === e.term)?.category ?? 'simple';
      return [
        markup`${dataElementLabel(e.term, e.customLabel)}`,
        markup`${CATEGORY_LABELS[category]}`,
        protection(e),
        markup`<span class="prose">${e.note}</span>`,
      ];
    }),
  });
}

function peopleSection(model: BundleIndexModel): Html {
  return section({
    id: 'people',
    heading: 'People and data',
    body: markup`${populationsTable(model.populations)}${dataElementsTable(model.dataElements)}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Parties.

function partyContact(party: Party): Html {
  return lines(
    [party.contactName, party.email, party.phone, party.address]
      .filter((v) => v.trim() !== '')
      .map((v) => markup`<span class="prose">${v}</span>`),
  );
}

function partyActions(party: Party): Html {
  if (party.actions.length === 0) return muted('None recorded');
  const items = party.actions.map((a) => {
    const note = a.note === '' ? EMPTY : muted(a.note);
    return markup`<li>${lines([markup`<strong>${PARTY_ACTION_LABELS[a.kind]}</strong> · ${zonedText(a.at)}`, note])}</li>`;
  });
  return markup`<ul class="plain">${items}</ul>`;
}

function partiesSection(model: BundleIndexModel): Html {
  const body =
    model.parties.length === 0
      ? emptyState('No recipients or other parties recorded.')
      : table({
          caption: plural(model.parties.length, 'party', 'parties'),
          columns: [
            { heading: 'Party' },
            { heading: 'Kind' },
            { heading: 'Role in this incident' },
            { heading: 'Contact' },
            { heading: 'Actions' },
          ],
          rows: model.parties.map((p) => [
            lines([markup`<strong>${p.name}</strong>`, p.notes === '' ? EMPTY : muted(p.notes)]),
            markup`${PARTY_KIND_LABELS[p.kind]}`,
            markup`<span class="prose">${p.role}</span>`,
            partyContact(p),
            partyActions(p),
          ]),
        });
  return section({ id: 'parties', heading: 'Recipients and parties', body });
}

// ---------------------------------------------------------------------------------------------
// Evidence.

function evidenceFileCell({ item, bagPath }: BundleEvidenceEntry): Html {
  return lines([
    markup`<strong>${fileLink(bagPath, item.name)}</strong>`,
    bagPath === null ? EMPTY : markup`<span class="path">${bagPath}</span>`,
    item.description.trim() === '' ? EMPTY : muted(item.description),
  ]);
}

function collectedCell(item: EvidenceItem): Html {
  return lines([
    markup`${item.collectedBy || 'Collector not recorded'}`,
    item.collectedAt === null ? muted('Time not recorded') : markup`${zonedText(item.collectedAt)}`,
    item.source === '' ? EMPTY : muted(`Source: ${item.source}`),
    muted(`Added ${utcText(item.addedAt)} by ${item.addedBy}`),
  ]);
}

function evidenceIntro(model: BundleIndexModel): Html {
  if (!model.bundle.includesEvidence) {
    return markup`<p class="notice">This bundle was exported without evidence bytes: the files are listed with their SHA-256 so that copies held elsewhere can be checked against them.</p>`;
  }
  return markup`<p class="muted">The original files are in <code>evidence/</code> beside this page; the links open them. Their SHA-256 is also in the bag's <code>manifest-sha256.txt</code>.</p>`;
}

function sizeCell(bytes: number): Html {
  const human = humanBytes(bytes);
  const exact = `${countText(bytes)} bytes`;
  return human === exact ? markup`${exact}` : lines([markup`${human}`, muted(exact)]);
}

function evidenceRow(entry: BundleEvidenceEntry): Html[] {
  const { item } = entry;
  return [
    evidenceFileCell(entry),
    sizeCell(item.size),
    markup`<code class="hash">${item.sha256}</code>`,
    lines([markup`${item.mediaType}`, muted(item.kind)]),
    collectedCell(item),
  ];
}

function evidenceSection(model: BundleIndexModel): Html {
  if (model.evidence.length === 0) {
    return section({ id: 'evidence', heading: 'Evidence', body: emptyState('No evidence in this bundle.') });
  }
  const total = model.evidence.reduce((sum, e) => sum + e.item.size, 0);
  const list = table({
    caption: `${plural(model.evidence.length, 'file')}, ${humanBytes(total)} in all`,
    columns: [
      { heading: 'File' },
      { heading: 'Size', align: 'right', className: 'size' },
      { heading: 'SHA-256', className: 'hash-cell' },
      { heading: 'Detected type' },
      { heading: 'Collected' },
    ],
    rows: model.evidence.map(evidenceRow),
  });
  return section({ id: 'evidence', heading: 'Evidence', body: markup`${evidenceIntro(model)}${list}` });
}

// ---------------------------------------------------------------------------------------------
// Obligations.

const STATUS_LABELS = { todo: 'To do', drafting: 'Drafting', sent: 'Sent', not_required: 'Not required' };

function isOpen(row: BoardRow): boolean {
  return row.status === null || row.status.status === 'todo' || row.status.status === 'drafting';
}

function deadlineCell(obligation: Obligation, zone: string, overdue: boolean): Html {
  const { deadline } = obligation;
  if (deadline.state === 'fixed' && deadline.due !== null) {
    return lines([
      markup`<strong>${utcText(deadline.due)}</strong>`,
      muted(instantIn(deadline.due, zone)),
      overdue ? markup`<span class="overdue">Overdue when exported</span>` : EMPTY,
      muted(deadline.wording),
    ]);
  }
  const target =
    deadline.suggested === null
      ? EMPTY
      : muted(`Internal target (not a legal date): ${utcText(deadline.suggested)}`);
  const state = deadline.state === 'waiting' ? 'Waiting for its start' : 'No fixed date';
  return lines([markup`<strong>${state}</strong>`, muted(deadline.wording), target]);
}

function statusCell(row: BoardRow): Html {
  const s = row.status;
  if (s === null) return lines([markup`To do`, muted('No status recorded')]);
  return lines([
    markup`<strong>${STATUS_LABELS[s.status]}</strong>`,
    s.status === 'sent' && s.sentAt !== null ? markup`${utcText(s.sentAt)} via ${s.channel}` : EMPTY,
    s.rationale === '' ? EMPTY : markup`<span class="prose">${s.rationale}</span>`,
    s.note === '' ? EMPTY : muted(s.note),
    muted(`Recorded ${utcText(s.recordedAt)} by ${s.recordedBy}`),
    row.review === null ? EMPTY : warn(row.review),
  ]);
}

function citationCell(obligation: Obligation): Html {
  return lines([
    markup`${obligation.citation}`,
    obligation.verification === 'unverified' ? warn('Rule text not yet verified') : EMPTY,
  ]);
}

function obligationRow(row: BoardRow, zone: string, exportedAt: string): Html[] {
  const o = row.obligation;
  if (o === null) {
    const title = row.notTriggered?.title ?? row.ruleId;
    const why = muted(`No longer owed: ${row.notTriggered?.reason ?? ''}`);
    return [markup`<strong>${title}</strong>`, EMPTY, why, statusCell(row), EMPTY];
  }
  const overdue = isOpen(row) && o.deadline.due !== null && o.deadline.due < exportedAt;
  const channel = o.recipient.channel === '' ? EMPTY : muted(`Channel: ${o.recipient.channel}`);
  return [
    lines([markup`<strong>${o.title}</strong>`, muted(`${o.law} · ${jurisdictionName(o.jurisdiction)}`)]),
    lines([markup`${o.recipient.name}`, channel]),
    deadlineCell(o, zone, overdue),
    statusCell(row),
    citationCell(o),
  ];
}

function obligationsIntro(board: Board, zone: string): Html {
  const risk = board.risk ?? 'none confirmed';
  return markup`<p>Law applied as of ${board.asOf} (rule pack ${board.packId} ${board.packVersion}); risk decision: ${risk}. Deadlines are given in UTC, with the local time in ${zone}, the zone the discovery was recorded in.</p><p class="muted">${board.disclaimer}</p>`;
}

function notOwedTable(board: Board): Html {
  if (board.notTriggered.length === 0) return EMPTY;
  return table({
    caption: 'Rules considered that owe nothing here',
    compact: true,
    columns: [{ heading: 'Rule' }, { heading: 'Jurisdiction' }, { heading: 'Why not' }],
    rows: board.notTriggered.map((n) => [
      lines([
        markup`${n.title}`,
        n.verification === 'unverified' ? warn('Rule text not yet verified') : EMPTY,
      ]),
      markup`${jurisdictionName(n.jurisdiction)}`,
      markup`${n.reason}`,
    ]),
  });
}

/** Notices neither owed nor not owed until a person confirms the risk decision they turn on. */
function decisionNeededTable(board: Board): Html {
  if (board.decisionNeeded.length === 0) return EMPTY;
  return table({
    caption: 'Decision needed: notices that wait for the risk decision',
    compact: true,
    columns: [{ heading: 'Notice' }, { heading: 'Who would be told' }, { heading: 'Decision needed' }],
    rows: board.decisionNeeded.map((d) => [
      lines([
        markup`<strong>${d.title}</strong>`,
        d.verification === 'unverified' ? warn('Rule text not yet verified') : EMPTY,
      ]),
      markup`${d.recipient.name}`,
      lines([markup`${d.decision.question}`, muted(d.decision.reason), muted(suggestionText(d.decision))]),
    ]),
  });
}

function obligationsSection(model: BundleIndexModel): Html {
  const board = model.obligations;
  const zone = caseZone(model.facts);
  const owed =
    board.rows.length === 0
      ? emptyState('No notices are owed on the recorded facts.')
      : table({
          caption: `${plural(board.rows.length, 'notice')} to give`,
          columns: [
            { heading: 'Notice' },
            { heading: 'Who must be told' },
            { heading: 'Deadline', className: 'deadline' },
            { heading: 'Status' },
            { heading: 'Citation' },
          ],
          rows: board.rows.map((row) => obligationRow(row, zone, model.bundle.exportedAt)),
        });
  return section({
    id: 'obligations',
    heading: 'Obligations',
    body: markup`${obligationsIntro(board, zone)}${owed}${decisionNeededTable(board)}${notOwedTable(board)}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Letters.

const LETTER_STATUS_LABELS = { draft: 'Draft', in_review: 'In review', approved: 'Approved', sent: 'Sent' };

function letterStatusCell(letter: LetterRecord): Html {
  const version = letter.approvedVersion === null ? '' : ` (version ${letter.approvedVersion})`;
  const via = letter.channel === '' ? '' : ` via ${letter.channel}`;
  const override = letter.override;
  return lines([
    markup`<strong>${LETTER_STATUS_LABELS[letter.status]}${version}</strong>`,
    letter.sentAt === null ? EMPTY : markup`${utcText(letter.sentAt)}${via}`,
    override === null
      ? EMPTY
      : warn(
          `Approved although checks failed, by ${override.by} on ${utcText(override.at)}: ${override.reason}`,
        ),
  ]);
}

function letterFiles(files: readonly BundleLetterFile[]): Html {
  if (files.length === 0) return muted('No rendered files');
  const links = files.map((f) => markup`<li>${fileLink(f.bagPath, f.format.toUpperCase())}</li>`);
  return markup`<ul class="inline">${links}</ul>`;
}

function letterRow({ letter, files }: BundleLetterEntry, titles: ReadonlyMap<string, string>): Html[] {
  const rule = letter.obligationRuleId;
  return [
    lines([
      markup`<strong>${letter.title}</strong>`,
      muted(`${letter.jurisdiction} · ${letter.language} · ${letter.templateId}`),
    ]),
    lines([markup`${letter.recipient.name}`, muted(letter.recipient.address)]),
    letterStatusCell(letter),
    rule === null ? muted('No obligation') : markup`${titles.get(rule) ?? rule}`,
    letterFiles(files),
  ];
}

function lettersSection(model: BundleIndexModel): Html {
  const titles = new Map(model.obligations.rows.map((r) => [r.ruleId, r.obligation?.title ?? r.ruleId]));
  const body =
    model.letters.length === 0
      ? emptyState('No letters in this bundle.')
      : table({
          caption: plural(model.letters.length, 'letter'),
          columns: [
            { heading: 'Letter' },
            { heading: 'Recipient' },
            { heading: 'Status' },
            { heading: 'Answers' },
            { heading: 'Files' },
          ],
          rows: model.letters.map((entry) => letterRow(entry, titles)),
        });
  return section({ id: 'letters', heading: 'Letters', body });
}

// ---------------------------------------------------------------------------------------------
// Tasks and notes.

function taskRow(task: Task, exportDay: string): Html[] {
  const overdue = task.status !== 'done' && task.due !== null && task.due < exportDay;
  const flag = overdue ? markup` <span class="overdue">Overdue when exported</span>` : EMPTY;
  return [
    markup`${task.title}`,
    markup`${task.owner}`,
    markup`${task.due ?? 'No date'}`,
    markup`${TASK_STATUS_LABELS[task.status]}${flag}`,
  ];
}

function tasksSection(model: BundleIndexModel): Html {
  const exportDay = model.bundle.exportedAt.slice(0, 10);
  const body =
    model.tasks.length === 0
      ? emptyState('No tasks in this bundle.')
      : table({
          caption: plural(model.tasks.length, 'task'),
          columns: [
            { heading: 'Task' },
            { heading: 'Owner' },
            { heading: 'Due', className: 'when' },
            { heading: 'Status' },
          ],
          rows: model.tasks.map((t) => taskRow(t, exportDay)),
        });
  return section({ id: 'tasks', heading: 'Tasks', body });
}

function noteArticle(note: Note): Html {
  const marker = note.privileged ? markup`<p class="privileged">Privileged &amp; confidential</p>` : EMPTY;
  return markup`<article class="note">${marker}<h3>${note.title}</h3><p class="stamp">Updated ${utcText(note.updatedAt)}</p>${prose(note.body, 'No text.')}</article>`;
}

function notesSection(model: BundleIndexModel): Html {
  // A privileged note reaches this page only if the export included privileged notes; should one
  // slip through otherwise, it is left out here rather than disclosed.
  const notes = model.notes.filter((n) => !n.privileged || model.bundle.includesPrivilegedNotes);
  const left = model.bundle.includesPrivilegedNotes
    ? EMPTY
    : markup`<p class="muted">Privileged notes were left out of this bundle.</p>`;
  const body =
    notes.length === 0 ? emptyState('No notes in this bundle.') : markup`${notes.map(noteArticle)}`;
  return section({ id: 'notes', heading: 'Notes', body: markup`${left}${body}` });
}

// ---------------------------------------------------------------------------------------------
// About this bundle.

function verificationText(info: BundleInfo): Html {
  return markup`Every file is listed with its SHA-256 in <code>manifest-sha256.txt</code>; the tag manifest is signed (<code>tagmanifest-sha256.txt.sig</code>, Ed25519, key fingerprint <code class="hash">${info.signerFingerprint}</code>); check the bag with any BagIt validator, e.g. <code>bagit.py --validate</code>.`;
}

function aboutSection(model: BundleIndexModel): Html {
  const info = model.bundle;
  const audit = markup`${plural(info.auditEntries, 'entry', 'entries')} in <code>audit-log.jsonl</code>; head <code class="hash">${info.auditHead}</code>`;
  const facts = definitions([
    ['Bundle id', markup`<code>${info.bundleId}</code>`],
    ['Exported', `${utcText(info.exportedAt)} by ${info.exportedBy}`],
    ['Software', info.software],
    ['Signing key fingerprint', markup`<code class="hash">${info.signerFingerprint}</code>`],
    ['Audit log', audit],
    ['Evidence bytes', info.includesEvidence ? 'Included (evidence/)' : 'Not included'],
    ['Privileged notes', info.includesPrivilegedNotes ? 'Included' : 'Left out'],
  ]);
  const how = markup`<h3>How to verify this bundle</h3><p>${verificationText(info)}</p><p>The case itself is in <code>case.json</code> (every record, readable by any tool) and in the case snapshot beside it; this page summarises them.</p>`;
  return section({ id: 'about', heading: 'About this bundle', body: markup`${facts}${how}` });
}

// ---------------------------------------------------------------------------------------------
// The page.

const CONTENTS: readonly (readonly [string, string])[] = [
  ['summary', 'Summary'],
  ['timeline', 'Timeline'],
  ['people', 'People and data'],
  ['parties', 'Recipients and parties'],
  ['evidence', 'Evidence'],
  ['obligations', 'Obligations'],
  ['letters', 'Letters'],
  ['tasks', 'Tasks'],
  ['notes', 'Notes'],
  ['about', 'About this bundle'],
];

function masthead(model: BundleIndexModel): Html {
  const info = model.bundle;
  const contents = CONTENTS.map(([id, label]) => markup`<li><a href="#${id}">${label}</a></li>`);
  const exported = markup`exported <span class="nowrap">${utcText(info.exportedAt)}</span> by ${info.exportedBy}`;
  const byline = markup`${model.case.organisation} · ${CASE_STATUS_LABELS[model.case.status]} · ${exported}`;
  return markup`<header class="masthead"><p class="eyebrow">Case bundle summary</p><h1>${model.case.title}</h1><p class="byline">${byline}</p><p class="integrity">This page summarises the signed case bundle it sits in. ${verificationText(info)}</p></header><nav aria-label="Contents"><ol>${contents}</ol></nav>`;
}

// Neutral greys, one accent, red only for overdue and amber for "to be verified" (UI.md).
const STYLE = new Html(`
:root{--ink:#1c2430;--muted:#55606e;--line:#d5dbe3;--head:#f3f5f8;--accent:#1f4e8c;--warn-ink:#7a4b00;--warn-bg:#fff4db;--bad:#b42318;color-scheme:light}
*{box-sizing:border-box}
body{margin:0 auto;max-width:78rem;padding:2rem 2rem 3rem;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff;font-variant-numeric:tabular-nums}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.92em;white-space:nowrap}
.nowrap{white-space:nowrap}
a{color:var(--accent)}
.masthead{border-bottom:3px solid var(--accent);padding-bottom:1rem}
.eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;font-weight:600;color:var(--accent)}
h1{font-size:1.75rem;line-height:1.2;margin:.3rem 0 .4rem;overflow-wrap:anywhere}
.byline{margin:0;color:var(--muted)}
.integrity{margin:.8rem 0 0;padding:.6rem .8rem;background:var(--head);border-left:3px solid var(--accent);font-size:.9rem}
nav ol{list-style:none;margin:.8rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;font-size:.9rem}
nav a{text-decoration:none}nav a:hover,nav a:focus{text-decoration:underline}
h2{font-size:1.2rem;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1.2rem 0 .3rem}
dl{display:grid;grid-template-columns:minmax(12rem,16rem) 1fr;gap:.35rem 1.2rem;margin:0}
dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
.key-facts{display:grid;grid-template-columns:1fr 1fr;gap:0 2rem;margin-top:.6rem}
.key-facts p{margin:0 0 .4rem}
.prose{white-space:pre-wrap;overflow-wrap:anywhere}
.muted,.stamp{color:var(--muted)}
.empty{color:var(--muted);font-style:italic}
.notice{padding:.6rem .8rem;background:var(--warn-bg);color:var(--warn-ink);border-left:3px solid #d79b00}
.warn{display:inline-block;color:var(--warn-ink);background:var(--warn-bg);padding:0 .3rem;border-radius:3px}
.overdue{display:inline-block;color:#fff;background:var(--bad);padding:0 .35rem;border-radius:3px;font-weight:600;font-size:.85em}
.table-wrap{overflow-x:auto;margin:.6rem 0 1.2rem}
table{border-collapse:collapse;width:100%;font-size:13px}
caption{text-align:left;font-weight:600;padding:0 0 .4rem;color:var(--ink)}
th,td{border-bottom:1px solid var(--line);padding:.45rem .6rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
table.narrow{width:auto;min-width:min(100%,40rem)}
table.compact{font-size:12px}table.compact th,table.compact td{padding:.25rem .6rem}
thead th{background:var(--head);border-bottom:2px solid var(--line);font-weight:600;white-space:nowrap}
tbody th{font-weight:normal}
tfoot th,tfoot td{font-weight:600;border-top:2px solid var(--line)}
.num{text-align:right}
.when,.size{white-space:nowrap}
.hash-cell{width:16.5rem}
code.hash{white-space:normal;word-break:break-all;overflow-wrap:anywhere}
td code.hash{display:block;font-size:12px;line-height:1.4}
.path{display:block;font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px;color:var(--muted);overflow-wrap:anywhere}
.tag{display:inline-block;margin:.15rem .3rem 0 0;padding:0 .4rem;border:1px solid var(--line);border-radius:3px;font-size:.8rem;color:var(--muted)}
ul.plain{margin:0;padding-left:1rem}ul.plain li+li{margin-top:.3rem}
ul.inline{list-style:none;margin:0;padding:0;display:flex;gap:.8rem}
.note{border:1px solid var(--line);border-radius:4px;padding:.2rem 1rem .6rem;margin:.8rem 0}
.note h3{margin-top:.6rem}
.stamp{margin:.1rem 0 .5rem;font-size:.85rem}
.privileged{display:inline-block;margin:.6rem 0 0;padding:.05rem .45rem;border:1px solid var(--bad);color:var(--bad);font-weight:600;font-size:.75rem;text-transform:uppercase;letter-spacing:.05em}
footer{margin-top:2.5rem;padding-top:.8rem;border-top:1px solid var(--line);color:var(--muted);font-size:.8rem;overflow-wrap:anywhere}
@media (max-width:48rem){
body{padding:1rem}
h1{font-size:1.35rem}
dl{grid-template-columns:1fr;gap:0}
dd{margin-bottom:.5rem}
.key-facts{grid-template-columns:1fr}
.hash-cell{width:auto;min-width:12rem}
}
@media print{
@page{margin:15mm}
body{max-width:none;padding:0;font-size:10pt}
nav{display:none}
a{color:inherit;text-decoration:none}
.table-wrap{overflow:visible}
table{font-size:9pt}
thead{display:table-header-group}
tr,.note,dl{break-inside:avoid}
h2,h3,caption{break-after:avoid}
h2{margin-top:1.4rem}
.masthead,.integrity,thead th,.warn,.notice,.overdue{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
`);

/** One self-contained page: no scripts, nothing loaded from anywhere, every case value escaped. */
export function renderBundleIndex(model: BundleIndexModel): string {
  const sections = [
    summarySection(model),
    timelineSection(model),
    peopleSection(model),
    partiesSection(model),
    evidenceSection(model),
    obligationsSection(model),
    lettersSection(model),
    tasksSection(model),
    notesSection(model),
    aboutSection(model),
  ];
  const info = model.bundle;
  return markup`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${info.software}">
<title>${model.case.title} · case bundle summary</title>
<style>${STYLE}</style></head>
<body>${masthead(model)}<main>${sections}</main>
<footer><p>Bundle <code>${info.bundleId}</code> · ${info.software} · signing key <code class="hash">${info.signerFingerprint}</code></p></footer>
</body></html>
`.text;
}
