import { byteLayout, endOfFirstLine, endOfLastLine, safeCut, type ByteLayout } from './line-breaks';
import { LineTally } from './line-tally';

export { pagesOfText } from './text-pages';

export interface TextPage {
  text: string;
  /** 1-based number of the line the page starts in. */
  firstLine: number;
  /** Lines the page touches; a page cut inside an overlong line shares that line with the next. */
  lineCount: number;
  /** The page's bytes in the original file: [byteStart, byteEnd). A BOM lies before the first page. */
  byteStart: number;
  byteEnd: number;
}

/** A line longer than this many pages is cut where it is, so memory stays bounded. */
const LONGEST_LINE_IN_PAGES = 4;

const BOMS: Record<string, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
};

/**
 * Cuts a text file into pages while it streams past, for the search index and the paged preview.
 *
 * A page is the whole lines that fit in `pageBytes` bytes (more only for a single longer line).
 * Cutting on raw line-feed bytes rather than decoded text makes every page's byte range exact,
 * in UTF-16 and multi-byte UTF-8 too, and the pages do not depend on how the input was chunked.
 * Decoding the bytes [byteStart, byteEnd) with `new TextDecoder(encoding, { ignoreBOM: true })`
 * gives the page's text; joined, the pages are the decoded file without its BOM.
 */
export class TextPager {
  private readonly layout: ByteLayout;
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private readonly bom: number[];
  private readonly tally = new LineTally();
  private pending: Uint8Array = new Uint8Array(0);
  /** File offset of `pending[0]`. */
  private offset = 0;
  private bomChecked = false;

  constructor(
    encoding: string,
    private readonly pageBytes = 65536,
  ) {
    // ignoreBOM: the pager strips the one BOM itself, so a U+FEFF later in the text stays text.
    this.decoder = new TextDecoder(encoding, { ignoreBOM: true });
    this.layout = byteLayout(this.decoder.encoding);
    this.bom = BOMS[this.decoder.encoding] ?? [];
  }

  /** Lines so far (all lines, once `end` has been called). */
  get lines(): number {
    return this.tally.lines;
  }

  push(chunk: Uint8Array): TextPage[] {
    this.pending = this.pending.length === 0 ? chunk : concat(this.pending, chunk);
    const pages = this.bomChecked || this.skipBom(false) ? this.cutPages() : [];
    // Keep a copy of what is left over: a caller may reuse its read buffer for the next chunk.
    if (this.pending.buffer === chunk.buffer) this.pending = this.pending.slice();
    return pages;
  }

  end(): TextPage[] {
    if (!this.bomChecked) this.skipBom(true);
    const pages = this.cutPages();
    // What is left is less than a page, or the end of an overlong line: the last page.
    const rest = this.pending.length > 0 ? this.decoder.decode(this.pending, { stream: true }) : '';
    const text = rest + this.decoder.decode();
    if (text !== '') pages.push(this.page(text, this.offset, this.offset + this.pending.length));
    this.offset += this.pending.length;
    this.pending = new Uint8Array(0);
    return pages;
  }

  /** Drops a leading BOM once enough bytes are in to tell; false while that is not yet known. */
  private skipBom(atEnd: boolean): boolean {
    const { bom, pending } = this;
    const couldStillBe = bom.every((byte, i) => i >= pending.length || pending[i] === byte);
    if (!atEnd && pending.length < bom.length && couldStillBe) return false;
    this.bomChecked = true;
    if (bom.length > 0 && pending.length >= bom.length && couldStillBe) {
      this.pending = pending.subarray(bom.length);
      this.offset = bom.length;
    }
    return true;
  }

  private cutPages(): TextPage[] {
    const pages: TextPage[] = [];
    let start = 0;
    for (let cut = this.nextCut(start); cut > start; cut = this.nextCut(start)) {
      const text = this.decoder.decode(this.pending.subarray(start, cut), { stream: true });
      pages.push(this.page(text, this.offset + start, this.offset + cut));
      start = cut;
    }
    this.pending = this.pending.subarray(start);
    this.offset += start;
    return pages;
  }

  /**
   * The end of the page starting at `start`: after its last line feed within `pageBytes`, else
   * after the first line feed (a long line), else a forced cut; -1 until more bytes are needed.
   * Only bytes decide, never how they were chunked, so the same file always pages the same way.
   */
  private nextCut(start: number): number {
    const available = this.pending.length - start;
    if (available < this.pageBytes || available === 0) return -1;
    const bytes = this.pending;
    const withinPage = endOfLastLine(bytes, start, start + this.pageBytes, this.layout);
    if (withinPage > start) return withinPage;
    const longest = this.pageBytes * LONGEST_LINE_IN_PAGES;
    const longLine = endOfFirstLine(bytes, start, start + Math.min(available, longest), this.layout);
    if (longLine > start) return longLine;
    // One byte past the cut must be in to tell whether the cut falls inside a character.
    return available > longest ? safeCut(bytes, start, start + longest, this.layout) : -1;
  }

  private page(text: string, byteStart: number, byteEnd: number): TextPage {
    const { firstLine, lineCount } = this.tally.add(text);
    return { text, firstLine, lineCount, byteStart, byteEnd };
  }
}

/** Buffer.concat skips zero-filling the new memory, which shows at intake speeds. */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  return Buffer.concat([a, b]);
}
