import { dataElementLabel, type DataElement } from '../../../shared/domain/data-elements';
import type { Facts } from '../../../shared/domain/facts';
import type { Population } from '../../../shared/domain/populations';
import type { TimeFormat } from '../../../shared/forms/form-schema';
import {
  decisionOfSource,
  placeOfSource,
  type FixedSource,
  type FormSource,
} from '../../../shared/forms/sources';
import { jurisdictionName } from '../../../shared/jurisdictions/jurisdictions';
import type { RiskLevel } from '../../../shared/obligations/obligation';
import { REGULATED_ROLE_NAMES } from '../../../shared/obligations/organisation-scope';
import { REGIME_DECISION_INFO } from '../../../shared/obligations/regime-decisions';
import { countText, durationText, instantText, timeText } from './sheet-values';

/**
 * What an answer sheet may read of a case: facts, counts, data-element labels, the
 * organisation's own details, and the notice's clock and what was sent. No roster value is
 * among them, by construction.
 */
export interface SheetCase {
  facts: Facts;
  /** The organisation's name (Case › Organisation). */
  organisation: string;
  caseId: string;
  dataElements: readonly DataElement[];
  /** People affected per jurisdiction as the case knows them (hand-entered, else the roster's). */
  populations: readonly Population[];
  /** The GDPR risk level a person confirmed, if any. */
  risk: RiskLevel | null;
  /** The notice as the engine sees it now; null when it is not owed on the facts recorded. */
  notice: {
    residents: number;
    fromRoster: number;
    handEntered: number;
    /** The report's deadline; null while the notice waits for a decision. */
    deadline: { state: 'fixed' | 'waiting' | 'undetermined'; due: string | null; wording: string } | null;
  } | null;
  recipient: string;
  /** The report the sheet is for: the stage's title, or the notice's for a single notice. */
  reportTitle: string;
  /** For a stage after the first: when the stage before it was sent (null while it is not). */
  previousStageSentAt: string | null;
  /** Whether the sheet is for a stage after the first (so a previous report exists). */
  laterStage: boolean;
  /** When notices to the individuals of the notice's jurisdiction were recorded as sent. */
  individualsNotifiedAt: readonly string[];
  /** Other notices recorded as sent: recipient and when. */
  otherNoticesSent: readonly { recipient: string; sentAt: string }[];
  /** The day the sheet is prepared (YYYY-MM-DD). */
  today: string;
  /** The case's zone: instants are shown in it. */
  zone: string;
}

export interface ResolvedValue {
  value: string;
  /** Where the value came from; for a missing one, where it is entered. */
  source: string;
  missing: boolean;
}

const found = (value: string, source: string): ResolvedValue => ({ value, source, missing: false });
const missing = (source: string): ResolvedValue => ({ value: '', source, missing: true });
/** A text value from a place in the app: missing when blank. */
const textAt = (value: string, source: FormSource): ResolvedValue =>
  value.trim() === '' ? missing(placeOfSource(source)) : found(value.trim(), placeOfSource(source));

const NATURE_WORDS: Record<Facts['nature'][number], string> = {
  confidentiality: 'Confidentiality (data disclosed or accessed)',
  integrity: 'Integrity (data altered)',
  availability: 'Availability (data lost or unreachable)',
};

const RISK_TEXT: Record<RiskLevel, string> = {
  unlikely: "Unlikely to result in a risk to people's rights and freedoms",
  risk: 'Likely to result in a risk to people, not a high risk',
  high: 'Likely to result in a high risk to people',
};

const CONTACT_KINDS: Record<Facts['organisation']['contactKind'], string> = {
  dpo: 'Data Protection Officer',
  contact_point: 'Contact point',
};

/** The value a field's source gives in this case, with where it came from, or "missing". */
export function resolveSource(
  source: FormSource,
  format: TimeFormat | undefined,
  sheet: SheetCase,
): ResolvedValue {
  const decision = decisionOfSource(source);
  if (decision !== null) {
    const recorded = sheet.facts.decisions[decision.key];
    const place = placeOfSource(source);
    if (recorded === undefined) return missing(`${place}: not decided yet`);
    if (recorded.answer === 'no') return missing(`${place}: answered no on ${timeText(recorded.at, 'date')}`);
    return decision.part === 'at'
      ? found(timeText(recorded.at, format), `${place}: ${REGIME_DECISION_INFO[decision.key].label}`)
      : textAt(recorded.basis, source);
  }
  return resolveFixed(source as FixedSource, format, sheet);
}

function resolveFixed(source: FixedSource, format: TimeFormat | undefined, sheet: SheetCase): ResolvedValue {
  const { facts } = sheet;
  const place = placeOfSource(source);
  const time = (value: Facts['discoveredAt']) =>
    value === null ? missing(place) : found(timeText(value, format), place);
  switch (source) {
    case 'facts.summary':
      return textAt(facts.summary, source);
    case 'facts.cause':
      return textAt(facts.cause, source);
    case 'facts.consequences':
      return textAt(facts.consequences, source);
    case 'facts.measures':
      return textAt(facts.measures, source);
    case 'facts.nature':
      return facts.nature.length === 0
        ? missing(place)
        : found(facts.nature.map((n) => NATURE_WORDS[n]).join('; '), place);
    case 'facts.discoveredAt':
      return time(facts.discoveredAt);
    case 'facts.awareAt':
      return time(facts.awareAt);
    case 'facts.containedAt':
      return time(facts.containedAt);
    case 'facts.exposureStart':
      return time(facts.exposureStart);
    case 'facts.exposureEnd':
      return time(facts.exposureEnd);
    case 'facts.exposurePeriod':
      return exposurePeriod(facts, format, place);
    case 'facts.exposureDuration': {
      const { exposureStart: start, exposureEnd: end } = facts;
      const text = start === null || end === null ? null : durationText(start.utc, end.utc);
      return text === null ? missing(place) : found(text, place);
    }
    case 'facts.status':
      return found(facts.status, place);
    case 'lawEnforcementDelay': {
      const { requested, note } = facts.lawEnforcementDelay;
      return found(
        requested
          ? `Yes: law enforcement asked for a delay.${note.trim() === '' ? '' : ` ${note.trim()}`}`
          : 'No: no law-enforcement delay is recorded.',
        place,
      );
    }
    default:
      return resolveOrganisation(source, sheet) ?? resolveCounts(source, format, sheet);
  }
}

function exposurePeriod(facts: Facts, format: TimeFormat | undefined, place: string): ResolvedValue {
  const { exposureStart: start, exposureEnd: end } = facts;
  if (start === null) {
    return end === null
      ? missing(place)
      : found(`Until ${timeText(end, format)} (start not recorded)`, place);
  }
  if (end === null) return found(`From ${timeText(start, format)} (end not recorded)`, place);
  return found(`${timeText(start, format)} to ${timeText(end, format)}`, place);
}

function resolveOrganisation(source: FixedSource, sheet: SheetCase): ResolvedValue | null {
  const org = sheet.facts.organisation;
  const place = placeOfSource(source);
  const kind = CONTACT_KINDS[org.contactKind];
  // A contact named only by its role ("Data Protection Officer") is not named twice.
  const name = org.contactName.trim() === kind ? '' : org.contactName;
  const contact = [name, org.contactEmail, org.contactPhone].map((s) => s.trim()).filter(Boolean);
  switch (source) {
    case 'organisation.name':
      return textAt(sheet.organisation, source);
    case 'organisation.address':
      return textAt(org.address, source);
    case 'organisation.contact':
      return contact.length === 0 ? missing(place) : found(`${kind}: ${contact.join(', ')}`, place);
    case 'organisation.contactName':
      return textAt(org.contactName, source);
    case 'organisation.contactEmail':
      return textAt(org.contactEmail, source);
    case 'organisation.contactPhone':
      return textAt(org.contactPhone, source);
    case 'organisation.dpo':
      if (org.contactKind !== 'dpo')
        return missing(
          `${placeOfSource('organisation.contact')}: the contact recorded is a contact point, not a DPO`,
        );
      return contact.length === 0 ? missing(place) : found(contact.join(', '), place);
    case 'organisation.establishment':
      return org.establishment === ''
        ? missing(place)
        : found(`${jurisdictionName(org.establishment)} (${org.establishment})`, place);
    case 'organisation.establishedIn': {
      const codes = [...new Set([org.establishment, ...org.establishedIn].filter(Boolean))];
      return codes.length === 0
        ? missing(place)
        : found(codes.map((c) => `${jurisdictionName(c)} (${c})`).join('; '), place);
    }
    case 'organisation.regulatedRoles':
      return org.regulatedRoles.length === 0
        ? missing(place)
        : found(org.regulatedRoles.map((r) => REGULATED_ROLE_NAMES[r]).join('; '), place);
    default:
      return null;
  }
}

function resolveCounts(source: FixedSource, format: TimeFormat | undefined, sheet: SheetCase): ResolvedValue {
  const place = placeOfSource(source);
  const instants = (list: readonly string[]) =>
    [...new Set(list.map((utc) => instantText(utc, sheet.zone, format)))].join('; ');
  switch (source) {
    case 'case.reference':
      return found(sheet.caseId, place);
    case 'case.peopleTotal': {
      const total = sheet.populations.reduce((sum, p) => sum + p.count, 0);
      if (total === 0) return missing(place);
      const estimate = sheet.populations.every((p) => p.exact) ? '' : ' (estimate)';
      return found(
        `${countText(total)}${estimate}`,
        `People & data: ${countText(total)} people affected in all jurisdictions`,
      );
    }
    case 'case.jurisdictions': {
      const rows = [...sheet.populations].filter((p) => p.count > 0).sort((a, b) => b.count - a.count);
      if (rows.length === 0) return missing(place);
      return found(
        rows
          .map((p) => `${jurisdictionName(p.jurisdiction)} (${p.jurisdiction}): ${countText(p.count)}`)
          .join('; '),
        place,
      );
    }
    case 'dataElements.labels':
      return sheet.dataElements.length === 0
        ? missing(place)
        : found(sheet.dataElements.map(elementText).join('; '), place);
    case 'assessment.risk':
      return sheet.risk === null
        ? missing(`${place}: not confirmed yet`)
        : found(RISK_TEXT[sheet.risk], place);
    case 'obligation.residents':
      return residents(sheet, place);
    case 'obligation.deadline':
      return deadline(sheet, format, place);
    case 'obligation.recipient':
      return found(sheet.recipient, place);
    case 'stage.title':
      return found(sheet.reportTitle, place);
    case 'stages.previousSentAt':
      if (!sheet.laterStage) return missing(`${place}: this is the first report`);
      return sheet.previousStageSentAt === null
        ? missing(`${place}: not recorded as sent yet`)
        : found(instants([sheet.previousStageSentAt]), place);
    case 'notices.individualsNotifiedOn':
      return sheet.individualsNotifiedAt.length === 0
        ? missing(`${place}: none recorded as sent yet`)
        : found(instants(sheet.individualsNotifiedAt), place);
    case 'notices.otherRecipients':
      return sheet.otherNoticesSent.length === 0
        ? missing(`${place}: none recorded as sent yet`)
        : found(
            sheet.otherNoticesSent
              .map((n) => `${n.recipient} (sent ${instantText(n.sentAt, sheet.zone, format)})`)
              .join('; '),
            place,
          );
    case 'report.date':
      return found(sheet.today, place);
    case 'manual':
      return missing(place);
    default:
      // Every source above is answered by the facts or organisation resolvers.
      return missing(place);
  }
}

function elementText(element: DataElement): string {
  const label = dataElementLabel(element.term, element.customLabel);
  if (!element.encrypted) return label;
  return `${label} (encrypted${element.keyCompromised ? ', key compromised' : ''})`;
}

function residents(sheet: SheetCase, place: string): ResolvedValue {
  const { notice } = sheet;
  if (notice === null) return missing(`${place}: the notice is not owed on the facts recorded now`);
  if (notice.residents === 0) return missing(place);
  const parts = [
    notice.fromRoster > 0 ? `${countText(notice.fromRoster)} from the roster` : '',
    notice.handEntered > 0 ? `${countText(notice.handEntered)} entered by hand` : '',
  ].filter(Boolean);
  return found(
    countText(notice.residents),
    `People & data: ${countText(notice.residents)} people counted under this rule${parts.length === 0 ? '' : ` (${parts.join(', ')})`}`,
  );
}

function deadline(sheet: SheetCase, format: TimeFormat | undefined, place: string): ResolvedValue {
  if (sheet.notice === null) return missing(`${place}: the notice is not owed on the facts recorded now`);
  const due = sheet.notice.deadline;
  if (due === null) return missing(`${place}: the notice waits for a decision`);
  if (due.due !== null) return found(instantText(due.due, sheet.zone, format), place);
  if (due.state === 'undetermined') return found(due.wording, place);
  return missing(`${place}: the clock has not started (${due.wording})`);
}
