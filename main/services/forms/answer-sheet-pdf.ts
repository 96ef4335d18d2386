import type { AnswerSheet, AnswerSheetField } from '../../../shared/forms/answer-sheet';
import type { BlockNode, InlineNode } from '../../../shared/letters/document';
import type { CaseFile } from '../../casefile/case-file';
import type { LetterRenderInput } from '../../letters/render/letter-render-input';
import { renderLetterHtml } from '../../letters/render/render-html';
import { renderLetterPdf } from '../../letters/render/render-pdf';
import { writeFileAtomically } from '../files/atomic-write';
import { refuseRosterValues, textOfHtml } from '../notices/pii-guard';

const text = (value: string, marks?: ('bold' | 'italic')[]): InlineNode[] =>
  value === ''
    ? []
    : [
        {
          type: 'text',
          text: value,
          ...(marks === undefined ? {} : { marks: marks.map((type) => ({ type })) }),
        },
      ];
const paragraph = (...content: InlineNode[][]): BlockNode => ({ type: 'paragraph', content: content.flat() });
const heading = (level: 1 | 2 | 3, value: string): BlockNode => ({
  type: 'heading',
  attrs: { level },
  content: text(value),
});

/** One field: its label, the answer (or "missing" in bold), where it came from, and its help line. */
function fieldBlocks(field: AnswerSheetField): BlockNode[] {
  const answer = field.missing
    ? [paragraph(text('missing', ['bold']))]
    : field.value.split('\n').map((line) => paragraph(text(line)));
  return [
    heading(3, field.label),
    ...answer,
    paragraph(text(`${field.missing ? 'To be entered at' : 'From'}: ${field.source}`, ['italic'])),
    ...(field.help === '' ? [] : [paragraph(text(field.help, ['italic']))]),
  ];
}

/** The sheet as a document for the letters' renderers: fields under their form's sections. */
export function answerSheetRenderInput(
  sheet: AnswerSheet,
  organisation: string,
  address: string,
): LetterRenderInput {
  const answered = sheet.fields.length - sheet.missingCount;
  const blocks: BlockNode[] = [
    heading(1, sheet.title),
    paragraph(text('Regulator: ', ['bold']), text(sheet.regulator)),
    paragraph(
      text('Notice: ', ['bold']),
      text(
        `${sheet.ruleTitle}${sheet.stageTitle === null ? '' : ` · ${sheet.stageTitle}`} (to ${sheet.recipient})`,
      ),
    ),
    paragraph(
      text(
        `Answer sheet prepared from the case on ${sheet.preparedOn}: ${answered} of ${sheet.fields.length} fields answered, ${sheet.missingCount} missing. Copy each answer onto the regulator's form and check it there. Decision support, not legal advice.`,
      ),
    ),
    ...(sheet.note === '' ? [] : [paragraph(text(sheet.note, ['italic']))]),
  ];
  let section: string | null = null;
  for (const field of sheet.fields) {
    if (field.section !== section) {
      section = field.section;
      if (section !== '') blocks.push(heading(2, section));
    }
    blocks.push(...fieldBlocks(field));
  }
  blocks.push(
    heading(2, 'Where the form’s fields were read'),
    paragraph(text(sheet.citation)),
    ...sheet.references.map((r) => paragraph(text(`[${r.key}] ${r.url}`))),
  );
  return {
    title: `${sheet.title}: answer sheet`,
    jurisdiction: sheet.jurisdiction,
    language: 'en',
    // The organisation's name and address head the sheet; its contact appears only where the form asks.
    letterhead: { organisation, address, contact: '' },
    doc: { type: 'doc', content: blocks },
    values: {},
  };
}

/**
 * Writes the sheet as a PDF (the letters' PDF layer), complete or not at all. Like every output
 * meant for a regulator it is checked against the roster's names, e-mails, phones and account
 * ids first, and refused on a hit.
 */
export async function exportAnswerSheetPdf(
  file: CaseFile,
  input: LetterRenderInput,
  path: string,
  overwrite: boolean,
  createdAt: Date,
): Promise<string> {
  refuseRosterValues(file, 'The answer sheet', [textOfHtml(renderLetterHtml(input))]);
  const bytes = await renderLetterPdf(input, { compact: true, createdAt });
  return writeFileAtomically(path, bytes, overwrite);
}
