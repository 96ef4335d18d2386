import type { EvidenceItem, EvidenceKind } from '../../../../shared/domain/evidence';
import { formatCount } from '../../../../shared/text/count';

export const KIND_LABELS: Record<EvidenceKind, string> = {
  text: 'Text',
  csv: 'CSV',
  json: 'JSON',
  email: 'E-mail',
  source: 'Markup',
  image: 'Image',
  pdf: 'PDF',
  docx: 'Word',
  binary: 'Binary',
};

/** What became of the item's text, in one phrase. */
export function textStateOf(item: EvidenceItem): string {
  const { text } = item;
  const note = text.note === '' ? '' : ` (${text.note})`;
  switch (text.state) {
    case 'indexed': {
      const pages =
        text.pages > 0 ? `, ${formatCount(text.pages)} ${text.pages === 1 ? 'page' : 'pages'}` : '';
      return `Indexed for search: ${formatCount(text.lines)} ${text.lines === 1 ? 'line' : 'lines'}${pages}${note}`;
    }
    case 'none':
      return `Not indexed: ${text.note === '' ? 'no text to extract' : text.note}`;
    case 'too-large':
      return `Not indexed: ${text.note === '' ? 'too large to index' : text.note}`;
    case 'failed':
      return `Not indexed: ${text.note === '' ? 'the text could not be extracted' : text.note}`;
  }
}
