import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EvidenceKind } from '../../../shared/domain/evidence';
import { addTextPage, readRange, type BlobContent, type StoredBlob } from '../../casefile/repos/blob-repo';
import { docxText } from '../../evidence/docx-text';
import { emailReadableText, parseEmail } from '../../evidence/email-text';
import { MarkupTextStripper } from '../../evidence/markup-text';
import { pdfText } from '../../evidence/pdf-text';
import { pagesOfText, TextPager, type TextPage } from '../../evidence/text-pager';

/** Kinds whose text is the file itself, decoded as it streams in. */
const STREAMED: ReadonlySet<EvidenceKind> = new Set(['text', 'csv', 'json', 'source']);
/** Kinds whose text must be extracted from the whole file once it is stored. */
const EXTRACTED: ReadonlySet<EvidenceKind> = new Set(['email', 'pdf', 'docx']);
/** Extraction holds the whole file in memory; beyond this the item is kept but not indexed. */
export const EXTRACT_LIMIT = 256 * 1024 * 1024;

type TextState = BlobContent['text'];

/**
 * Turns a blob's content into line-aligned text pages in the search index: as the bytes stream
 * in for text files, or from the stored bytes afterwards for e-mail, PDF and DOCX. Markup is
 * indexed without its tags (so `<script>` does not match "script") but with its lines kept, so
 * a hit's line is the line of the source.
 */
export class TextReader {
  readonly #pager: TextPager | null;
  readonly #stripper: MarkupTextStripper | null;
  #pages = 0;
  #lines = 0;

  constructor(
    private readonly kind: EvidenceKind,
    encoding: string | null,
  ) {
    this.#pager = STREAMED.has(kind) && encoding !== null ? new TextPager(encoding) : null;
    this.#stripper = kind === 'source' ? new MarkupTextStripper() : null;
  }

  /** Pages completed by this chunk, to be written with it. */
  push(chunk: Uint8Array): TextPage[] {
    return this.#pager?.push(chunk) ?? [];
  }

  end(): TextPage[] {
    return this.#pager?.end() ?? [];
  }

  write(db: Database, blobId: number, pages: readonly TextPage[]): void {
    for (const page of pages) {
      const indexed = this.#stripper === null ? page.text : this.#stripper.push(page.text);
      addTextPage(
        db,
        blobId,
        {
          page: this.#pages,
          firstLine: page.firstLine,
          lineCount: page.lineCount,
          byteStart: page.byteStart,
          byteEnd: page.byteEnd,
        },
        indexed,
      );
      this.#pages += 1;
      this.#lines = page.firstLine + page.lineCount - 1;
    }
  }

  get needsExtraction(): boolean {
    return EXTRACTED.has(this.kind);
  }

  /** Reads e-mail, PDF or DOCX text from the stored bytes and writes its pages. */
  async extract(db: Database, blob: Pick<StoredBlob, 'id' | 'size'>): Promise<TextState> {
    if (blob.size > EXTRACT_LIMIT) {
      return { state: 'too-large', lines: 0, pages: 0, note: 'Too large to read its text (over 256 MiB).' };
    }
    const bytes = readRange(db, blob, 0, blob.size);
    let text: string;
    try {
      text = await extractText(this.kind, bytes);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unreadable';
      return { state: 'failed', lines: 0, pages: 0, note: `Its text could not be read: ${reason}` };
    }
    const pages = pagesOfText(text);
    db.transaction(() => {
      for (const page of pages) {
        addTextPage(
          db,
          blob.id,
          {
            page: this.#pages,
            firstLine: page.firstLine,
            lineCount: page.lineCount,
            byteStart: null,
            byteEnd: null,
          },
          page.text,
        );
        this.#pages += 1;
        this.#lines = page.firstLine + page.lineCount - 1;
      }
    })();
    return this.state();
  }

  /** What became of the text, for the blob's content record. */
  state(): TextState {
    if (this.#pager === null && !this.needsExtraction) {
      return { state: 'none', lines: 0, pages: 0, note: 'No text to read in this kind of file.' };
    }
    return { state: 'indexed', lines: this.#lines, pages: this.#pages, note: '' };
  }
}

async function extractText(kind: EvidenceKind, bytes: Buffer): Promise<string> {
  if (kind === 'email') return emailReadableText(await parseEmail(bytes));
  if (kind === 'pdf') return pdfText(new Uint8Array(bytes));
  return docxText(bytes);
}
