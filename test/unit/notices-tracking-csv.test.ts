import { describe, expect, it } from 'vitest';
import { outcomeOf, parseTrackingCsv } from '../../main/notices/tracking-csv';

describe('parseTrackingCsv', () => {
  it('reads a comma file with quoted fields', () => {
    const text = [
      'Person ID,E-mail,Status,Timestamp,Reason',
      '12,jane@example.com,delivered,2026-12-01T10:00:00Z,',
      '13,"doe, john"" jr@example.com",Hard Bounce,2026-12-01T10:05:00Z,"550 5.1.1 user unknown, sorry"',
      '"14",,"soft_bounce",,"mailbox full\nretry later"',
    ].join('\n');
    expect(parseTrackingCsv(text, { kind: 'bounces' })).toEqual({
      entries: [
        {
          line: 2,
          personId: 12,
          address: 'jane@example.com',
          outcome: 'delivered',
          detail: null,
          at: '2026-12-01T10:00:00Z',
        },
        {
          line: 3,
          personId: 13,
          address: 'doe, john" jr@example.com',
          outcome: 'bounced',
          detail: '550 5.1.1 user unknown, sorry',
          at: '2026-12-01T10:05:00Z',
        },
        {
          line: 4,
          personId: 14,
          address: null,
          outcome: 'bounced',
          detail: 'mailbox full\nretry later',
          at: null,
        },
      ],
      badRows: [],
    });
  });

  it('reads a semicolon file with CRLF line ends and a byte-order mark', () => {
    const text =
      '\ufeffrecipient;event;date\r\nann@example.com;Accepted;01/12/2026\r\nbob@example.com;Dropped;\r\n';
    const result = parseTrackingCsv(text, { kind: 'bounces' });
    expect(result.badRows).toEqual([]);
    expect(result.entries.map((e) => [e.line, e.personId, e.address, e.outcome, e.at])).toEqual([
      [2, null, 'ann@example.com', 'delivered', '01/12/2026'],
      [3, null, 'bob@example.com', 'bounced', null],
    ]);
  });

  it.each([
    ['delivered', ['delivered', 'Sent OK', 'accepted', 'SUCCESS', 'opened', 'clicked']],
    [
      'bounced',
      ['bounce', 'Bounced', 'hard-bounce', 'soft bounce', 'failed', 'rejected', 'undeliverable', 'dropped'],
    ],
    ['bounced', ['blocked', 'invalid', 'Bounced (mailbox full)', 'failed: 550 no such user']],
    [
      'returned',
      ['returned', 'Return to sender', 'RTS', 'Undeliverable as addressed', 'moved, left no address'],
    ],
    ['returned', ['no such street', 'refused', 'Attempted - not known']],
  ] as const)('maps status words to %s', (outcome, words) => {
    for (const word of words) expect(outcomeOf(word), word).toBe(outcome);
  });

  it('reports an unknown status, and an id that is not a number, without quoting them', () => {
    const text =
      'id,address,status\n1,a@example.com,sent\n2,b@example.com,queued\nX9,c@example.com,delivered\n';
    const { entries, badRows } = parseTrackingCsv(text, { kind: 'bounces' });
    expect(entries).toEqual([]);
    expect(badRows.map((row) => row.line)).toEqual([2, 3, 4]);
    for (const { message } of badRows) {
      for (const value of ['sent', 'queued', 'X9', 'example.com']) expect(message).not.toContain(value);
    }
  });

  it('reports a row with neither a person id nor an address by its line', () => {
    const text = 'person_id;email;result\n1;;bounced\n;;bounced\n\n;;\n;x@example.com;bounced\n;\n';
    const { entries, badRows } = parseTrackingCsv(text, { kind: 'bounces' });
    expect(entries.map((e) => e.line)).toEqual([2, 6]);
    expect(badRows).toEqual([{ line: 3, message: 'The row has neither a person id nor an address.' }]);
  });

  it('reads a returned-mail list without a status column as all returned', () => {
    const text = 'Person,Address,Date\n7,"1 High St, Leeds",2026-12-03\n8,,\n';
    expect(parseTrackingCsv(text, { kind: 'returned' })).toEqual({
      entries: [
        {
          line: 2,
          personId: 7,
          address: '1 High St, Leeds',
          outcome: 'returned',
          detail: null,
          at: '2026-12-03',
        },
        { line: 3, personId: 8, address: null, outcome: 'returned', detail: null, at: null },
      ],
      badRows: [],
    });
  });

  it("reads a mail house's failure as returned: paper does not bounce", () => {
    const text = 'id,disposition,description\n7,Undeliverable,Vacant\n8,Refused,\n';
    const { entries } = parseTrackingCsv(text, { kind: 'returned' });
    expect(entries.map((e) => [e.personId, e.outcome, e.detail])).toEqual([
      [7, 'returned', 'Vacant'],
      [8, 'returned', null],
    ]);
  });

  it('refuses a file without a status column for bounces, or without an id or address column', () => {
    expect(parseTrackingCsv('id,date\n1,2026-12-01\n', { kind: 'bounces' })).toEqual({
      entries: [],
      badRows: [{ line: 1, message: 'No column holds a status or outcome.' }],
    });
    expect(parseTrackingCsv('name,status\nJane,bounced\n', { kind: 'bounces' }).badRows).toEqual([
      { line: 1, message: 'No column holds a person id or an address.' },
    ]);
  });

  it('reports a quote never closed, and reads nothing from an empty file', () => {
    const text = 'id,status\n1,delivered\n2,"bounced\n3,delivered\n';
    const { entries, badRows } = parseTrackingCsv(text, { kind: 'bounces' });
    expect(entries.map((e) => e.line)).toEqual([2]);
    expect(badRows).toEqual([{ line: 3, message: 'A quoted field is never closed.' }]);
    expect(parseTrackingCsv('', { kind: 'bounces' })).toEqual({ entries: [], badRows: [] });
  });
});
