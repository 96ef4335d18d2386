import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';

/** A mailbox: display name (any Unicode) and address. */
export interface NoticeMailbox {
  name: string;
  address: string;
}

export interface NoticeMessageInput {
  from: NoticeMailbox;
  to: NoticeMailbox;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** With angle brackets, e.g. "<run.person@domain>"; the caller makes it unique per person. */
  messageId: string;
  date: Date;
  /** Extra fields such as X-Breachdesk-Notice; structural fields are refused (see below). */
  headers?: Record<string, string>;
}

// Fields the composer sets from the input or from the MIME structure: a custom header with one
// of these names would either be silently overridden or contradict the body's structure.
const RESERVED_FIELD =
  /^(from|to|cc|bcc|sender|reply-to|subject|message-id|date|mime-version|content-[a-z-]+)$/i;
// RFC 5322 field-name: printable ASCII except the colon.
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
const MESSAGE_ID = /^<[^<>\s]+@[^<>\s]+>$/;

/**
 * One notice as an RFC 5322 message (CRLF, multipart/alternative text + HTML, UTF-8). The same
 * input always gives the same bytes, so a regenerated batch can be compared with, or hashed
 * against, the one already handed over: the multipart boundary comes from a hash of the input
 * instead of random bytes, and Date and Message-ID are always given, so the composer never
 * reads the clock or makes up an id. (MailComposer adds no X-Mailer; only the Mailer does.)
 */
export async function buildNoticeMessage(input: NoticeMessageInput): Promise<Buffer> {
  checkInput(input);
  const composer = new MailComposer({
    from: { name: input.from.name, address: input.from.address },
    to: { name: input.to.name, address: input.to.address },
    ...(input.replyTo === undefined ? {} : { replyTo: input.replyTo }),
    subject: input.subject,
    text: crlf(input.text),
    html: crlf(input.html),
    messageId: input.messageId,
    date: input.date,
    headers: { ...input.headers },
    baseBoundary: boundaryOf(input),
    // No `newline` option: the composer writes its own lines with CRLF already, and with the
    // bodies made CRLF beforehand (crlf below) it can skip the line-ending transform stream,
    // which cost about a fifth of the build time (test/bench/notice-mime.bench.ts).
    // Nothing here may read a file or fetch a URL: a letter's text is data, never a path.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}

/** Every line break as CRLF; a lone CR counts as a break too, as RFC 5322 allows none alone. */
function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/**
 * Hashing the bodies along with the Message-ID makes the boundary a value the text itself
 * cannot contain (it would have to contain its own hash), which a fixed boundary could not
 * promise for arbitrary letter text.
 */
function boundaryOf(input: NoticeMessageInput): string {
  const hash = createHash('sha256');
  for (const part of [input.messageId, input.subject, input.text, input.html]) {
    hash.update(part, 'utf8').update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

function checkInput(input: NoticeMessageInput): void {
  if (!MESSAGE_ID.test(input.messageId)) {
    throw new Error(`Message-ID ${JSON.stringify(input.messageId)} is not of the form <left@right>.`);
  }
  if (Number.isNaN(input.date.getTime())) throw new Error('The notice date is not a valid date.');
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (!FIELD_NAME.test(name) || RESERVED_FIELD.test(name)) {
      throw new Error(`Header ${JSON.stringify(name)} may not be set on a notice.`);
    }
    // A line break in a value would start a header of its own (header injection).
    if (/[\r\n]/.test(value)) throw new Error(`Header ${name} has a line break in its value.`);
  }
}
