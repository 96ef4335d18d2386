import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvTable } from '../../main/evidence/csv-table';
import { detectContent, type DetectedContent } from '../../main/evidence/detect';
import { docxText } from '../../main/evidence/docx-text';
import { emailReadableText, parseEmail } from '../../main/evidence/email-text';
import { hexRows } from '../../main/evidence/hex';
import { MarkupTextStripper } from '../../main/evidence/markup-text';
import { pdfText } from '../../main/evidence/pdf-text';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/evidence/${name}`, import.meta.url));
}

const text = (value: string): Buffer => Buffer.from(value, 'utf8');

/** Deterministic bytes that look like compressed data: every value, NULs included. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = state >> 16;
  }
  return bytes;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const EMAIL = [
  'Received: from mx.example.org by mail.example.com',
  'From: Ana <ana@example.org>',
  'To: dpo@example.com',
  'Subject: Exposure report',
  'Date: Tue, 4 Mar 2025 10:00:00 +0000',
  'Message-ID: <1@example.org>',
  '',
  'Hello.',
  '',
].join('\r\n');

describe('detectContent', () => {
  const cases: [string, Buffer, string, Partial<DetectedContent>][] = [
    ['png', PNG, 'shot.bin', { kind: 'image', mediaType: 'image/png', encoding: null }],
    ['pdf', fixture('two-pages.pdf'), 'report', { kind: 'pdf', mediaType: 'application/pdf' }],
    [
      'docx',
      fixture('summary.docx'),
      'summary.docx',
      { kind: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    ],
    ['zip', fixture('plain.zip'), 'archive.zip', { kind: 'binary', mediaType: 'application/zip' }],
    [
      'zip head named .docx',
      fixture('plain.zip'),
      'letter.docx',
      { kind: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    ],
    ['random binary', noise(4096), 'dump.txt', { kind: 'binary', mediaType: 'application/octet-stream' }],
    [
      'utf-8 text',
      text('Grüße aus Köln\nzweite Zeile\n'),
      'note',
      { kind: 'text', mediaType: 'text/plain', encoding: 'utf-8' },
    ],
    [
      'utf-8 cut inside a character',
      text('naïve café ').subarray(0, 11),
      'cut.txt',
      { kind: 'text', encoding: 'utf-8' },
    ],
    [
      'latin-1 text',
      Buffer.from('Café crème, déjà vu à la carte. Hôtel, forêt, naïve, garçon, élève.\n', 'latin1'),
      'menu.txt',
      { kind: 'text', encoding: 'windows-1252' },
    ],
    [
      'utf-16le with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello, world\r\nline two\r\n', 'utf16le')]),
      'export.txt',
      { kind: 'text', encoding: 'utf-16le' },
    ],
    [
      'utf-16le without BOM',
      Buffer.from('Event log line one\nline two\n', 'utf16le'),
      'events.txt',
      { kind: 'text', encoding: 'utf-16le' },
    ],
    [
      'html',
      text('\n  <!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>'),
      'page.txt',
      { kind: 'source', mediaType: 'text/html', encoding: 'utf-8' },
    ],
    [
      'html fragment',
      text('<div class="x">Hello</div>\n'),
      'frag',
      { kind: 'source', mediaType: 'text/html' },
    ],
    [
      'svg',
      text(
        '<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>',
      ),
      'logo.png',
      { kind: 'source', mediaType: 'image/svg+xml' },
    ],
    ['bare svg', text('<svg onload="alert(1)"/>'), 'a', { kind: 'source', mediaType: 'image/svg+xml' }],
    [
      'xhtml by extension',
      text('just some words\n'),
      'page.xhtml',
      { kind: 'source', mediaType: 'application/xhtml+xml' },
    ],
    ['htm by extension', text('words\n'), 'page.HTM', { kind: 'source', mediaType: 'text/html' }],
    [
      'xml',
      text('<?xml version="1.0" encoding="UTF-8"?>\n<records><r id="1"/></records>\n'),
      'data.dat',
      { kind: 'source', mediaType: 'application/xml' },
    ],
    ['eml', text(EMAIL), 'message.eml', { kind: 'email', mediaType: 'message/rfc822' }],
    ['e-mail without extension', text(EMAIL), 'message', { kind: 'email', mediaType: 'message/rfc822' }],
    ['json', text('{"users": [1, 2]}\n'), 'dump', { kind: 'json', mediaType: 'application/json' }],
    [
      'json by extension, cut short',
      text('[{"id": 1}, {"id"'),
      'dump.json',
      { kind: 'json', mediaType: 'application/json' },
    ],
    ['csv by extension', text('a\nb\n'), 'list.CSV', { kind: 'csv', mediaType: 'text/csv' }],
    [
      'csv by content',
      text('id,name,email\n1,Ana,"a@x, y"\n2,Bo,b@x\n3,Cy,c@x\n'),
      'export',
      { kind: 'csv', mediaType: 'text/csv' },
    ],
    ['log', text('2025-03-04 10:00 login ok\n'), 'auth.log', { kind: 'text', mediaType: 'text/x-log' }],
    ['markdown', text('# Notes\n'), 'notes.md', { kind: 'text', mediaType: 'text/markdown' }],
    ['chat log in angle brackets', text('<alice> hi\n<bob> hello\n'), 'irc.txt', { kind: 'text' }],
    ['empty', Buffer.alloc(0), 'empty.txt', { kind: 'text', mediaType: 'text/plain', encoding: 'utf-8' }],
  ];

  it.each(cases)('%s', async (_label, head, name, expected) => {
    expect(await detectContent(head, name)).toMatchObject(expected);
  });
});

describe('MarkupTextStripper', () => {
  const lineCount = (value: string): number => value.split('\n').length;

  it('keeps the text, drops tags, scripts, styles and comments', () => {
    const out = new MarkupTextStripper().push(
      '<p>Hello <b>world</b></p><script>alert(1)</script><style>p{}</style><!-- note -->Bye\n',
    );
    expect(out).toBe('Hello world Bye\n');
    expect(out).not.toContain('alert');
  });

  it('decodes entities', () => {
    const out = new MarkupTextStripper().push(
      'a&nbsp;&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&eacute;&bogus; & b\n',
    );
    expect(out).toBe('a &<>"\'ABé&bogus; & b\n');
  });

  it('keeps line numbers across pages split inside a tag and inside a script', () => {
    const source = [
      '<html><head><title>Case</title>',
      '<script type="text/javascript">',
      'var secret = "<b>not text</b>";',
      '</script></head>',
      '<body><img src="x" onerror="alert(1)"',
      '  alt="a > b"',
      '  >Visible line',
      '<!-- a comment',
      'spanning lines -->After comment',
      '<svg><script><![CDATA[ evil() ]]></script><text>Label</text></svg>',
      '<![CDATA[raw <data>]]> end',
      '</body></html>',
      '',
    ];
    const stripper = new MarkupTextStripper();
    // Pages end at line boundaries; here after lines 2 (inside the script) and 5 (inside a tag).
    const pages = [source.slice(0, 2), source.slice(2, 5), source.slice(5)].map(
      (lines) => `${lines.join('\n')}\n`,
    );
    const out = pages.map((page) => stripper.push(page));
    pages.forEach((page, i) => expect(lineCount(out[i] ?? '')).toBe(lineCount(page)));
    const lines = out.join('').split('\n');
    expect(lines).toHaveLength(source.length + 3 - 2);
    expect(lines[0]).toBe('Case ');
    expect(lines[2]).toBe('');
    expect(lines[6]).toBe('Visible line');
    expect(lines[8]).toBe('After comment');
    expect(lines[9]).toBe('Label ');
    expect(lines[10]).toBe('raw <data> end');
    expect(out.join('')).not.toMatch(/alert|evil|secret|onerror/);
  });

  it('leaves a lone < and text that only looks like markup', () => {
    expect(new MarkupTextStripper().push('1 < 2 and 3<4\n')).toBe('1 < 2 and 3<4\n');
  });

  it('treats a self-closed script as empty', () => {
    expect(new MarkupTextStripper().push('<script href="a.js"/>Shown\n')).toBe('Shown\n');
  });
});

const MULTIPART = [
  'From: "Ana" <ana@example.org>',
  'To: dpo@example.com',
  'Subject: =?utf-8?q?Daten=C3=BCbermittlung?=',
  'Date: Tue, 4 Mar 2025 10:00:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Gr=C3=BC=C3=9Fe, the export is attached. This line is long enough to be wr=',
  'apped by the encoder.',
  '--b1',
  'Content-Type: text/csv; name="export.csv"',
  'Content-Disposition: attachment; filename="export.csv"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('id,name\n1,Ana\n').toString('base64'),
  '--b1--',
  '',
].join('\r\n');

const HTML_ONLY = [
  'From: x@example.org',
  'To: y@example.org',
  'Subject: Html',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><head><style>p{color:red}</style><script>alert(1)</script></head>',
  '<body><p>Hello &amp; welcome</p><div>Second<br>third</div><img src=x onerror=alert(1)></body></html>',
  '',
].join('\r\n');

describe('e-mail', () => {
  it('reads a multipart message with a quoted-printable body and a base64 attachment', async () => {
    const mail = await parseEmail(text(MULTIPART));
    expect(mail.headers.slice(0, 3)).toEqual([
      { name: 'From', value: '"Ana" <ana@example.org>' },
      { name: 'To', value: 'dpo@example.com' },
      { name: 'Subject', value: '=?utf-8?q?Daten=C3=BCbermittlung?=' },
    ]);
    expect(mail.body).toBe(
      'Grüße, the export is attached. This line is long enough to be wrapped by the encoder.\n',
    );
    expect(mail.attachments).toEqual([{ name: 'export.csv', mediaType: 'text/csv', size: 14 }]);
    const readable = emailReadableText(mail);
    expect(readable).toBe(
      [
        'From: "Ana" <ana@example.org>',
        'To: dpo@example.com',
        'Subject: =?utf-8?q?Daten=C3=BCbermittlung?=',
        'Date: Tue, 4 Mar 2025 10:00:00 +0000',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        'Grüße, the export is attached. This line is long enough to be wrapped by the encoder.',
        '',
        'Attachments:',
        '  export.csv (text/csv, 14 bytes)',
        '',
      ].join('\n'),
    );
    expect(emailReadableText(await parseEmail(text(MULTIPART)))).toBe(readable);
  });

  it('turns an HTML-only body into text, never markup', async () => {
    const mail = await parseEmail(text(HTML_ONLY));
    expect(mail.body).toBe('Hello & welcome\nSecond\nthird');
    expect(mail.attachments).toEqual([]);
    expect(emailReadableText(mail)).toBe(
      'From: x@example.org\nTo: y@example.org\nSubject: Html\nContent-Type: text/html; charset=utf-8\n\nHello & welcome\nSecond\nthird',
    );
  });
});

describe('pdfText', () => {
  it('reads the text of each page, a blank line between pages', async () => {
    expect(await pdfText(fixture('two-pages.pdf'))).toBe(
      'Breach report page one\nSecond line of text\n\nPage two says hello\n',
    );
  });

  it('leaves the bytes it was given intact', async () => {
    const bytes = new Uint8Array(fixture('two-pages.pdf'));
    await pdfText(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('says a damaged PDF is damaged', async () => {
    await expect(pdfText(text('%PDF-1.4\nthis is not really a pdf'))).rejects.toThrow(
      'The PDF is damaged or not a PDF',
    );
  });
});

describe('docxText', () => {
  it('reads the paragraphs of a Word document', async () => {
    expect(await docxText(fixture('summary.docx'))).toBe(
      'Incident summary\n\nCustomer records were exposed on 3 March.\n\n',
    );
  });

  it('says a damaged document is damaged', async () => {
    await expect(docxText(fixture('plain.zip'))).rejects.toThrow('damaged or not a DOCX');
  });
});

describe('hexRows', () => {
  it('shows 16 bytes a row, a gap after 8, dots for unprintables', () => {
    const bytes = Buffer.concat([Buffer.from('Hello, evidence!'), Buffer.from([0x00, 0x7f, 0x41])]);
    expect(hexRows(bytes, 4096)).toEqual([
      {
        offset: 4096,
        hex: '48 65 6c 6c 6f 2c 20 65  76 69 64 65 6e 63 65 21',
        ascii: 'Hello, evidence!',
      },
      { offset: 4112, hex: '00 7f 41', ascii: '..A' },
    ]);
    expect(hexRows(new Uint8Array(0), 0)).toEqual([]);
  });
});

describe('csvTable', () => {
  it('takes the header from the first page and gives it to later pages', () => {
    const first = csvTable('id,name\n1,"Ana, B"\n2,Bo\n', true, null);
    expect(first).toEqual({
      header: ['id', 'name'],
      rows: [
        ['1', 'Ana, B'],
        ['2', 'Bo'],
      ],
    });
    const later = csvTable('3,Cy\n4,Di\n', false, first.header);
    expect(later).toEqual({
      header: ['id', 'name'],
      rows: [
        ['3', 'Cy'],
        ['4', 'Di'],
      ],
    });
  });

  it('tolerates a ragged or unterminated last row', () => {
    expect(csvTable('a\tb\n1\t2\n3', true, null)).toEqual({ header: ['a', 'b'], rows: [['1', '2'], ['3']] });
    expect(csvTable('a,b\n1,"open', true, null).rows).toEqual([['1', 'open']]);
  });

  it('gives an empty page an empty table', () => {
    expect(csvTable('', true, null)).toEqual({ header: [], rows: [] });
  });
});
