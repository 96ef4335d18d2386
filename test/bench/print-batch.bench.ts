import { once } from 'node:events';
import { createWriteStream, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import type { LetterRenderInput } from '../../main/letters/render/letter-render-input';
import { renderLetterPdf } from '../../main/letters/render/render-pdf';
import { renderPrintBatch, type PrintLetter } from '../../main/letters/render/render-print-batch';
import { letterDocumentSchema } from '../../shared/letters/document';
import { useTempDir } from '../helpers/temp-dir';
import { MIB } from './commands';
import { loadNote, printTable } from './report';
import { median } from './stats';

/**
 * Printed notices for a mail house: PRINT_BENCH_LETTERS two-page letters (default 2,000) as PDF
 * files of 500 letters each (renderPrintBatch, streamed to disk), against the baseline of the
 * same letters as one PDF each (renderLetterPdf, written to disk) in the same process; medians
 * of PRINT_BENCH_RUNS runs (default 3), alternating which goes first. Then whether the batch
 * streams: the growth of RSS and of the JS heap over one file of 200 letters and one of 2,000.
 */
const tempDir = useTempDir();
const LETTERS = Number(process.env.PRINT_BENCH_LETTERS ?? 2_000);
const RUNS = Number(process.env.PRINT_BENCH_RUNS ?? 3);
const PER_FILE = 500;
const CREATED = new Date('2026-02-03T10:00:00Z');

const FILLER =
  'We take the protection of your personal information seriously and regret any concern this incident may cause. ' +
  'Here is what happened, what information was involved, what we are doing and what you can do about it.';

/** A letter that fills two US Letter pages in both renderers (the batch's first page has less room). */
function input(index: number): LetterRenderInput {
  return {
    title: 'Notice of Data Breach',
    jurisdiction: 'US-CA',
    language: 'en',
    letterhead: {
      organisation: 'Acme Retail Inc.',
      address: '1 Market Street\nSan Francisco, CA 94105',
      contact: '',
    },
    doc: letterDocumentSchema.parse({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Notice of Data Breach' }] },
        { type: 'paragraph', content: [{ type: 'text', text: `Dear customer ${index},` }] },
        ...Array.from({ length: 10 }, () => ({
          type: 'paragraph',
          content: [{ type: 'text', text: FILLER }],
        })),
      ],
    }),
    values: {},
  };
}

function* letters(count: number, offset = 0): Generator<PrintLetter> {
  for (let index = offset; index < offset + count; index++) {
    yield {
      recipientLines: [`Customer Number ${index}`, `${100 + index} Main Street`, 'Springfield, IL 62701'],
      input: input(index),
    };
  }
}

/** Writes one batch file and waits for it to be on disk; returns its page count. */
async function batchFile(path: string, source: Iterable<PrintLetter>): Promise<number> {
  const out = createWriteStream(path);
  const closed = once(out, 'close');
  const result = await renderPrintBatch(source, out, { createdAt: CREATED });
  await closed;
  return result.pages;
}

async function runBatches(dir: string): Promise<{ seconds: number; pages: number }> {
  const start = performance.now();
  let pages = 0;
  for (let offset = 0; offset < LETTERS; offset += PER_FILE) {
    pages += await batchFile(
      join(dir, `batch-${offset}.pdf`),
      letters(Math.min(PER_FILE, LETTERS - offset), offset),
    );
  }
  return { seconds: (performance.now() - start) / 1000, pages };
}

async function runBaseline(dir: string): Promise<{ seconds: number; files: number }> {
  const start = performance.now();
  let files = 0;
  for (const letter of letters(LETTERS)) {
    writeFileSync(
      join(dir, `letter-${files}.pdf`),
      await renderLetterPdf(letter.input, { createdAt: CREATED }),
    );
    files += 1;
  }
  return { seconds: (performance.now() - start) / 1000, files };
}

// A full collection before reading the heap, so the figure is what is still held, not garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * Over one file of `count` letters: the peak growth of RSS (sampled after every letter), and the
 * JS heap and buffers still held once the last letter is laid out (after a full collection), in MiB.
 */
async function growth(path: string, count: number): Promise<{ rss: number; heap: number; pages: number }> {
  collect();
  const before = process.memoryUsage();
  let rss = 0;
  let heap = 0;
  function* sampled(): Generator<PrintLetter> {
    for (const letter of letters(count)) {
      rss = Math.max(rss, process.memoryUsage().rss - before.rss);
      yield letter;
    }
    collect();
    const after = process.memoryUsage();
    heap = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  }
  const pages = await batchFile(path, sampled());
  return { rss: rss / MIB, heap: heap / MIB, pages };
}

it(`prints ${LETTERS.toLocaleString('en')} two-page letters in files of ${PER_FILE} against one PDF per letter`, async () => {
  // Warm-up: fonts parsed, code compiled.
  await batchFile(join(tempDir(), 'warm.pdf'), letters(20));
  await renderLetterPdf(input(0), { createdAt: CREATED });

  const batch: { seconds: number; pages: number }[] = [];
  const single: { seconds: number; files: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 === 0 ? (['batch', 'single'] as const) : (['single', 'batch'] as const);
    for (const which of order) {
      if (which === 'batch') batch.push(await runBatches(tempDir()));
      else single.push(await runBaseline(tempDir()));
    }
  }
  const pages = batch[0]!.pages;
  expect(pages).toBe(LETTERS * 2);
  expect(single[0]!.files).toBe(LETTERS);

  const streamDir = tempDir();
  const small = await growth(join(streamDir, 'small.pdf'), 200);
  const large = await growth(join(streamDir, 'large.pdf'), 2_000);
  const largeMiB = statSync(join(streamDir, 'large.pdf')).size / MIB;

  const batchSeconds = median(batch.map((r) => r.seconds));
  const singleSeconds = median(single.map((r) => r.seconds));
  const rate = (seconds: number) => `${Math.round(pages / seconds).toLocaleString('en')} pages/s`;
  printTable(
    `Print batches: ${LETTERS.toLocaleString('en')} letters, ${pages.toLocaleString('en')} pages; medians of ${RUNS}`,
    [
      {
        what: `renderPrintBatch, ${PER_FILE} letters a file`,
        seconds: batchSeconds.toFixed(2),
        rate: rate(batchSeconds),
        ratio: `${(singleSeconds / batchSeconds).toFixed(2)}× the baseline's rate`,
      },
      {
        what: 'renderLetterPdf, one file a letter',
        seconds: singleSeconds.toFixed(2),
        rate: rate(singleSeconds),
        ratio: '1.00×',
      },
    ],
    [
      `Streaming, one file each: 200 letters (${small.pages} pages): RSS +${small.rss.toFixed(1)} MiB, heap and buffers held +${small.heap.toFixed(1)} MiB; 2,000 letters (${large.pages} pages, ${largeMiB.toFixed(1)} MiB): RSS +${large.rss.toFixed(1)} MiB, heap and buffers held +${large.heap.toFixed(1)} MiB`,
      `Peak RSS of the bench process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
      loadNote(),
    ],
  );
});
