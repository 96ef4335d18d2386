import { analyse } from 'chardet';

/** What the first bytes of a file say about it being text, and in which encoding. */
export type TextVerdict = { text: true; encoding: string; bomLength: number } | { text: false };

/** Share of stray control bytes above which a file without NUL bytes is still called binary. */
const CONTROL_BYTE_LIMIT = 0.03;

/**
 * chardet's names mapped to WHATWG labels. Only encodings a TextDecoder decodes are listed:
 * chardet's ISO-2022-CN/KR and its generic guesses have no WHATWG decoder (the labels map to
 * "replacement"), so they fall back like an unknown guess.
 */
const CHARDET_TO_WHATWG: Record<string, string> = {
  Big5: 'big5',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  GB18030: 'gb18030',
  'ISO-2022-JP': 'iso-2022-jp',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8',
  'ISO-8859-9': 'windows-1254',
  'KOI8-R': 'koi8-r',
  Shift_JIS: 'shift_jis',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'windows-1257': 'windows-1257',
  'windows-1258': 'windows-1258',
  'windows-874': 'windows-874',
};

const FALLBACK_ENCODING = 'windows-1252';

/** Decides whether `head` (the first bytes of a file) is text, and its encoding as a WHATWG name. */
export function textVerdict(head: Uint8Array): TextVerdict {
  const bom = byteOrderMark(head);
  if (bom) return { text: true, ...bom };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { text: true, encoding: utf16, bomLength: 0 };
  if (looksBinary(head)) return { text: false };
  return { text: true, encoding: isUtf8(head) ? 'utf-8' : guessLegacyEncoding(head), bomLength: 0 };
}

function byteOrderMark(head: Uint8Array): { encoding: string; bomLength: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return null;
}

/**
 * UTF-16 written without a BOM has NUL bytes, which would otherwise make it binary. ASCII-range
 * text in UTF-16 has a NUL in (nearly) every other byte and almost none in the rest; binary
 * formats do not keep that pattern over a whole head.
 */
function utf16WithoutBom(head: Uint8Array): string | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const mostly = (n: number): boolean => n >= pairs * 0.95;
  const rarely = (n: number): boolean => n <= pairs * 0.02;
  if (mostly(oddZeros) && rarely(evenZeros)) return 'utf-16le';
  if (mostly(evenZeros) && rarely(oddZeros)) return 'utf-16be';
  return null;
}

/** NUL bytes, or more than a few control bytes that text does not use (tab, line breaks, form feed, ESC). */
function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && !isTextControl(byte)) control++;
  }
  return head.length > 0 && control / head.length > CONTROL_BYTE_LIMIT;
}

function isTextControl(byte: number): boolean {
  // \t \n \v \f \r, and ESC for the colour codes of terminal logs.
  return (byte >= 0x09 && byte <= 0x0d) || byte === 0x1b;
}

/** Valid UTF-8, allowing a multi-byte sequence cut off by the end of the head (stream mode holds it back). */
function isUtf8(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function guessLegacyEncoding(head: Uint8Array): string {
  for (const match of analyse(head)) {
    const label = CHARDET_TO_WHATWG[match.name];
    const encoding = label === undefined ? null : decoderName(label);
    if (encoding) return encoding;
  }
  return FALLBACK_ENCODING;
}

/** The canonical name of a label this runtime's TextDecoder accepts, or null (Node without full ICU lacks some). */
function decoderName(label: string): string | null {
  try {
    const encoding = new TextDecoder(label).encoding;
    return encoding === 'replacement' ? null : encoding;
  } catch {
    return null;
  }
}
