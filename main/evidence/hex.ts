export interface HexRow {
  offset: number;
  hex: string;
  ascii: string;
}

const BYTES_PER_ROW = 16;

/**
 * Rows of a hex dump: 16 bytes each as `00 01 …` with an extra space after the eighth, and the
 * printable ASCII beside them ('.' for everything else, so no byte can act as a control character).
 * `baseOffset` is where `bytes` start in the file.
 */
export function hexRows(bytes: Uint8Array, baseOffset: number): HexRow[] {
  const rows: HexRow[] = [];
  for (let start = 0; start < bytes.length; start += BYTES_PER_ROW) {
    const row = bytes.subarray(start, start + BYTES_PER_ROW);
    const pairs = Array.from(row, (byte) => byte.toString(16).padStart(2, '0'));
    const hex = [pairs.slice(0, 8).join(' '), pairs.slice(8).join(' ')]
      .filter((half) => half !== '')
      .join('  ');
    const ascii = Array.from(row, (byte) =>
      byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.',
    ).join('');
    rows.push({ offset: baseOffset + start, hex, ascii });
  }
  return rows;
}
