import { describe, expect, it } from 'vitest';
import { type LetterDocument, letterDocumentSchema } from '../../shared/letters/document';
import { documentFromTemplate, freezeDocument, plainTextOf } from '../../shared/letters/from-markdown';

function only<T>(items: readonly T[], index = 0): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

describe('documentFromTemplate (Markdown → letter document)', () => {
  it('turns headings of levels 1–3 into headings and deeper ones into level 3', () => {
    const doc = documentFromTemplate('# Title\n\n## Section\n\n### Sub\n\n#### Deep');
    expect(doc.content.map((b) => (b.type === 'heading' ? b.attrs.level : b.type))).toEqual([1, 2, 3, 3]);
    expect(only(doc.content)).toEqual({
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: 'Title' }],
    });
  });

  it('turns {{field}} tokens into merge fields, inside words and sentences, and keeps unknown ones as text', () => {
    const doc = documentFromTemplate('Dear {{recipient.name}}, from {{ organisation.name }} {{no.such}}.');
    expect(only(doc.content)).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Dear ' },
        { type: 'mergeField', attrs: { field: 'recipient.name' } },
        { type: 'text', text: ', from ' },
        { type: 'mergeField', attrs: { field: 'organisation.name' } },
        { type: 'text', text: ' {{no.such}}.' },
      ],
    });
  });

  it('keeps bold and italic as marks, also around merge fields and combined', () => {
    const doc = documentFromTemplate('Plain **bold {{letter.date}}** *it* ***both***');
    expect(only(doc.content)).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Plain ' },
        { type: 'text', text: 'bold ', marks: [{ type: 'bold' }] },
        { type: 'mergeField', attrs: { field: 'letter.date' } },
        { type: 'text', text: ' ' },
        { type: 'text', text: 'it', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' ' },
        { type: 'text', text: 'both', marks: [{ type: 'bold' }, { type: 'italic' }] },
      ],
    });
  });

  it('keeps line breaks inside a paragraph (address blocks) as hard breaks', () => {
    const doc = documentFromTemplate('{{recipient.name}}\n{{recipient.address}}');
    expect(only(doc.content)).toEqual({
      type: 'paragraph',
      content: [
        { type: 'mergeField', attrs: { field: 'recipient.name' } },
        { type: 'hardBreak' },
        { type: 'mergeField', attrs: { field: 'recipient.address' } },
      ],
    });
  });

  it('turns bullet and numbered lists (with their start and nesting) into lists of paragraphs', () => {
    const doc = documentFromTemplate('- one\n- **two**\n  - nested\n\n3. third\n4. fourth');
    const bullets = only(doc.content);
    expect(bullets.type).toBe('bulletList');
    if (bullets.type !== 'bulletList') return;
    expect(bullets.content).toHaveLength(2);
    expect(only(bullets.content).content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'one' }] },
    ]);
    expect(only(bullets.content, 1).content.map((b) => b.type)).toEqual(['paragraph', 'bulletList']);
    const numbered = only(doc.content, 1);
    expect(numbered).toMatchObject({ type: 'orderedList', attrs: { start: 3 } });
    expect(plainTextOf(doc)).toBe('- one\n- two\n  - nested\n\n3. third\n4. fourth');
  });

  it('turns tables into rows with the header row as tableHeader cells and merge fields in cells', () => {
    const doc = documentFromTemplate(
      '| Event | Date |\n| --- | --- |\n| Discovered | {{breach.discoveredDate}} |\n| Empty | |',
    );
    const table = only(doc.content);
    expect(table.type).toBe('table');
    if (table.type !== 'table') return;
    expect(table.content).toHaveLength(3);
    expect(only(table.content).content.map((c) => c.type)).toEqual(['tableHeader', 'tableHeader']);
    expect(only(table.content, 1).content.map((c) => c.type)).toEqual(['tableCell', 'tableCell']);
    expect(only(only(table.content, 1).content, 1).content).toEqual([
      { type: 'paragraph', content: [{ type: 'mergeField', attrs: { field: 'breach.discoveredDate' } }] },
    ]);
    expect(only(only(table.content, 2).content, 1).content).toEqual([{ type: 'paragraph' }]);
    expect(plainTextOf(doc)).toBe('Event | Date\nDiscovered | [Date discovered]\nEmpty | ');
  });

  it('keeps unknown Markdown (code, quotes, links, raw HTML, rules) as text and yields a valid document', () => {
    const doc = documentFromTemplate(
      '> quoted {{letter.date}}\n\n```\ncode line\n```\n\nSee [the site](https://example.org) and `x` <b>raw</b>\n\n---\n\nEnd',
    );
    expect(letterDocumentSchema.safeParse(doc).success).toBe(true);
    expect(plainTextOf(doc)).toBe(
      'quoted [Date of the letter]\n\ncode line\n\nSee the site and x <b>raw</b>\n\nEnd',
    );
  });

  it('gives an empty document for an empty body', () => {
    expect(documentFromTemplate('')).toEqual({ type: 'doc', content: [] });
  });
});

describe('plainTextOf and freezeDocument', () => {
  const doc: LetterDocument = documentFromTemplate(
    '# Notice for {{organisation.name}}\n\nDear {{recipient.name}},\n\n**Sent:** {{letter.date}}\n\n- {{breach.summary}}',
  );

  it('shows values, and [Label] for fields with no value (or every field when no values are given)', () => {
    expect(plainTextOf(doc, { 'organisation.name': 'Sonora', 'recipient.name': '  ' })).toBe(
      'Notice for Sonora\n\nDear [Recipient],\n\nSent: [Date of the letter]\n\n- [What happened (summary)]',
    );
    expect(plainTextOf(doc)).toContain('Notice for [Organisation name]');
    expect(plainTextOf(doc, {}, 'empty')).toContain('Dear ,');
  });

  it('replaces every filled merge field with text, merging it into the text around it', () => {
    const { doc: frozen, missing } = freezeDocument(doc, {
      'organisation.name': 'Sonora Streaming AB',
      'recipient.name': 'Alex',
      'letter.date': '20 November 2020',
      'breach.summary': 'A flaw let partners read data.',
    });
    expect(missing).toEqual([]);
    expect(JSON.stringify(frozen)).not.toContain('mergeField');
    expect(only(frozen.content)).toEqual({
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: 'Notice for Sonora Streaming AB' }],
    });
    expect(only(frozen.content, 2)).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Sent:', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' 20 November 2020' },
      ],
    });
    expect(letterDocumentSchema.safeParse(frozen).success).toBe(true);
    expect(plainTextOf(frozen)).toBe(
      'Notice for Sonora Streaming AB\n\nDear Alex,\n\nSent: 20 November 2020\n\n- A flaw let partners read data.',
    );
  });

  it('keeps fields with no value as tokens and reports them; a multi-line value becomes hard breaks', () => {
    const { doc: frozen, missing } = freezeDocument(doc, {
      'organisation.name': 'Sonora\nStockholm',
      'letter.date': null,
    });
    expect(missing).toEqual(['recipient.name', 'letter.date', 'breach.summary']);
    expect(only(frozen.content)).toEqual({
      type: 'heading',
      attrs: { level: 1 },
      content: [
        { type: 'text', text: 'Notice for Sonora' },
        { type: 'hardBreak' },
        { type: 'text', text: 'Stockholm' },
      ],
    });
    expect(JSON.stringify(frozen)).toContain('"field":"recipient.name"');
    expect(doc.content).toHaveLength(4);
    expect(JSON.stringify(doc)).toContain('"field":"organisation.name"');
  });
});
