import type { EvidenceItem, EvidenceKind } from '../../../../shared/domain/evidence';
import { formatBytes } from '../../../../shared/text/bytes';
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

/** "48.2 MB/s"; an empty string until a rate is known. */
export function formatRate(bytesPerSecond: number): string {
  return bytesPerSecond > 0 ? `${formatBytes(Math.round(bytesPerSecond))}/s` : '';
}

/** "about 2 min 5 s left", "under a second left"; null when not known yet. */
export function formatTimeLeft(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 1) return 'under a second left';
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  if (hours > 0) return `about ${hours} h ${minutes} min left`;
  if (minutes > 0) return `about ${minutes} min ${secs} s left`;
  return `about ${secs} s left`;
}

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
