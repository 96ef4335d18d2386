/**
 * pdf.js looks for an already loaded worker module on `globalThis.pdfjsWorker` and then runs it
 * in this thread (Node has no web workers). Loading it ourselves means pdf.js never has to find
 * `pdf.worker.mjs` by a path relative to itself, which a bundle would break. The specifier is a
 * variable because the worker ships without type declarations.
 */
const WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

async function ensureWorker(): Promise<void> {
  const holder = globalThis as { pdfjsWorker?: unknown };
  if (holder.pdfjsWorker !== undefined) return;
  const worker: unknown = await import(/* @vite-ignore */ WORKER_MODULE);
  holder.pdfjsWorker = worker;
}

/** pdf.js logs through console.log; errors only, so nothing lands in the CLI's output. */
const VERBOSITY_ERRORS = 0;

/**
 * The text of a PDF: items joined with spaces, a line break where pdf.js marks the end of a
 * line, and a blank line between pages. Fonts are not loaded and nothing is evaluated or fetched:
 * the PDF is evidence, so only its text is read.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  await ensureWorker();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy (a plain
  // Uint8Array: it refuses Buffers, and Buffer#slice would not copy). pdf.js 6 has
  // no `isEvalSupported` option any more: it no longer compiles fonts or functions with eval.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    // Nothing is fetched: no worker fetches and no WebAssembly decoders (images are not needed).
    useWorkerFetch: false,
    useWasm: false,
    stopAtErrors: false,
    verbosity: VERBOSITY_ERRORS,
  });
  try {
    const document = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(pageText(content.items));
      page.cleanup();
    }
    return pages.length === 0 ? '' : `${pages.join('\n\n')}\n`;
  } catch (error) {
    throw unreadable(error);
  } finally {
    await task.destroy();
  }
}

interface PdfTextItem {
  str: string;
  hasEOL: boolean;
}

/** Marked-content entries in the item list carry no text; only items with `str` count. */
function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && 'str' in item && typeof item.str === 'string';
}

function pageText(items: readonly unknown[]): string {
  let text = '';
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const needsSpace = text !== '' && !/\s$/.test(text) && item.str !== '' && !/^\s/.test(item.str);
    text += (needsSpace ? ' ' : '') + item.str + (item.hasEOL ? '\n' : '');
  }
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

function unreadable(error: unknown): Error {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new Error('The PDF is password-protected', { cause: error });
  return new Error('The PDF is damaged or not a PDF', { cause: error });
}
