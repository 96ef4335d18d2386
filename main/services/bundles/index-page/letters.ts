import type { LetterRecord } from '../../../../shared/domain/letters';
import { markup, type SafeHtml } from '../../../formats/html/html-template';
import { EMPTY, emptyState, lines, muted, section, warn } from './blocks';
import { fileLink } from './links';
import type { BundleIndexModel, BundleLetterEntry, BundleLetterFile } from './model';
import { table } from './table';
import { utcText } from './text';
import { plural } from '../../../../shared/text/plural';

// The index page's Letters: status, what each answers, links to the rendered files.

const LETTER_STATUS_LABELS = { draft: 'Draft', in_review: 'In review', approved: 'Approved', sent: 'Sent' };

function letterStatusCell(letter: LetterRecord): SafeHtml {
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

function letterFiles(files: readonly BundleLetterFile[]): SafeHtml {
  if (files.length === 0) return muted('No rendered files');
  const links = files.map((f) => markup`<li>${fileLink(f.bagPath, f.format.toUpperCase())}</li>`);
  return markup`<ul class="inline">${links}</ul>`;
}

function letterRow({ letter, files }: BundleLetterEntry, titles: ReadonlyMap<string, string>): SafeHtml[] {
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

export function lettersSection(model: BundleIndexModel): SafeHtml {
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
