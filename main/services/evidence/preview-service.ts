import type { EvidenceItem, Preview, PREVIEW_MODES } from '../../../shared/domain/evidence';
import { BreachdeskError } from '../../../shared/ipc/errors';
import type { CaseFile } from '../../casefile/case-file';
import { pageOfLine, readRange, textPage, type StoredBlob } from '../../casefile/repos/blob-repo';
import { blobById } from '../../casefile/repos/blob-repo';
import { getEvidenceItem } from '../../casefile/repos/evidence-repo';
import { csvTable } from '../../evidence/csv-table';
import { parseEmail } from '../../evidence/email-text';
import { hexRows } from '../../evidence/hex';
import { EXTRACT_LIMIT } from './text-reader';

type Mode = (typeof PREVIEW_MODES)[number];

const HEX_PAGE_BYTES = 4096;
const JSON_LIMIT = 8 * 1024 * 1024;
const IMAGE_LIMIT = 32 * 1024 * 1024;
const PDF_LIMIT = 64 * 1024 * 1024;
/** Raster formats a browser decodes as pictures; SVG is not among them (it can hold script). */
const RASTER_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/avif',
]);

/**
 * One page of a safe view of an item: text, a table, headers, hex, or an image as a data URL
 * of a raster type. Nothing returned is markup to render; scriptable files come back as text.
 */
export async function previewEvidence(
  file: CaseFile,
  id: string,
  mode: Mode,
  page: number,
  line: number | undefined,
): Promise<Preview> {
  const found = getEvidenceItem(file.db, id);
  if (found === null) throw new BreachdeskError('NOT_FOUND', 'That evidence item does not exist.');
  const blob = blobById(file.db, found.blobId);
  if (blob === null)
    throw new BreachdeskError('CASE_CORRUPT', `The stored bytes of ${found.item.name} are missing.`);
  const { item } = found;
  if (mode === 'hex' || (mode === 'natural' && item.kind === 'binary')) return hexPreview(file, blob, page);
  if (mode === 'text') return textPreview(file, item, blob, page, line);
  switch (item.kind) {
    case 'csv':
      return tablePreview(file, item, blob, page, line);
    case 'json':
      return jsonPreview(file, item, blob, page, line);
    case 'email':
      return emailPreview(file, item, blob, page, line);
    case 'image':
      return imagePreview(file, item, blob);
    case 'pdf':
      return blob.size > PDF_LIMIT
        ? textPreview(file, item, blob, page, line)
        : {
            type: 'pdf',
            base64: readRange(file.db, blob, 0, blob.size).toString('base64'),
            textPages: item.text.pages,
          };
    default:
      return textPreview(file, item, blob, page, line);
  }
}

function hexPreview(file: CaseFile, blob: StoredBlob, page: number): Preview {
  const pages = Math.max(1, Math.ceil(blob.size / HEX_PAGE_BYTES));
  const shown = Math.min(page, pages - 1);
  const offset = shown * HEX_PAGE_BYTES;
  const bytes = readRange(file.db, blob, offset, offset + HEX_PAGE_BYTES);
  return { type: 'hex', page: shown, pages, offset, rows: hexRows(bytes, offset) };
}

interface PageText {
  page: number;
  pages: number;
  firstLine: number;
  text: string;
}

/** A page of the item's text: decoded from the original bytes for markup, else as indexed. */
function readTextPage(
  file: CaseFile,
  item: EvidenceItem,
  blob: StoredBlob,
  page: number,
  line: number | undefined,
): PageText | null {
  if (item.text.state !== 'indexed' || item.text.pages === 0) return null;
  const wanted = line === undefined ? page : (pageOfLine(file.db, blob.id, line) ?? 0);
  const shown = Math.min(wanted, item.text.pages - 1);
  const row = textPage(file.db, blob.id, shown);
  if (row === null) return null;
  let text = row.text;
  // Markup is indexed without its tags; the preview shows the source itself, as text.
  if (item.kind === 'source' && row.byteStart !== null && row.byteEnd !== null) {
    text = new TextDecoder(item.encoding ?? 'utf-8', { ignoreBOM: true }).decode(
      readRange(file.db, blob, row.byteStart, row.byteEnd),
    );
  }
  return { page: shown, pages: item.text.pages, firstLine: row.firstLine, text };
}

function linesOf(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function textPreview(
  file: CaseFile,
  item: EvidenceItem,
  blob: StoredBlob,
  page: number,
  line: number | undefined,
): Preview {
  const text = readTextPage(file, item, blob, page, line);
  if (text === null) {
    return {
      type: 'none',
      reason: item.text.note === '' ? 'This item has no readable text.' : item.text.note,
    };
  }
  return {
    type: 'text',
    source: item.kind === 'source',
    encoding: item.encoding,
    page: text.page,
    pages: text.pages,
    firstLine: text.firstLine,
    lines: linesOf(text.text),
  };
}

function tablePreview(
  file: CaseFile,
  item: EvidenceItem,
  blob: StoredBlob,
  page: number,
  line: number | undefined,
): Preview {
  const text = readTextPage(file, item, blob, page, line);
  if (text === null) return textPreview(file, item, blob, page, line);
  const header =
    text.page === 0
      ? null
      : csvTable(readTextPage(file, item, blob, 0, undefined)?.text ?? '', true, null).header;
  const table = csvTable(text.text, text.page === 0, header);
  return { type: 'table', page: text.page, pages: text.pages, firstLine: text.firstLine, ...table };
}

function jsonPreview(
  file: CaseFile,
  item: EvidenceItem,
  blob: StoredBlob,
  page: number,
  line: number | undefined,
): Preview {
  if (blob.size > JSON_LIMIT || line !== undefined) return textPreview(file, item, blob, page, line);
  try {
    const text = new TextDecoder(item.encoding ?? 'utf-8').decode(readRange(file.db, blob, 0, blob.size));
    return { type: 'json', text: JSON.stringify(JSON.parse(text), null, 2) };
  } catch {
    // Not one JSON document (JSON Lines, or damaged): show it as the text it is.
    return textPreview(file, item, blob, page, line);
  }
}

async function emailPreview(
  file: CaseFile,
  item: EvidenceItem,
  blob: StoredBlob,
  page: number,
  line: number | undefined,
): Promise<Preview> {
  if (blob.size > EXTRACT_LIMIT || line !== undefined) return textPreview(file, item, blob, page, line);
  try {
    const mail = await parseEmail(readRange(file.db, blob, 0, blob.size));
    return { type: 'email', ...mail };
  } catch {
    return textPreview(file, item, blob, page, line);
  }
}

function imagePreview(file: CaseFile, item: EvidenceItem, blob: StoredBlob): Preview {
  if (!RASTER_TYPES.has(item.mediaType))
    return { type: 'none', reason: `${item.mediaType} images are shown as hex only.` };
  if (blob.size > IMAGE_LIMIT)
    return { type: 'none', reason: 'The image is too large to preview (over 32 MiB); export it to view it.' };
  const base64 = readRange(file.db, blob, 0, blob.size).toString('base64');
  return { type: 'image', dataUrl: `data:${item.mediaType};base64,${base64}`, mediaType: item.mediaType };
}
