import { createHash } from 'node:crypto';
import type { DataElement } from '../../../shared/domain/data-elements';
import type { NoticeSettings } from '../../../shared/domain/notices';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { MergeFieldId } from '../../../shared/letters/merge-fields';
import { mergeValues, personFieldValues, type PersonMergeValues } from '../../../shared/letters/merge-values';
import { plainTextOf } from '../../../shared/letters/plain-text';
import type { CaseFile } from '../../casefile/case-file';
import { getCaseRecord } from '../../casefile/repos/case-repo';
import { getFacts } from '../../casefile/repos/facts-repo';
import { getLetter, getLetterVersion } from '../../casefile/repos/letters-repo';
import { dataElementsTable } from '../../casefile/repos/tables';
import { markup } from '../../formats/html/html-template';
import type { LetterRenderInput } from '../../letters/render/letter-render-input';
import { renderLetterHtml } from '../../letters/render/render-html';
import { peopleCountedBy } from '../obligations/obligations-service';
import { effectivePopulations } from '../roster/effective-populations';

/** The fields a notice fills for each person; everything else is the case's, once per letter. */
const PER_PERSON = [
  'person.name',
  'person.accountId',
  'person.dataElements',
  'offer.code',
  'recipient.name',
  'recipient.address',
] as const satisfies readonly MergeFieldId[];
type PerPersonField = (typeof PER_PERSON)[number];

/** Stand-ins written where a person's value goes; private-use characters pass escaping unchanged. */
const slot = (field: PerPersonField) => `\uE000${field}\uE001`;

const NO_NAME = { en: 'Sir or Madam', fr: 'Madame, Monsieur' } as const;

/**
 * One approved letter version prepared for a run: its text and HTML rendered once with a slot
 * for each per-person value, so writing a million notices fills slots instead of laying out a
 * million letters. The PDF path merges the same values into the render input.
 */
export class LetterFrame {
  constructor(
    readonly letterId: string,
    readonly version: number,
    readonly subject: string,
    readonly language: 'en' | 'fr',
    readonly input: LetterRenderInput,
    private readonly text: string,
    private readonly html: string,
    /** The case's data elements (a person's own terms are shown with the case's labels). */
    readonly caseElements: readonly DataElement[],
  ) {}

  /** The person's values for each per-person field (a missing name reads "Sir or Madam"). */
  personFields(person: PersonMergeValues, address: string): Record<PerPersonField, string> {
    const values = personFieldValues(person, this.language, null);
    const name = person.name ?? NO_NAME[this.language];
    return {
      'person.name': name,
      'person.accountId': values['person.accountId'] ?? '',
      'person.dataElements': values['person.dataElements'] ?? '',
      'offer.code': values['offer.code'] ?? '',
      'recipient.name': name,
      'recipient.address': address,
    };
  }

  email(fields: Record<PerPersonField, string>): { text: string; html: string } {
    let text = this.text;
    let html = this.html;
    for (const field of PER_PERSON) {
      text = text.replaceAll(slot(field), fields[field]);
      html = html.replaceAll(slot(field), markup`${fields[field]}`.toString());
    }
    return { text, html };
  }

  /** The render input of one person's printed letter. */
  print(fields: Record<PerPersonField, string>): LetterRenderInput {
    return { ...this.input, values: { ...this.input.values, ...fields } };
  }
}

/** Frames of the letters a run uses, made once each. */
export class LetterFrames {
  readonly #frames = new Map<string, LetterFrame>();

  constructor(
    private readonly file: CaseFile,
    private readonly letterDate: string,
    private readonly today: string,
    private readonly settings: NoticeSettings,
  ) {}

  get(letterId: string, version: number): LetterFrame {
    const key = `${letterId}:${version}`;
    let frame = this.#frames.get(key);
    if (frame === undefined) {
      frame = this.#make(letterId, version);
      this.#frames.set(key, frame);
    }
    return frame;
  }

  #make(letterId: string, version: number): LetterFrame {
    const { db } = this.file;
    const letter = getLetter(db, letterId);
    const chosen = getLetterVersion(db, letterId, version);
    if (letter === null || chosen === null)
      throw new BreachdeskError('NOT_FOUND', 'A letter this run was written from no longer exists.');
    const record = getCaseRecord(db);
    const facts = getFacts(db);
    const dataElements = dataElementsTable.all(db);
    const offer = this.settings.offer;
    const values = {
      ...mergeValues({
        record,
        facts,
        dataElements,
        populations: effectivePopulations(db),
        peopleCounted:
          letter.obligationRuleId === null
            ? null
            : peopleCountedBy(this.file, letter.obligationRuleId, this.today),
        jurisdiction: letter.jurisdiction,
        letterDate: this.letterDate,
        recipient: { name: '', address: '' },
        language: letter.language,
        offer: offer.enabled ? { service: offer.service, enrolBy: offer.enrolBy } : null,
      }),
      ...Object.fromEntries(PER_PERSON.map((field) => [field, slot(field)])),
    };
    const { organisation } = facts;
    const contact = [organisation.contactName, organisation.contactEmail, organisation.contactPhone]
      .filter((part) => part !== '')
      .join(' · ');
    const input: LetterRenderInput = {
      title: letter.title,
      jurisdiction: letter.jurisdiction,
      language: letter.language,
      letterhead: { organisation: record.organisation, address: organisation.address, contact },
      doc: chosen.doc,
      values,
    };
    return new LetterFrame(
      letterId,
      version,
      letter.title,
      letter.language,
      input,
      plainTextOf(chosen.doc, values),
      renderLetterHtml(input),
      dataElements,
    );
  }
}

/** A stable short id of a run's letters, for the e-mails' Message-ID domain fallback. */
export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
