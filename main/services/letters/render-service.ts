import { createHash } from 'node:crypto';
import type { LETTER_FORMATS } from '../../../shared/domain/letters';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { getCaseRecord } from '../../casefile/repos/case-repo';
import { getFacts } from '../../casefile/repos/facts-repo';
import { getLetter, getLetterVersion } from '../../casefile/repos/letters-repo';
import type { LetterRenderInput } from '../../letters/render/letter-render-input';
import { renderLetterDocx } from '../../letters/render/render-docx';
import { renderLetterHtml } from '../../letters/render/render-html';
import { renderLetterPdf } from '../../letters/render/render-pdf';
import { changeWithAudit } from '../audited';
import { writeFileAtomically } from '../files/atomic-write';
import type { ServiceContext } from '../context';
import { valuesFor } from './letter-context';
import { plainTextOf } from '../../../shared/letters/plain-text';
import { templateById } from '../../../shared/letters/templates';
import { refuseRosterValues } from '../notices/pii-guard';

type Format = (typeof LETTER_FORMATS)[number];

/** What the three renderers need: the version (by default the approved one while approved or sent, else the latest) and the case's letterhead. */
export function renderInput(
  file: CaseFile,
  id: string,
  version: number | undefined,
  today: string,
): LetterRenderInput {
  const letter = getLetter(file.db, id);
  if (letter === null) throw new BreachdeskError('NOT_FOUND', 'That letter does not exist.');
  // While approved or sent, the approved version is the letter; once edited again, the draft is.
  const settled = letter.status === 'approved' || letter.status === 'sent';
  const wanted =
    version ?? (settled ? (letter.approvedVersion ?? letter.latestVersion) : letter.latestVersion);
  const chosen = getLetterVersion(file.db, id, wanted);
  if (chosen === null) throw new BreachdeskError('NOT_FOUND', `The letter has no version ${wanted}.`);
  const record = getCaseRecord(file.db);
  const { organisation } = getFacts(file.db);
  const contact = [organisation.contactName, organisation.contactEmail, organisation.contactPhone]
    .filter((part) => part !== '')
    .join(' · ');
  return {
    title: letter.title,
    jurisdiction: letter.jurisdiction,
    language: letter.language,
    letterhead: { organisation: record.organisation, address: organisation.address, contact },
    doc: chosen.doc,
    values: valuesFor(file, letter, today),
  };
}

export async function renderLetterBytes(input: LetterRenderInput, format: Format): Promise<Buffer> {
  if (format === 'pdf') return renderLetterPdf(input);
  if (format === 'docx') return renderLetterDocx(input);
  return Buffer.from(renderLetterHtml(input), 'utf8');
}

const REGULATORS: ReadonlySet<string> = new Set([
  'supervisory_authority',
  'attorney_general',
  'state_police',
  'other_regulator',
  'consumer_reporting_agencies',
]);

/**
 * A letter that must hold no personal data (a sample notice the regulator publishes, a filing to
 * a regulator, a substitute notice posted for anyone to read) is checked against every value in
 * the roster before it leaves the case; a hit refuses it, naming the kind of value, masked.
 */
function refuseIfPersonal(file: CaseFile, id: string, input: LetterRenderInput): void {
  const letter = getLetter(file.db, id);
  const template = letter === null ? null : templateById(letter.templateId);
  if (template === null || (!template.noPersonalData && !REGULATORS.has(template.recipientKind))) return;
  const text = [
    plainTextOf(input.doc, input.values, 'empty'),
    letter?.recipient.name ?? '',
    letter?.recipient.address ?? '',
  ];
  refuseRosterValues(file, `The letter "${input.title}"`, [text.join('\n')]);
}

/** Renders a letter to a file (written under a temporary name, then renamed), and records it. */
export async function renderLetterToFile(
  file: CaseFile,
  ctx: ServiceContext,
  request: { id: string; format: Format; path: string; overwrite: boolean; version?: number | undefined },
  today: string,
): Promise<{ path: string; bytes: number; sha256: string }> {
  const input = renderInput(file, request.id, request.version, today);
  refuseIfPersonal(file, request.id, input);
  const bytes = await renderLetterBytes(input, request.format);
  const target = await writeFileAtomically(request.path, bytes, request.overwrite);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  changeWithAudit(file, ctx, () => ({
    result: undefined,
    audit: {
      action: 'letter.rendered',
      target: `letter:${request.id}`,
      payload: { format: request.format, path: target, bytes: bytes.length, sha256 },
    },
  }));
  return { path: target, bytes: bytes.length, sha256 };
}
