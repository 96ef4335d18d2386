import { describe, expect, it } from 'vitest';
import { PiiIndex, scanPages, type PiiHit } from '../../main/notices/pii-scan';

function indexOf(people: { name?: string; email?: string; phone?: string; account?: string }[]): PiiIndex {
  const index = new PiiIndex();
  for (const person of people) {
    if (person.name !== undefined) index.add('name', person.name);
    if (person.email !== undefined) index.add('email', person.email);
    if (person.phone !== undefined) index.add('phone', person.phone);
    if (person.account !== undefined) index.add('account', person.account);
  }
  return index;
}

const JANE = { name: 'Jane Doe', email: 'jane.doe@example.com', phone: '+1 415 555 0123', account: 'jdoe42' };
const fields = (hits: PiiHit[]) => hits.map((hit) => hit.field);

describe('PiiIndex.scan', () => {
  const index = indexOf([JANE, { name: 'José Álvarez García', account: 'AbCd', phone: '06 12 34 56 78' }]);

  it.each([
    ['name', 'Dear Jane Doe, we write to you.', 'J••• D•••', 5],
    ['email', 'Write to jane.doe@example.com today.', 'j•••@e•••.com', 9],
    ['phone', 'Call (415) 555-0123 now.', '•••••••0123', 5],
    ['account', 'Account jdoe42 was affected.', 'j•••', 8],
  ] as const)('finds a %s where it is, masked', (field, text, masked, offset) => {
    expect(index.scan(text)).toContainEqual({ field, masked, offset });
  });

  it('masks every hit so no indexed value appears in it', () => {
    const text = `Jane Doe <jane.doe@example.com>, +1 415 555 0123, account jdoe42; José Álvarez García AbCd.`;
    const hits = index.scan(text);
    expect(new Set(fields(hits))).toEqual(new Set(['name', 'email', 'phone', 'account']));
    const values = [
      ...Object.values(JANE),
      'José Álvarez García',
      'AbCd',
      'Jane',
      'Doe',
      'jane.doe',
      'example',
    ];
    const digits = ['4155550123', '5550123', '415'];
    for (const hit of hits) {
      for (const value of [...values, ...digits]) expect(hit.masked).not.toContain(value);
    }
  });

  it('compares e-mails without case', () => {
    expect(fields(index.scan('JANE.DOE@Example.COM'))).toContain('email');
  });

  it('finds the name, not the e-mail, in the same local part at another domain', () => {
    // "jane.doe" still names her: the words of a name are words wherever they stand.
    expect(fields(index.scan('jane.doe@example.org'))).toEqual(['name']);
  });

  it('compares names without case, accents or extra spaces, across a line break', () => {
    expect(fields(index.scan('Dear JOSE   ALVAREZ\ngarcia,'))).toContain('name');
    expect(fields(index.scan('Dear jane\n  DOE:'))).toEqual(['name']);
    // A decomposed accent in the text is the same letter.
    expect(fields(index.scan('Jose\u0301 A\u0301lvarez Garci\u0301a'))).toContain('name');
  });

  it.each([
    '4155550123',
    '+14155550123',
    '+1 (415) 555-0123',
    '415.555.0123',
    '001 415 555 0123',
    '415/5550123',
  ])('finds the phone written as %s', (phone) => {
    expect(fields(index.scan(`phone: ${phone}.`))).toEqual(['phone']);
  });

  it('finds a French phone in national and international form', () => {
    expect(fields(index.scan('+33 6 12 34 56 78'))).toEqual(['phone']);
    expect(fields(index.scan('0612345678 12'))).toEqual(['phone']);
  });

  it.each([
    ['another person of the same first name', 'Jane Smith and John Doe'],
    ['a name run into another word', 'JaneDoe'],
    ['a single word of a name', 'Doe'],
    ['another mailbox at the same domain', 'jane.do@example.com'],
    ['another local part at the same domain', 'jdoe@example.com'],
    ['an account id inside a longer token', 'xjdoe42 jdoe420 jdoe42x'],
    ['an account id in another case', 'JDOE42'],
    ['another phone number', '+1 415 555 0124'],
    ['a short digit run', '555 0123'],
  ])('does not flag %s', (_what, text) => {
    expect(index.scan(text)).toEqual([]);
  });

  it('does not index values it cannot check', () => {
    const small = indexOf([
      { name: 'Cher', account: 'admin', phone: '12345' },
      { account: 'test', email: 'not an address' },
    ]);
    expect(small.stats().indexed).toEqual({ name: 0, email: 0, phone: 0, account: 0 });
    expect(small.stats().skipped).toEqual({ name: 1, email: 1, phone: 1, account: 2 });
    expect(small.scan('Cher, admin, test and 12345')).toEqual([]);
  });

  it('finds a short phone only as those digits', () => {
    const short = indexOf([{ phone: '555-0123' }]);
    expect(fields(short.scan('call 555 0123'))).toEqual(['phone']);
    expect(short.scan('call 555 0124')).toEqual([]);
  });

  it('reports the page of each hit, counting from 1', () => {
    expect(scanPages(['Nothing here.', 'To Jane Doe'], index)).toEqual([
      { field: 'name', masked: 'J••• D•••', offset: 3, page: 2 },
    ]);
  });

  it('finds values added after a first scan', () => {
    const growing = indexOf([JANE]);
    expect(growing.scan('Mark Twain')).toEqual([]);
    growing.add('name', 'Mark Twain');
    expect(fields(growing.scan('Mark Twain'))).toEqual(['name']);
  });

  it('finds nothing in a clean 10-page notice checked against 10,000 people', () => {
    const people = Array.from({ length: 10_000 }, (_, i) => ({
      name: `Person${i} Surname${i % 97}`,
      email: `user${i}@mail${i % 13}.example`,
      phone: `+44 7700 ${String(900000 + i).padStart(6, '0')}`,
      account: `acct-${i}`,
    }));
    const big = indexOf([...people, { name: 'Mary Smith' }, { name: 'John Taylor' }]);
    expect(big.stats().indexed).toEqual({ name: 10_002, email: 10_000, phone: 10_000, account: 10_000 });
    const pages = Array.from({ length: 10 }, (_, page) => cleanPage(page + 1));
    expect(pages.join('').length).toBeGreaterThan(25_000);
    expect(scanPages(pages, big)).toEqual([]);
    // And the same text with one person in it is caught on the right page.
    pages[6] += ' Contact: user77@mail12.example';
    expect(scanPages(pages, big)).toEqual([expect.objectContaining({ field: 'email', page: 7 })]);
  });
});

/** About 3 KB of a sample notice: names of staff, dates, reference and phone numbers, no person. */
function cleanPage(page: number): string {
  const paragraph =
    'On 2026-11-03 we learned that an unauthorised party accessed a file server of Example Ltd. ' +
    'The file held names, e-mail addresses, telephone numbers and account ids of customers. ' +
    'We contained the incident within 48 hours, reset credentials and informed the regulator ' +
    '(reference ICO-2026-004411). If you have questions, call our helpline on 0800 123 4567 or ' +
    'write to privacy@example-ltd.example. Our data protection officer, Alex Morgan, will answer. ';
  return `Page ${page} of 10\n\n${paragraph.repeat(7)}\nSigned, Mary Smithson, Chief Executive, 12 December 2026.\n`;
}
