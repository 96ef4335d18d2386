import { fileTypeFromBuffer } from 'file-type';
import type { EvidenceKind } from '../../shared/domain/evidence';
import { textVerdict } from './text-encoding';
import { extensionOf, sniffText } from './text-sniff';

export interface DetectedContent {
  mediaType: string;
  kind: EvidenceKind;
  /** WHATWG encoding name for text-like content, else null. */
  encoding: string | null;
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Formats file-type recognises by a signature but that are text: they go through text detection
 * so their encoding is known and markup among them (XML, SVG) becomes `source`.
 */
const TEXT_SIGNATURES = new Set([
  'application/xml',
  'application/rtf',
  'application/postscript',
  'application/eps',
  'application/pgp-encrypted',
  'application/x-ms-regedit',
  'text/calendar',
  'text/vcard',
  'text/vtt',
]);

/**
 * Decides an item's media type, preview kind and text encoding from its first bytes (at most
 * 64 KiB) and its name. Content decides; the extension only breaks ties, because evidence is
 * often misnamed, sometimes on purpose.
 */
export async function detectContent(head: Buffer, name: string): Promise<DetectedContent> {
  const signature = await fileTypeFromBuffer(head);
  const signed = signature?.mime ?? null;
  if (signed !== null && !TEXT_SIGNATURES.has(signed)) return binaryByType(signed, name);
  const verdict = textVerdict(head);
  if (!verdict.text) return { mediaType: 'application/octet-stream', kind: 'binary', encoding: null };
  const text = new TextDecoder(verdict.encoding).decode(head.subarray(verdict.bomLength), { stream: true });
  return { ...sniffText(text, name, signed), encoding: verdict.encoding };
}

function binaryByType(mediaType: string, name: string): DetectedContent {
  if (IMAGE_TYPES.has(mediaType)) return { mediaType, kind: 'image', encoding: null };
  if (mediaType === PDF) return { mediaType, kind: 'pdf', encoding: null };
  // file-type finds the Word part inside the zip only if the head reaches it; a zip named .docx
  // whose head says no more is taken at its name (mammoth will say if it is not one).
  if (mediaType === DOCX || (mediaType === 'application/zip' && extensionOf(name) === 'docx')) {
    return { mediaType: DOCX, kind: 'docx', encoding: null };
  }
  return { mediaType, kind: 'binary', encoding: null };
}
