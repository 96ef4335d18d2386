/**
 * What pdfkit (0.20) keeps after flushPages() that would otherwise grow with every letter of a
 * print batch, and how to let it go. This reaches into pdfkit's internals, typed here by the
 * little that is used: if a pdfkit upgrade renames them, trimming does nothing (the output is
 * the same, only memory grows again) and test/bench/print-batch.bench.ts shows it.
 */
interface Reference {
  id: number;
  gen: number;
}
interface Internals {
  _root?: { data?: { Pages?: { data?: { Kids?: unknown[] } } } };
  _fontFamilies?: Record<string, { layoutCache?: Record<string, unknown> }>;
}

/**
 * Releases what the flushed pages left behind:
 * - each font's cache of laid-out words, which holds every distinct word (names, addresses) of
 *   every letter so far; it fills again within the next letter, where it pays off;
 * - the page tree's references to flushed pages, each holding the page's whole object graph
 *   (content, resources, fonts dictionary) though only its object number is still needed to
 *   write the tree at the end: each is swapped for a bare reference with that number.
 * `flushedUpTo` is how many pages have been flushed (bufferedPageRange().start).
 */
export function trimFlushed(doc: PDFKit.PDFDocument, flushedUpTo: number, trimmed: number): number {
  const internals = doc as unknown as Internals;
  for (const font of Object.values(internals._fontFamilies ?? {})) {
    if (font.layoutCache !== undefined) font.layoutCache = Object.create(null) as Record<string, unknown>;
  }
  const kids = internals._root?.data?.Pages?.data?.Kids;
  if (kids === undefined) return trimmed;
  for (let index = trimmed; index < flushedUpTo && index < kids.length; index++) {
    const page = kids[index] as Reference;
    // Same prototype, so pdfkit still writes it as "n 0 R"; nothing else is kept.
    const bare = Object.create(Object.getPrototypeOf(page) as object) as Reference;
    bare.id = page.id;
    bare.gen = page.gen;
    kids[index] = bare;
  }
  return Math.min(flushedUpTo, kids.length);
}
