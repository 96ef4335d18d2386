import { CASE_FILE_EXTENSION } from '../../../../shared/domain/case-file';

/**
 * Names inside a bundle. Evidence and letter names come from people (and from the files they
 * collected), so each is made safe on every file system and numbered, which also keeps names
 * distinct after case folding.
 */

export const SNAPSHOT_PATH = `data/case${CASE_FILE_EXTENSION}`;
export const CASE_JSON_PATH = 'data/case.json';
export const AUDIT_LOG_PATH = 'data/audit-log.jsonl';
export const INDEX_PATH = 'data/index.html';
export const SIGNATURE_FILE = 'tagmanifest-sha256.txt.sig';
export const PAYLOAD_MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';

/** The bag's folder (and the zip's default name): ASCII, from the case title and the date. */
export function bagName(title: string, date: string): string {
  return `${asciiSlug(title, 60) || 'case'}-${date}`;
}

/** `data/evidence/007-access log.csv`: numbered, printable, at most ~120 bytes. */
export function evidencePath(index: number, name: string): string {
  return `data/evidence/${String(index).padStart(3, '0')}-${safeName(name) || 'file'}`;
}

export function letterPath(index: number, title: string, format: 'pdf' | 'docx' | 'html'): string {
  return `data/letters/${String(index).padStart(2, '0')}-${asciiSlug(title, 60) || 'letter'}.${format}`;
}

/** Keeps a name readable while removing what some file system or tool would refuse or misread. */
function safeName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|%\p{Cc}\p{Cf}]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return truncateUtf8(cleaned, 110);
}

function asciiSlug(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** Cuts at a character boundary, keeping the extension when there is room. */
function truncateUtf8(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  let stem = name.slice(0, name.length - ext.length);
  while (Buffer.byteLength(stem + ext) > maxBytes) stem = [...stem].slice(0, -1).join('');
  return stem + ext;
}
