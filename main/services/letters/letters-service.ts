import { randomUUID } from 'node:crypto';
import { diffWordsWithSpace } from 'diff';
import type { z } from 'zod';
import type {
  LetterRecord,
  LetterStatus,
  LetterVersion,
  LetterView,
  diffPartSchema,
} from '../../../shared/domain/letters';
import type { lettersContract } from '../../../shared/ipc/letters-contract';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { LetterDocument } from '../../../shared/letters/document';
import { documentFromTemplate, freezeDocument, plainTextOf } from '../../../shared/letters/from-markdown';
import { LETTER_TEMPLATES } from '../../../shared/letters/templates';
import { inJurisdiction } from '../../../shared/letters/merge-values';
import type { LetterTemplate } from '../../../shared/letters/template';
import { activeRulePack } from '../obligations/active-pack';
import type { Rule } from '../../../shared/obligations/rule-pack';
import type { CaseFile } from '../../casefile/case-file';
import { getFacts } from '../../casefile/repos/facts-repo';
import {
  appendLetterVersion,
  getLetter,
  getLetterVersion,
  letterVersions,
  listLetters,
  putLetter,
} from '../../casefile/repos/letters-repo';
import { changeWithAudit } from '../audited';
import type { ServiceContext } from '../context';
import { setObligationStatus } from '../obligations/obligations-service';
import { templateForRule } from '../../../shared/letters/obligation-template';
import { obligationStatuses } from '../../casefile/repos/obligations-repo';
import { checksFor, requireTemplate, timelineFor, valuesFor } from './letter-context';

type CreateInput = z.output<(typeof lettersContract)['letters.create']['input']>;
type StatusInput = z.output<(typeof lettersContract)['letters.setStatus']['input']>;

export function letterTemplates() {
  return LETTER_TEMPLATES.map(
    ({ id, title, description, recipientKind, jurisdiction, language, ruleIds }) => ({
      id,
      title,
      description,
      recipientKind,
      jurisdiction,
      language,
      ruleIds,
    }),
  );
}

export { listLetters };

function requireRule(ruleId: string): Rule {
  const rule = activeRulePack().rules.find((r) => r.id === ruleId);
  if (rule === undefined)
    throw new BreachdeskError('NOT_FOUND', `There is no obligation rule called ${JSON.stringify(ruleId)}.`);
  return rule;
}

/**
 * Where a letter speaks for: its obligation's place (a US AG letter for Texas), else the place
 * asked for if it lies within the template's (a generic US letter for "US-TX"), else the template's.
 */
function jurisdictionFor(template: LetterTemplate, rule: Rule | null, asked: string | undefined): string {
  if (rule !== null) return rule.jurisdiction;
  if (asked === undefined) return template.jurisdiction;
  const code = asked.toUpperCase();
  const within = template.jurisdiction === 'any' || inJurisdiction(code, template.jurisdiction);
  if (code === template.jurisdiction.toUpperCase()) return template.jurisdiction;
  if (within) return code;
  throw new BreachdeskError(
    'INVALID_INPUT',
    `A letter from the template ${JSON.stringify(template.id)} is for ${template.jurisdiction}; ${JSON.stringify(asked)} is not within it.`,
  );
}

/**
 * The recipient of a new letter: as given, or, when drafted for an obligation with no name given,
 * the rule's recipient ("Texas Attorney General"; the lead supervisory authority's name for GDPR).
 */
function recipientFor(
  file: CaseFile,
  rule: Rule | null,
  given: { name: string; address: string },
): { name: string; address: string } {
  if (rule === null || given.name.trim() !== '') return { name: given.name, address: given.address };
  const authority =
    activeRulePack().authorities[getFacts(file.db).organisation.establishment] ??
    'the lead supervisory authority';
  return { name: rule.recipient.name.replaceAll('{leadAuthority}', authority), address: given.address };
}

function requireLetter(file: CaseFile, id: string): LetterRecord {
  const letter = getLetter(file.db, id);
  if (letter === null) throw new BreachdeskError('NOT_FOUND', 'That letter does not exist.');
  return letter;
}

function requireVersion(file: CaseFile, id: string, version: number): LetterVersion {
  const found = getLetterVersion(file.db, id, version);
  if (found === null) throw new BreachdeskError('NOT_FOUND', `The letter has no version ${version}.`);
  return found;
}

export function letterView(file: CaseFile, id: string, today: string): LetterView {
  const letter = requireLetter(file, id);
  const version = requireVersion(file, id, letter.latestVersion);
  const values = valuesFor(file, letter, today);
  const checks = checksFor(letter, version.doc, values, timelineFor(file, letter, today));
  return { letter, version, values, checks };
}

/**
 * The template a letter is drafted from: the one named, else (for an obligation) the rule's own or
 * the generic one for its recipient; a notice no template fits says why.
 */
function templateFor(templateId: string | undefined, rule: Rule | null): LetterTemplate {
  if (templateId !== undefined) return requireTemplate(templateId);
  if (rule === null)
    throw new BreachdeskError('INVALID_INPUT', 'Name the template to draft the letter from.');
  const choice = templateForRule(rule);
  if (choice.template === null) throw new BreachdeskError('UNSUPPORTED', choice.reason);
  return choice.template;
}

/**
 * Drafts a letter from a template for a recipient: version 1 holds the template's text and tokens.
 * A letter for an obligation is linked to it, and moves a notice still to do to "drafting" in the
 * same transaction (audited; a notice already drafting, sent or not required is left as it is).
 */
export function createLetter(
  file: CaseFile,
  ctx: ServiceContext,
  input: CreateInput,
  today: string,
  /**
   * Whether a notice still to do moves to "drafting": yes when a person drafts (`draftLetter`, the
   * bridge and the command line), no where a case is built with its statuses set apart (the demo).
   */
  options: { moveNotice: boolean } = { moveNotice: false },
): LetterView {
  const rule = input.obligationRuleId === null ? null : requireRule(input.obligationRuleId);
  const template = templateFor(input.templateId, rule);
  const recipient = recipientFor(file, rule, input.recipient);
  const jurisdiction = jurisdictionFor(template, rule, input.jurisdiction);
  const id = file.transaction(() => {
    const created = insertLetter(file, ctx, input, template, recipient, jurisdiction);
    if (rule !== null && options.moveNotice) markDrafting(file, ctx, rule.id, created.title, today);
    return created.id;
  });
  return letterView(file, id, today);
}

/** Drafts a letter as a person does: a letter for a notice still to do moves it to "drafting". */
export function draftLetter(
  file: CaseFile,
  ctx: ServiceContext,
  input: CreateInput,
  today: string,
): LetterView {
  return createLetter(file, ctx, input, today, { moveNotice: true });
}

function markDrafting(
  file: CaseFile,
  ctx: ServiceContext,
  ruleId: string,
  title: string,
  today: string,
): void {
  const current = obligationStatuses(file.db).find((s) => s.ruleId === ruleId)?.status ?? 'todo';
  if (current !== 'todo') return;
  setObligationStatus(
    file,
    ctx,
    { ruleId, stageId: null },
    undefined,
    { status: 'drafting', note: `Letter "${title}" drafted.` },
    today,
  );
}

function insertLetter(
  file: CaseFile,
  ctx: ServiceContext,
  input: CreateInput,
  template: LetterTemplate,
  recipient: { name: string; address: string },
  jurisdiction: string,
): { id: string; title: string } {
  return changeWithAudit(file, ctx, (db, at) => {
    const letter: LetterRecord = {
      id: randomUUID(),
      templateId: template.id,
      title: input.title ?? (recipient.name === '' ? template.title : `${template.title}: ${recipient.name}`),
      recipient,
      // A letter for an obligation speaks for that obligation's place (a US AG letter for Texas).
      jurisdiction,
      language: template.language,
      obligationRuleId: input.obligationRuleId,
      status: 'draft',
      approvedVersion: null,
      override: null,
      sentAt: null,
      channel: '',
      latestVersion: 1,
      createdAt: at,
      createdBy: ctx.actor,
      updatedAt: at,
    };
    putLetter(db, letter);
    appendLetterVersion(db, {
      letterId: letter.id,
      version: 1,
      doc: documentFromTemplate(template.body),
      kind: 'drafted',
      savedAt: at,
      savedBy: ctx.actor,
    });
    return {
      result: { id: letter.id, title: letter.title },
      audit: {
        action: 'letter.drafted',
        target: `letter:${letter.id}`,
        payload: { title: letter.title, templateId: template.id, obligationRuleId: letter.obligationRuleId },
      },
    };
  });
}

/**
 * Adds a version. Versions never change; a letter that was approved or sent goes back to draft
 * when edited, its approved version kept as it was.
 */
function addVersion(
  file: CaseFile,
  ctx: ServiceContext,
  id: string,
  baseVersion: number,
  doc: LetterDocument,
  kind: LetterVersion['kind'],
): void {
  changeWithAudit(file, ctx, (db, at) => {
    const letter = getLetter(db, id);
    if (letter === null) throw new BreachdeskError('NOT_FOUND', 'That letter does not exist.');
    if (letter.latestVersion !== baseVersion) {
      throw new BreachdeskError(
        'ALREADY_EXISTS',
        `The letter was saved elsewhere meanwhile (now version ${letter.latestVersion}); reload it before editing.`,
      );
    }
    const version = letter.latestVersion + 1;
    appendLetterVersion(db, { letterId: id, version, doc, kind, savedAt: at, savedBy: ctx.actor });
    const reopened = letter.status === 'approved' || letter.status === 'in_review';
    putLetter(db, {
      ...letter,
      latestVersion: version,
      status: reopened ? 'draft' : letter.status,
      updatedAt: at,
    });
    return {
      result: undefined,
      audit: {
        action: kind === 'frozen' ? 'letter.frozen' : 'letter.saved',
        target: `letter:${id}`,
        payload: { version, ...(reopened ? { statusFrom: letter.status, statusTo: 'draft' } : {}) },
      },
    };
  });
}

export function saveLetter(
  file: CaseFile,
  ctx: ServiceContext,
  id: string,
  baseVersion: number,
  doc: LetterDocument,
  today: string,
): LetterView {
  if (requireLetter(file, id).status === 'sent') {
    throw new BreachdeskError('UNSUPPORTED', 'A sent letter cannot be changed; draft a new letter instead.');
  }
  addVersion(file, ctx, id, baseVersion, doc, 'edited');
  return letterView(file, id, today);
}

/** Replaces merge fields with their current values, as a new version. */
export function freezeLetter(file: CaseFile, ctx: ServiceContext, id: string, today: string): LetterView {
  const view = letterView(file, id, today);
  if (view.letter.status === 'sent')
    throw new BreachdeskError('UNSUPPORTED', 'A sent letter cannot be changed.');
  const frozen = freezeDocument(view.version.doc, view.values);
  addVersion(file, ctx, id, view.letter.latestVersion, frozen.doc, 'frozen');
  return letterView(file, id, today);
}

export function updateLetter(
  file: CaseFile,
  ctx: ServiceContext,
  id: string,
  change: { title?: string | undefined; recipient?: { name: string; address: string } | undefined },
  today: string,
): LetterView {
  changeWithAudit(file, ctx, (db, at) => {
    const letter = getLetter(db, id);
    if (letter === null) throw new BreachdeskError('NOT_FOUND', 'That letter does not exist.');
    const after = {
      ...letter,
      ...(change.title === undefined ? {} : { title: change.title }),
      ...(change.recipient === undefined ? {} : { recipient: change.recipient }),
    };
    if (JSON.stringify(after) === JSON.stringify(letter)) return { result: undefined, audit: null };
    putLetter(db, { ...after, updatedAt: at });
    return {
      result: undefined,
      audit: { action: 'letter.updated', target: `letter:${id}`, payload: change },
    };
  });
  return letterView(file, id, today);
}

const NEXT: Record<LetterStatus, readonly LetterStatus[]> = {
  draft: ['in_review', 'approved'],
  in_review: ['draft', 'approved'],
  approved: ['draft', 'sent'],
  sent: [],
};

/**
 * Moves a letter along draft → in review → approved → sent. Approval runs the checks: any that
 * fails needs an override reason, recorded with the failing checks. Approval pins the version.
 * Sending records the date and channel, and the linked obligation as sent.
 */
export function setLetterStatus(
  file: CaseFile,
  ctx: ServiceContext,
  input: StatusInput,
  today: string,
): LetterView {
  const view = letterView(file, input.id, today);
  const { letter } = view;
  if (!NEXT[letter.status].includes(input.status)) {
    throw new BreachdeskError(
      'INVALID_INPUT',
      `A letter that is ${letter.status.replace('_', ' ')} cannot become ${input.status.replace('_', ' ')}.`,
    );
  }
  const failing = view.checks.filter((c) => c.status === 'fail');
  const override = input.status === 'approved' ? (input.override ?? '').trim() : '';
  if (input.status === 'approved' && failing.length > 0 && override === '') {
    throw new BreachdeskError(
      'INVALID_INPUT',
      `${failing.length} check${failing.length === 1 ? '' : 's'} fail (${failing.map((c) => c.title).join('; ')}); fix them or record why the letter is approved anyway.`,
    );
  }
  changeWithAudit(file, ctx, (db, at) => {
    const next: LetterRecord = {
      ...letter,
      status: input.status,
      approvedVersion:
        input.status === 'approved'
          ? letter.latestVersion
          : input.status === 'draft'
            ? null
            : letter.approvedVersion,
      override:
        input.status === 'approved'
          ? failing.length === 0
            ? null
            : { reason: override, by: ctx.actor, at, failing: failing.map((c) => c.id) }
          : letter.override,
      sentAt: input.status === 'sent' ? input.sentAt : letter.sentAt,
      channel: input.status === 'sent' ? input.channel : letter.channel,
      updatedAt: at,
    };
    putLetter(db, next);
    return {
      result: undefined,
      audit: {
        action: 'letter.status_changed',
        target: `letter:${letter.id}`,
        payload: {
          from: letter.status,
          to: input.status,
          version: letter.latestVersion,
          ...(next.override !== null && input.status === 'approved' ? { override: next.override } : {}),
          ...(input.status === 'sent' ? { sentAt: input.sentAt, channel: input.channel } : {}),
        },
      },
    };
  });
  if (input.status === 'sent' && letter.obligationRuleId !== null) {
    setObligationStatus(
      file,
      ctx,
      { ruleId: letter.obligationRuleId, stageId: null },
      undefined,
      {
        status: 'sent',
        sentAt: input.sentAt,
        channel: input.channel,
        note: `Letter "${letter.title}", version ${letter.latestVersion}.`,
      },
      today,
    );
  }
  return letterView(file, input.id, today);
}

export function versionsOf(file: CaseFile, id: string): Omit<LetterVersion, 'doc'>[] {
  requireLetter(file, id);
  return letterVersions(file.db, id).map(({ doc: _doc, ...rest }) => rest);
}

export function versionOf(file: CaseFile, id: string, version: number): LetterVersion {
  return requireVersion(file, id, version);
}

/** Word-level difference between two versions' text (merge fields shown by name). */
export function diffVersions(
  file: CaseFile,
  id: string,
  from: number,
  to: number,
): z.output<typeof diffPartSchema>[] {
  const before = plainTextOf(requireVersion(file, id, from).doc);
  const after = plainTextOf(requireVersion(file, id, to).doc);
  return diffWordsWithSpace(before, after).map((part) => ({
    value: part.value,
    added: part.added === true,
    removed: part.removed === true,
  }));
}
