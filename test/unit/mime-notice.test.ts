import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { parseDeliveryReport } from '../../main/formats/mime/delivery-report';
import { mboxEntry } from '../../main/formats/mime/mbox';
import { buildNoticeMessage, type NoticeMessageInput } from '../../main/formats/mime/notice-message';

const FIXTURES = join(import.meta.dirname, '../fixtures/dsn');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

const LETTER: NoticeMessageInput = {
  from: { name: 'Zoë Müller – Datenschutz', address: 'dpo@controller.example' },
  to: { name: 'José Ñandú, „Kunde“', address: 'jose@recipient.example' },
  replyTo: 'privacy@controller.example',
  subject: 'Wichtige Mitteilung zu Ihren Daten – bitte lesen ✓',
  text: 'Sehr geehrter José,\n\nwir müssen Ihnen mitteilen …\nFrom now on, please change your password.\n',
  html: '<p>Sehr geehrter José,</p>\n<p>wir müssen Ihnen mitteilen …</p>\n<p>From now on</p>',
  messageId: '<run-2026-12.person-0042@controller.example>',
  date: new Date('2026-12-07T10:00:00Z'),
  headers: { 'X-Breachdesk-Notice': 'notice-7f3a-0042' },
};

describe('buildNoticeMessage', () => {
  it('gives byte-identical output for the same input', async () => {
    const first = await buildNoticeMessage(LETTER);
    const second = await buildNoticeMessage({ ...LETTER, headers: { ...LETTER.headers } });
    expect(second.equals(first)).toBe(true);
  });

  it('changes the boundary when the message changes', async () => {
    const boundary = (bytes: Buffer) => /boundary="([^"]+)"/.exec(bytes.toString('latin1'))?.[1];
    const one = await buildNoticeMessage(LETTER);
    const other = await buildNoticeMessage({
      ...LETTER,
      messageId: '<run-2026-12.person-0043@controller.example>',
    });
    expect(boundary(one)).toBeDefined();
    expect(boundary(other)).not.toBe(boundary(one));
  });

  it('writes RFC 5322 with CRLF only, ASCII headers and multipart/alternative', async () => {
    const bytes = await buildNoticeMessage(LETTER);
    const text = bytes.toString('latin1');
    expect(text).not.toMatch(/[^\r]\n/);
    const headers = text.slice(0, text.indexOf('\r\n\r\n'));
    expect(headers).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    expect(headers).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(headers).toMatch(/^Date: Mon, 07 Dec 2026 10:00:00 \+0000$/m);
    expect(headers).not.toMatch(/^X-Mailer:/im);
  });

  it('reads back through postal-mime as the same letter', async () => {
    const parsed = await PostalMime.parse(await buildNoticeMessage(LETTER));
    expect(parsed.subject).toBe(LETTER.subject);
    expect(parsed.from).toEqual({ name: LETTER.from.name, address: LETTER.from.address });
    expect(parsed.to).toEqual([{ name: LETTER.to.name, address: LETTER.to.address }]);
    expect(parsed.replyTo).toEqual([{ name: '', address: 'privacy@controller.example' }]);
    expect(parsed.messageId).toBe(LETTER.messageId);
    expect(parsed.date).toBe('2026-12-07T10:00:00.000Z');
    // postal-mime keeps the line break before a boundary, which RFC 2046 §5.1.1 counts as part of
    // the delimiter, so each body reads back with exactly one line break more than was written.
    expect(parsed.text?.replace(/\r\n/g, '\n')).toBe(`${LETTER.text}\n`);
    expect(parsed.html?.replace(/\r\n/g, '\n')).toBe(`${LETTER.html}\n`);
    expect(parsed.headers.find((h) => h.key === 'x-breachdesk-notice')?.value).toBe('notice-7f3a-0042');
  });

  it('refuses structural headers, header injection and malformed ids', async () => {
    await expect(
      buildNoticeMessage({ ...LETTER, headers: { 'Content-Type': 'text/plain' } }),
    ).rejects.toThrow();
    await expect(buildNoticeMessage({ ...LETTER, headers: { 'X-A': 'x\r\nBcc: a@b.c' } })).rejects.toThrow();
    await expect(buildNoticeMessage({ ...LETTER, messageId: 'no-brackets' })).rejects.toThrow();
  });
});

/** The mboxrd reading of a batch: split at From_ lines, unquote one '>', back to CRLF. */
function readMbox(batch: Buffer): { fromLine: string; message: Buffer }[] {
  const entries = batch.toString('latin1').split(/\n(?=From )/);
  return entries.map((entry) => {
    const firstBreak = entry.indexOf('\n');
    const body = entry
      .slice(firstBreak + 1)
      .replace(/\n\n$/, '\n')
      .replace(/^>(>*From )/gm, '$1')
      .replace(/\n/g, '\r\n');
    return { fromLine: entry.slice(0, firstBreak), message: Buffer.from(body, 'latin1') };
  });
}

describe('mboxEntry', () => {
  it('writes a From_ line with an asctime UTC date and quotes >*From lines', () => {
    const message = Buffer.from('Subject: x\r\n\r\nFrom here\r\n>From there\r\n>>From afar\r\nFromage\r\n');
    const entry = mboxEntry(message, 'dpo@controller.example', new Date('2026-12-07T09:05:03Z')).toString();
    expect(entry).toBe(
      'From dpo@controller.example Mon Dec  7 09:05:03 2026\n' +
        'Subject: x\n\n>From here\n>>From there\n>>>From afar\nFromage\n\n',
    );
  });

  it('round-trips a batch of built notices byte for byte', async () => {
    const messages = await Promise.all(
      [0, 1, 2].map((n) =>
        buildNoticeMessage({
          ...LETTER,
          messageId: `<run.p${n}@controller.example>`,
          text: `>From ${n}\nFrom x\n`,
        }),
      ),
    );
    const date = new Date('2026-12-17T23:59:59Z');
    const batch = Buffer.concat(messages.map((m) => mboxEntry(m, 'dpo@controller.example', date)));
    const read = readMbox(batch);
    expect(read.map((e) => e.fromLine)).toEqual(
      Array(3).fill('From dpo@controller.example Thu Dec 17 23:59:59 2026'),
    );
    read.forEach((entry, i) => expect(entry.message.equals(messages[i]!)).toBe(true));
  });

  it('refuses an envelope sender with spaces', () => {
    expect(() => mboxEntry(Buffer.from('a: b\r\n'), 'a b@c', new Date(0))).toThrow();
  });
});

describe('parseDeliveryReport', () => {
  it('reads a Postfix 5.1.1 failure with the returned headers', async () => {
    expect(await parseDeliveryReport(fixture('postfix-5.1.1.eml'))).toEqual({
      recipients: [
        {
          finalRecipient: 'nobody.here@recipient.example',
          originalRecipient: 'nobody.here@recipient.example',
          action: 'failed',
          status: '5.1.1',
          diagnostic:
            '550 5.1.1 <Nobody.Here@recipient.example>: Recipient address rejected: User unknown in local recipient table',
        },
      ],
      originalMessageId: '<run-2026-12.person-0042@controller.example>',
      noticeId: 'notice-7f3a-0042',
    });
  });

  it('reads a delayed report with the original attached as message/rfc822', async () => {
    expect(await parseDeliveryReport(fixture('delayed.eml'))).toEqual({
      recipients: [
        {
          finalRecipient: 'slow.person@slow.example',
          originalRecipient: null,
          action: 'delayed',
          status: '4.4.1',
          diagnostic: '421 4.4.1 Connection timed out',
        },
      ],
      originalMessageId: '<run-2026-12.person-0099@controller.example>',
      noticeId: 'notice-7f3a-0099',
    });
  });

  it('reads a delivered report that returns no original', async () => {
    expect(await parseDeliveryReport(fixture('delivered.eml'))).toEqual({
      recipients: [
        {
          finalRecipient: 'ann@inbound.example',
          originalRecipient: null,
          action: 'delivered',
          status: '2.0.0',
          diagnostic: null,
        },
      ],
      originalMessageId: null,
      noticeId: null,
    });
  });

  it('returns null for an ordinary reply', async () => {
    expect(await parseDeliveryReport(fixture('not-a-dsn.eml'))).toBeNull();
  });

  it('returns null for a built notice and throws one sentence for bytes that are no message', async () => {
    expect(await parseDeliveryReport(await buildNoticeMessage(LETTER))).toBeNull();
    await expect(parseDeliveryReport(Buffer.alloc(0))).rejects.toThrow(/not an e-mail message/);
    await expect(parseDeliveryReport(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).rejects.toThrow(
      /not an e-mail message/,
    );
  });
});
