import mammoth from 'mammoth';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../main/evidence/docx-text';
import { pdfText } from '../../main/evidence/pdf-text';
import type { LetterRenderInput } from '../../main/letters/render/letter-render-input';
import {
  BODY_FONT_PT,
  FONT_SIZES_PT,
  HEADING_FONT_PT,
  MIN_BODY_FONT_PT,
  paperFor,
  SMALLEST_FONT_PT,
} from '../../main/letters/render/letter-style';
import { renderLetterDocx } from '../../main/letters/render/render-docx';
import { renderLetterHtml } from '../../main/letters/render/render-html';
import { renderLetterPdf } from '../../main/letters/render/render-pdf';
import { letterDocumentSchema, type BlockNode, type InlineNode } from '../../shared/letters/document';

const TITLE = 'Notice of Data Breach';
const HEADINGS = [
  'What Happened',
  'What Information Was Involved',
  'What We Are Doing',
  'What You Can Do',
  'For More Information',
];
const MISSING_LABEL = '[Types of personal information involved]';
const CREATED = new Date('2026-02-03T10:00:00Z');

const text = (value: string, ...marks: ('bold' | 'italic')[]): InlineNode =>
  marks.length === 0
    ? { type: 'text', text: value }
    : { type: 'text', text: value, marks: marks.map((type) => ({ type })) };
const field = (
  id: 'letter.date' | 'breach.summary' | 'breach.dataElements' | 'organisation.contactEmail',
): InlineNode => ({
  type: 'mergeField',
  attrs: { field: id },
});
const paragraph = (...content: InlineNode[]): BlockNode => ({ type: 'paragraph', content });
const heading = (level: 1 | 2 | 3, value: string): BlockNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
const item = (...blocks: BlockNode[]) => ({ type: 'listItem' as const, content: blocks });
const cell = (type: 'tableCell' | 'tableHeader', value: string) => ({
  type,
  content: [{ type: 'paragraph' as const, content: [text(value)] }],
});

const FILLER =
  'We take the protection of your personal information seriously and regret any concern this incident may cause. ' +
  'This paragraph is long on purpose so that the letter runs over more than one page and the page numbers count.';

function californiaNotice(): LetterRenderInput['doc'] {
  return letterDocumentSchema.parse({
    type: 'doc',
    content: [
      heading(1, TITLE),
      paragraph(text('Date: '), field('letter.date')),
      heading(2, HEADINGS[0]!),
      paragraph(
        text('On '),
        field('letter.date'),
        text(' we learned that '),
        field('breach.summary'),
        text('.'),
      ),
      paragraph(
        text('This notice is '),
        text('important', 'bold'),
        text(' and '),
        text('urgent', 'italic'),
        text(' and '),
        text('both', 'bold', 'italic'),
        text('.'),
      ),
      ...Array.from({ length: 6 }, () => paragraph(text(FILLER))),
      heading(2, HEADINGS[1]!),
      paragraph(text('The information involved: '), field('breach.dataElements')),
      {
        type: 'bulletList',
        content: [
          item(paragraph(text('Names and e-mail addresses'))),
          item(paragraph(text('Account passwords')), {
            type: 'bulletList',
            content: [item(paragraph(text('Hashed with a weak algorithm')))],
          }),
        ],
      },
      heading(2, HEADINGS[2]!),
      {
        type: 'orderedList',
        attrs: { start: 1 },
        content: [
          item(paragraph(text('Reset every affected password'))),
          item(paragraph(text('Engaged a forensic firm')), {
            type: 'orderedList',
            content: [item(paragraph(text('Reviewed the server logs')))],
          }),
          item(paragraph(text('Notified the authorities'))),
        ],
      },
      ...Array.from({ length: 6 }, () => paragraph(text(FILLER))),
      heading(2, HEADINGS[3]!),
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Step'), cell('tableHeader', 'How')] },
          {
            type: 'tableRow',
            content: [
              cell('tableCell', 'Change your password'),
              cell('tableCell', 'Use <b>not bold</b> & a new one'),
            ],
          },
          {
            type: 'tableRow',
            content: [cell('tableCell', 'Watch your accounts'), cell('tableCell', 'Report anything unusual')],
          },
        ],
      },
      heading(2, HEADINGS[4]!),
      paragraph(
        text('Write to us at '),
        field('organisation.contactEmail'),
        { type: 'hardBreak' },
        text('or call us.'),
      ),
      heading(3, 'Other Important Information'),
      paragraph(text('Nothing else for now.')),
    ],
  });
}

function input(overrides: Partial<LetterRenderInput> = {}): LetterRenderInput {
  return {
    title: 'California notice to individuals',
    jurisdiction: 'US-CA',
    language: 'en',
    letterhead: {
      organisation: 'Acme Retail Inc.',
      address: '1 Market Street\nSan Francisco, CA 94105',
      contact: 'privacy@acme.example · +1 415 555 0100',
    },
    doc: californiaNotice(),
    values: {
      'letter.date': 'March 4, 2026',
      'breach.summary': 'an attacker copied a customer database',
      'breach.dataElements': null,
      'organisation.contactEmail': 'privacy@acme.example',
    },
    ...overrides,
  };
}

/** Positions of each string in `haystack`, failing when one is missing. */
function positions(haystack: string, needles: readonly string[]): number[] {
  return needles.map((needle) => {
    const at = haystack.indexOf(needle);
    expect(at, `"${needle}" is missing`).toBeGreaterThanOrEqual(0);
    return at;
  });
}

function expectInOrder(haystack: string, needles: readonly string[]): void {
  const at = positions(haystack, needles);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

/**
 * The letter's words with every space, list marker and page number taken out, so the three
 * formats can be compared: they differ only in how they lay the same text out.
 */
function content(value: string): string {
  return value
    .replace(/Page \d+ of \d+/g, ' ')
    .split(/\s+/)
    .filter((token) => !/^(?:[•◦▪]|\d+\.|[a-z]\.|[ivx]+\.)$/.test(token))
    .join('');
}

interface PdfItem {
  str: string;
  size: number;
  font: string;
  page: number;
}

/** pdf.js text items with their type size (the text matrix's vertical scale). */
async function pdfItems(
  bytes: Buffer,
): Promise<{ items: PdfItem[]; pages: number[][]; info: Record<string, unknown> }> {
  await pdfText(bytes); // loads pdf.js's worker the way main does
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useWorkerFetch: false,
    useWasm: false,
    verbosity: 0,
  });
  const document = await task.promise;
  const items: PdfItem[] = [];
  const pages: number[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    pages.push(page.view);
    const text = await page.getTextContent();
    for (const item of text.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , c = 0, d = 0] = item.transform as number[];
      items.push({ str: item.str, size: Math.hypot(c, d), font: item.fontName, page: number });
    }
  }
  const metadata = await document.getMetadata();
  await task.destroy();
  return { items, pages, info: metadata.info as Record<string, unknown> };
}

/** The entries of a zip file (a DOCX), read with zlib: stored or deflated only. */
function unzip(bytes: Buffer): Map<string, string> {
  const entries = new Map<string, string>();
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    const method = bytes.readUInt16LE(offset + 10);
    const compressed = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extra = bytes.readUInt16LE(offset + 30);
    const comment = bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    offset += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe('letter style', () => {
  it('keeps every type size at or above 10 pt, with the body at 11 pt', () => {
    expect(BODY_FONT_PT).toBe(11);
    expect(MIN_BODY_FONT_PT).toBe(10);
    expect(SMALLEST_FONT_PT).toBeGreaterThanOrEqual(MIN_BODY_FONT_PT);
    expect(Math.min(...FONT_SIZES_PT)).toBe(SMALLEST_FONT_PT);
    expect(HEADING_FONT_PT[1]).toBeGreaterThan(HEADING_FONT_PT[2]);
    expect(HEADING_FONT_PT[2]).toBeGreaterThan(BODY_FONT_PT);
  });

  it('prints US letters on US Letter and the rest on A4', () => {
    expect(paperFor('US-CA')).toBe('LETTER');
    expect(paperFor('US')).toBe('LETTER');
    expect(paperFor('FR')).toBe('A4');
    expect(paperFor('EU')).toBe('A4');
  });
});

describe('renderLetterPdf', () => {
  let bytes: Buffer;
  let extracted: string;
  let items: PdfItem[];
  let pages: number[][];
  let info: Record<string, unknown>;

  beforeAll(async () => {
    bytes = await renderLetterPdf(input(), { createdAt: CREATED });
    extracted = await pdfText(bytes);
    ({ items, pages, info } = await pdfItems(bytes));
  });

  it('is a PDF with real text holding the title and the five headings in order', () => {
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expectInOrder(extracted, ['Acme Retail Inc.', TITLE, ...HEADINGS, 'Other Important Information']);
  });

  it('puts the letterhead at the top of the first page', () => {
    const first = items.filter((item) => item.page === 1).map((item) => item.str);
    expect(first.slice(0, 4)).toEqual([
      'Acme Retail Inc.',
      '1 Market Street',
      'San Francisco, CA 94105',
      'privacy@acme.example · +1 415 555 0100',
    ]);
    expect(items.filter((item) => item.str === 'Acme Retail Inc.')).toHaveLength(1);
  });

  it('numbers every page "Page n of N" on more than one page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages.length; page++) {
      expect(items.filter((item) => item.page === page).map((item) => item.str)).toContain(
        `Page ${page} of ${pages.length}`,
      );
    }
  });

  it('embeds the DejaVu fonts and no standard font', () => {
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans-Oblique\b/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans-BoldOblique\b/);
    expect(raw).not.toContain('/Helvetica');
  });

  it('sets no text below 10 pt, the body at 11 pt and the title and headings larger', () => {
    for (const item of items) expect(item.size, item.str).toBeGreaterThanOrEqual(MIN_BODY_FONT_PT - 0.01);
    const size = (str: string) => items.find((item) => item.str === str)?.size;
    expect(size(TITLE)).toBeCloseTo(HEADING_FONT_PT[1]);
    for (const name of HEADINGS) expect(size(name)).toBeCloseTo(HEADING_FONT_PT[2]);
    expect(size('Other Important Information')).toBeCloseTo(HEADING_FONT_PT[3]);
    expect(size('Nothing else for now.')).toBeCloseTo(BODY_FONT_PT);
    // Headings are set in the bold face: another font than the body's.
    expect(items.find((item) => item.str === HEADINGS[0])?.font).not.toBe(
      items.find((item) => item.str === 'Nothing else for now.')?.font,
    );
  });

  it('merges values, shows missing fields by label, keeps emphasis, lists and tables', () => {
    expect(extracted).toContain('we learned that an attacker copied a customer database');
    expect(extracted).toContain(MISSING_LABEL);
    expect(extracted).toContain('Use <b>not bold</b> & a new one');
    const strings = items.map((item) => item.str);
    // Bold, italic and bold italic words are their own text items, in their own faces.
    const fonts = new Set(
      ['important', 'urgent', 'both', 'This notice is'].map(
        (str) => items.find((item) => item.str === str)?.font,
      ),
    );
    expect(fonts.size).toBe(4);
    // pdf.js reads a list marker and its item's first line as one item.
    expect(strings).toEqual(
      expect.arrayContaining([
        '• Names and e-mail addresses',
        '• Account passwords',
        '◦ Hashed with a weak algorithm',
        '1. Reset every affected password',
        '2. Engaged a forensic firm',
        'a. Reviewed the server logs',
        '3. Notified the authorities',
        'Step',
        'How',
      ]),
    );
  });

  it('records the title, the organisation and Breachdesk in the document info', () => {
    expect(info).toMatchObject({
      Title: 'California notice to individuals',
      Author: 'Acme Retail Inc.',
      Creator: 'Breachdesk',
    });
  });

  it('uses US Letter for California and A4 for France, or the paper asked for', async () => {
    expect(pages[0]).toEqual([0, 0, 612, 792]);
    const french = await pdfItems(
      await renderLetterPdf(input({ jurisdiction: 'FR', language: 'fr' }), { createdAt: CREATED }),
    );
    expect(french.pages[0]?.[2]).toBeCloseTo(595.28);
    expect(french.pages[0]?.[3]).toBeCloseTo(841.89);
    expect(french.items.map((item) => item.str)).toContain(`Page 1 sur ${french.pages.length}`);
    const a4 = await pdfItems(await renderLetterPdf(input(), { paper: 'A4', createdAt: CREATED }));
    expect(a4.pages[0]?.[3]).toBeCloseTo(841.89);
  });

  it('gives the same bytes for the same letter and date', async () => {
    const again = await renderLetterPdf(input(), { createdAt: CREATED });
    expect(again.equals(bytes)).toBe(true);
  });
});

describe('edge cases', () => {
  it('renders an empty letter without a letterhead in all three formats', async () => {
    const empty = input({
      doc: { type: 'doc', content: [] },
      letterhead: { organisation: '', address: '', contact: '' },
    });
    const pdf = await pdfItems(await renderLetterPdf(empty, { createdAt: CREATED }));
    expect(pdf.items.map((item) => item.str)).toEqual(['Page 1 of 1']);
    expect((await docxText(await renderLetterDocx(empty))).trim()).toBe('');
    expect(renderLetterHtml(empty)).not.toContain('letterhead">');
  });

  it('cuts a word longer than the line and keeps every character', async () => {
    const long = 'https://example.com/' + 'a'.repeat(200);
    const letter = input({ doc: { type: 'doc', content: [paragraph(text(long))] } });
    const pdf = await pdfText(await renderLetterPdf(letter, { createdAt: CREATED }));
    expect(pdf.replace(/\s+/g, '')).toContain(long);
  });
});

describe('renderLetterDocx', () => {
  let bytes: Buffer;
  let extracted: string;
  let html: string;
  let parts: Map<string, string>;

  beforeAll(async () => {
    bytes = await renderLetterDocx(input());
    extracted = await docxText(bytes);
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    parts = unzip(bytes);
  });

  it('holds the letterhead, the title and the five headings in order', () => {
    expectInOrder(extracted, ['Acme Retail Inc.', TITLE, ...HEADINGS, 'Other Important Information']);
  });

  it('uses Word heading styles and Word lists', () => {
    expect(html).toContain(`<h1>${TITLE}</h1>`);
    for (const name of HEADINGS) expect(html).toContain(`<h2>${name}</h2>`);
    expect(html).toContain('<h3>Other Important Information</h3>');
    expect(html).toMatch(
      /<ul><li>Names and e-mail addresses<\/li><li>Account passwords<ul><li>Hashed with a weak algorithm<\/li><\/ul><\/li><\/ul>/,
    );
    expect(html).toMatch(
      /<ol><li>Reset every affected password<\/li><li>Engaged a forensic firm<ol><li>Reviewed the server logs<\/li><\/ol><\/li><li>Notified the authorities<\/li><\/ol>/,
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<strong>important</strong>');
    expect(html).toContain('<em>urgent</em>');
    expect(html).toContain('Use &lt;b&gt;not bold&lt;/b&gt; &amp; a new one');
    const numbering = parts.get('word/numbering.xml') ?? '';
    expect(numbering).toContain('w:val="decimal"');
    expect(numbering).toContain('w:val="lowerLetter"');
    expect(numbering).toContain('w:val="bullet"');
  });

  it('sets the body at 11 pt, the headings larger, and highlights missing merge fields', () => {
    const styles = parts.get('word/styles.xml') ?? '';
    expect(styles).toMatch(/<w:docDefaults>.*<w:sz w:val="22"\/>.*<\/w:docDefaults>/s);
    expect(styles).toMatch(/w:styleId="Heading1".*?<w:sz w:val="36"\/>/s);
    expect(styles).toMatch(/w:styleId="Heading2".*?<w:sz w:val="28"\/>/s);
    const document = parts.get('word/document.xml') ?? '';
    const sizes = [...document.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((match) => Number(match[1]) / 2);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(MIN_BODY_FONT_PT);
    expect(document).toMatch(/<w:highlight w:val="yellow"\/>.*?\[Types of personal information involved\]/s);
    expect(extracted).toContain('we learned that an attacker copied a customer database');
  });

  it('numbers pages "Page n of N" in the footer and uses US Letter for California', () => {
    const footer = [...parts].find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? '';
    expect(footer).toContain('Page ');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(parts.get('word/document.xml')).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(parts.get('docProps/core.xml')).toContain('<dc:title>California notice to individuals</dc:title>');
  });
});

describe('renderLetterHtml', () => {
  const html = renderLetterHtml(input());

  it('is one self-contained page: CSP, no scripts, nothing loaded', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;">`,
    );
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    expect(html).toContain('font-size: 11pt');
  });

  it('holds the title and the five headings in order as h1, h2, h3', () => {
    const headings = [...html.matchAll(/<h([123])>(.*?)<\/h\1>/g)].map((match) => `${match[1]}:${match[2]}`);
    expect(headings).toEqual([
      `1:${TITLE}`,
      ...HEADINGS.map((name) => `2:${name}`),
      '3:Other Important Information',
    ]);
  });

  it('escapes text, marks missing fields, and keeps lists, tables and emphasis', () => {
    expect(html).toContain('Use &lt;b&gt;not bold&lt;/b&gt; &amp; a new one');
    expect(html).not.toContain('<b>not bold</b>');
    expect(html).toContain(`<mark class="merge-missing">${MISSING_LABEL}</mark>`);
    expect(html).toMatch(/<ul class="list-disc">/);
    expect(html).toMatch(/<ul class="list-circle">/);
    expect(html).toMatch(/<ol class="list-decimal">/);
    expect(html).toMatch(/<ol class="list-lower-alpha">/);
    expect(html).toContain('<th><p>Step</p></th>');
    expect(html).toContain('<strong>important</strong>');
    expect(html).toContain('<em>urgent</em>');
    expect(html).toContain('<strong><em>both</em></strong>');
    expect(html).toContain('privacy@acme.example<br>or call us.');
  });

  it('escapes the title, the letterhead and merge values too', () => {
    const hostile = renderLetterHtml(
      input({
        title: '<script>x</script>',
        letterhead: { organisation: 'A & <B>', address: '"q"', contact: "'c'" },
        values: { 'breach.summary': '<img src=x>' },
      }),
    );
    expect(hostile).not.toMatch(/<script|<img|<B>/);
    expect(hostile).toContain('&lt;img src=x&gt;');
    expect(hostile).toContain('A &amp; &lt;B&gt;');
  });
});

describe('the same content in all three formats', () => {
  it('prints the same words in the PDF, the Word document and the HTML page', async () => {
    const letter = input();
    const pdf = await pdfText(await renderLetterPdf(letter, { createdAt: CREATED }));
    const docx = await docxText(await renderLetterDocx(letter));
    const html = renderLetterHtml(letter)
      .replace(/^[\s\S]*<body>/, '')
      .replace(/<br>/g, '\n')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(content(docx)).toBe(content(html));
    expect(content(pdf)).toBe(content(html));
  });
});
