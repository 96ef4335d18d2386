import { PassThrough, Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../main/evidence/pdf-text';
import type { LetterRenderInput } from '../../main/letters/render/letter-render-input';
import { AddressBlockError } from '../../main/letters/render/print-address';
import { printWindowFor, type Rect } from '../../main/letters/render/print-geometry';
import {
  renderPrintBatch,
  type PrintBatchResult,
  type PrintLetter,
} from '../../main/letters/render/render-print-batch';
import { letterDocumentSchema } from '../../shared/letters/document';

const CREATED = new Date('2026-02-03T10:00:00Z');
const FILLER =
  'We take the protection of your personal information seriously and regret any concern this incident may cause. ' +
  'This paragraph is long on purpose so that letters of different lengths run over different numbers of pages.';

function input(jurisdiction: string, paragraphs: number, language: 'en' | 'fr' = 'en'): LetterRenderInput {
  return {
    title: 'Notice',
    jurisdiction,
    language,
    letterhead: {
      organisation: 'Acme Retail Inc.',
      address: '1 Market Street\nSan Francisco, CA 94105',
      contact: 'privacy@acme.example',
    },
    doc: letterDocumentSchema.parse({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Notice of Data Breach' }] },
        ...Array.from({ length: paragraphs }, () => ({
          type: 'paragraph',
          content: [{ type: 'text', text: FILLER }],
        })),
      ],
    }),
    values: {},
  };
}

const letter = (name: string, jurisdiction: string, paragraphs: number): PrintLetter => ({
  recipientLines: [name, '200 Main Street Apt 4', 'Springfield, IL 62701'],
  input: input(jurisdiction, paragraphs),
});

interface Item {
  str: string;
  page: number;
  /** Left edge, and the baseline measured down from the top of the page, in points. */
  x: number;
  baseline: number;
  width: number;
  size: number;
}

/** Renders a batch into memory. */
async function batch(
  letters: PrintLetter[],
  options: { duplex?: boolean } = {},
): Promise<{ bytes: Buffer; result: PrintBatchResult }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await renderPrintBatch(letters, out, { ...options, createdAt: CREATED });
  return { bytes: Buffer.concat(chunks), result };
}

/** pdf.js text items with their positions: the oracle for where things landed. */
async function pdfItems(bytes: Buffer): Promise<{ items: Item[]; pages: number }> {
  await pdfText(bytes); // loads pdf.js's worker the way main does
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useWorkerFetch: false,
    useWasm: false,
    verbosity: 0,
  });
  const document = await task.promise;
  const items: Item[] = [];
  for (let page = 1; page <= document.numPages; page++) {
    const pdfPage = await document.getPage(page);
    const height = pdfPage.view[3] ?? 0;
    for (const item of (await pdfPage.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
      items.push({
        str: item.str,
        page,
        x: e,
        baseline: height - f,
        width: item.width,
        size: Math.hypot(c, d),
      });
    }
  }
  const pages = document.numPages;
  await task.destroy();
  return { items, pages };
}

const onPage = (items: Item[], page: number) => items.filter((item) => item.page === page);

/** Rounding of positions in the PDF's content stream. */
const EPSILON = 0.01;

/** The glyphs of an item lie inside the rectangle (DejaVu Sans: ascent 0.928 em, descent 0.236 em). */
function expectInside(item: Item, rect: Rect): void {
  expect(item.x, item.str).toBeGreaterThanOrEqual(rect.left - EPSILON);
  expect(item.x + item.width, item.str).toBeLessThanOrEqual(rect.left + rect.width + EPSILON);
  expect(item.baseline - 0.93 * item.size, item.str).toBeGreaterThanOrEqual(rect.top - EPSILON);
  expect(item.baseline + 0.24 * item.size, item.str).toBeLessThanOrEqual(rect.top + rect.height + EPSILON);
}

describe('renderPrintBatch', () => {
  const letters = [
    letter('Ann One', 'US-CA', 2),
    letter('Bob Two', 'US-NY', 12),
    letter('Cy Three', 'US-TX', 24),
  ];
  let result: PrintBatchResult;
  let items: Item[];
  let pages: number;

  beforeAll(async () => {
    const rendered = await batch(letters);
    result = rendered.result;
    ({ items, pages } = await pdfItems(rendered.bytes));
  });

  it('returns page ranges that match the file, each letter starting on a new page', () => {
    expect(result.letters.map((l) => l.pages)).toEqual([1, 2, 3]);
    expect(result.letters.map((l) => l.firstPage)).toEqual([1, 2, 4]);
    expect(result.pages).toBe(6);
    expect(pages).toBe(result.pages);
    result.letters.forEach((printed, index) => {
      const name = letters[index]!.recipientLines[0]!;
      expect(items.filter((item) => item.str === name).map((item) => item.page)).toEqual([printed.firstPage]);
    });
  });

  it('numbers pages per letter: "Page k of n" counted within each letter', () => {
    for (const printed of result.letters) {
      for (let k = 1; k <= printed.pages; k++) {
        const labels = onPage(items, printed.firstPage + k - 1).filter((item) =>
          item.str.startsWith('Page '),
        );
        expect(labels.map((item) => item.str)).toEqual([`Page ${k} of ${printed.pages}`]);
      }
    }
  });

  it('puts the address lines inside the US #10 window, and the body below it', () => {
    const place = printWindowFor('LETTER');
    for (const [index, printed] of result.letters.entries()) {
      const first = onPage(items, printed.firstPage);
      for (const line of letters[index]!.recipientLines) {
        const item = first.find((candidate) => candidate.str === line);
        expect(item, line).toBeDefined();
        expectInside(item!, place.window);
        expectInside(item!, place.recipient);
      }
      const title = first.find((item) => item.str === 'Notice of Data Breach');
      expect(title!.baseline - title!.size).toBeGreaterThan(place.window.top + place.window.height);
      // The letterhead sits above the window.
      const head = first.find((item) => item.str === 'privacy@acme.example');
      expect(head!.baseline).toBeLessThan(place.window.top);
    }
  });
});

describe('on A4', () => {
  it('puts the return line and the recipient in the DIN 5008 form B field, and a non-ASCII name renders', async () => {
    const names = ['Zoë Łukasiewicz-Núñez', 'Дмитрий Ševčík'];
    const french: PrintLetter[] = names.map((name, index) => ({
      recipientLines: [name, '12 rue de l’Église', '75004 Paris', 'FRANCE'],
      input: input('FR', 3 + index * 10, 'fr'),
    }));
    const { bytes, result } = await batch(french);
    const { items } = await pdfItems(bytes);
    const place = printWindowFor('A4');
    for (const [index, printed] of result.letters.entries()) {
      const first = onPage(items, printed.firstPage);
      for (const line of french[index]!.recipientLines) {
        const item = first.find((candidate) => candidate.str === line);
        expect(item, line).toBeDefined();
        expectInside(item!, place.window);
        expectInside(item!, place.recipient);
      }
      // At 10 pt the whole sender does not fit 85 mm: trailing parts are dropped.
      const back = first.find((item) => item.str.startsWith('Acme Retail Inc., '));
      expect(back?.str).toBe('Acme Retail Inc., 1 Market Street');
      expectInside(back!, place.returnLine!);
      expect(first.map((item) => item.str)).toContain(`Page 1 sur ${printed.pages}`);
    }
  });
});

describe('duplex', () => {
  it('adds blank pages so that every letter starts on an odd page', async () => {
    const letters = [
      letter('Ann One', 'US-CA', 2),
      letter('Bob Two', 'US-NY', 24),
      letter('Cy Three', 'US', 12),
    ];
    const { bytes, result } = await batch(letters, { duplex: true });
    const { items, pages } = await pdfItems(bytes);
    expect(result.letters).toEqual([
      { firstPage: 1, pages: 1 },
      { firstPage: 3, pages: 3 },
      { firstPage: 7, pages: 2 },
    ]);
    expect(result.pages).toBe(8);
    expect(pages).toBe(8);
    for (const blank of [2, 6]) expect(onPage(items, blank)).toEqual([]);
    expect(onPage(items, 4).map((item) => item.str)).toContain('Page 2 of 3');
  });
});

describe('streaming and errors', () => {
  it('writes the first letters out before the last one is read', async () => {
    let written = 0;
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done();
      },
    });
    const seen: number[] = [];
    async function* source(): AsyncGenerator<PrintLetter> {
      for (let index = 0; index < 4; index++) {
        seen.push(written);
        yield letter(`Person ${index}`, 'US-CA', 2);
        await nextTurn();
      }
    }
    const result = await renderPrintBatch(source(), out, { createdAt: CREATED });
    expect(result.pages).toBe(4);
    // By the time the fourth letter was asked for, the first three had been written out.
    expect(seen[3]).toBeGreaterThan(seen[1]!);
    expect(seen[1]).toBeGreaterThan(0);
  });

  it('writes out while reading a sync iterable too, not only once it is exhausted', async () => {
    let written = 0;
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done();
      },
    });
    let beforeLast = 0;
    function* source(): Generator<PrintLetter> {
      for (let index = 0; index < 80; index++) {
        if (index === 79) beforeLast = written;
        yield letter(`Person ${index}`, 'US-CA', 2);
      }
    }
    await renderPrintBatch(source(), out, { createdAt: CREATED });
    // 64 KiB or more of the 79 letters before had reached the output (a letter is about 2 KiB).
    expect(beforeLast).toBeGreaterThan(64 * 1024);
  });

  it('refuses an address that would not fit the window, and an empty batch', async () => {
    const tooLong: PrintLetter = {
      recipientLines: ['A', 'B', 'C', 'D', 'E', 'F'],
      input: input('US-CA', 1),
    };
    await expect(batch([tooLong])).rejects.toBeInstanceOf(AddressBlockError);
    await expect(batch([letter('Fine', 'US-CA', 1), tooLong])).rejects.toThrow(
      'Letter 2: The recipient address has 6 lines; the US #10 window envelope holds 5.',
    );
    await expect(batch([{ ...tooLong, recipientLines: ['x'.repeat(80)] }])).rejects.toBeInstanceOf(
      AddressBlockError,
    );
    await expect(batch([])).rejects.toBeInstanceOf(RangeError);
  });
});
