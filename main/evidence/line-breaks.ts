/**
 * Finding line breaks in raw bytes, so pages can be cut without decoding first and their byte
 * ranges stay exact. In UTF-8 and the legacy encodings TextDecoder supports, 0x0A is only ever
 * a line feed (no multi-byte sequence uses it). In UTF-16 a line feed is the code unit 0x000A,
 * found at an even offset.
 */
export interface ByteLayout {
  /** Bytes per code unit: 2 for UTF-16, else 1. */
  unit: 1 | 2;
  /** For UTF-16: whether the low byte comes first. */
  littleEndian: boolean;
  /** UTF-8 continuation bytes must not be split from their lead byte at a forced cut. */
  utf8: boolean;
}

export function byteLayout(encoding: string): ByteLayout {
  if (encoding === 'utf-16le') return { unit: 2, littleEndian: true, utf8: false };
  if (encoding === 'utf-16be') return { unit: 2, littleEndian: false, utf8: false };
  return { unit: 1, littleEndian: false, utf8: encoding === 'utf-8' };
}

function isLineFeedAt(bytes: Uint8Array, at: number, layout: ByteLayout): boolean {
  if (layout.unit === 1) return bytes[at] === 0x0a;
  const low = layout.littleEndian ? bytes[at] : bytes[at + 1];
  const high = layout.littleEndian ? bytes[at + 1] : bytes[at];
  return low === 0x0a && high === 0x00;
}

/**
 * The offset just past the last line feed that ends within [from, to), or -1. `from` must be
 * at a code unit boundary.
 */
export function endOfLastLine(bytes: Uint8Array, from: number, to: number, layout: ByteLayout): number {
  if (layout.unit === 1) {
    const found = to > from ? bytes.lastIndexOf(0x0a, to - 1) : -1;
    return found >= from ? found + 1 : -1;
  }
  for (let at = from + Math.floor((to - from) / 2) * 2 - 2; at >= from; at -= 2) {
    if (isLineFeedAt(bytes, at, layout)) return at + 2;
  }
  return -1;
}

/** The offset just past the first line feed that ends within [from, to), or -1. */
export function endOfFirstLine(bytes: Uint8Array, from: number, to: number, layout: ByteLayout): number {
  if (layout.unit === 1) {
    const found = bytes.indexOf(0x0a, from);
    return found >= 0 && found < to ? found + 1 : -1;
  }
  for (let at = from; at + 2 <= to; at += 2) {
    if (isLineFeedAt(bytes, at, layout)) return at + 2;
  }
  return -1;
}

/**
 * Where to force a cut in a line too long for one page: at `at` or a little before, so that no
 * UTF-8 sequence, UTF-16 code unit or surrogate pair is split and each page decodes on its own.
 * Legacy multi-byte encodings (Shift_JIS…) may still split a character; the streaming decoder
 * carries it into the next page, so the text stays whole.
 */
export function safeCut(bytes: Uint8Array, from: number, at: number, layout: ByteLayout): number {
  if (layout.unit === 2) {
    const even = from + Math.floor((at - from) / 2) * 2;
    const highByte = layout.littleEndian ? bytes[even - 1] : bytes[even - 2];
    const endsInHighSurrogate = highByte !== undefined && highByte >= 0xd8 && highByte <= 0xdb;
    return endsInHighSurrogate && even - 2 > from ? even - 2 : even;
  }
  if (!layout.utf8) return at;
  let cut = at;
  // Step back over continuation bytes (at most three) to the lead byte, and cut before it.
  while (cut > from && at - cut < 4 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return cut > from ? cut : at;
}
