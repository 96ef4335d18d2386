import PostalMime, { type Attachment } from 'postal-mime';

export type DeliveryAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

export interface DeliveryRecipient {
  /** The address alone, lower-cased, without its "rfc822;" type. */
  finalRecipient: string;
  originalRecipient: string | null;
  action: DeliveryAction;
  /** The enhanced status code (RFC 3463), e.g. "5.1.1". */
  status: string;
  /** The remote server's words, without their "smtp;" type, folding undone. */
  diagnostic: string | null;
}

export interface DeliveryReport {
  recipients: DeliveryRecipient[];
  /** Message-ID of the returned original, angle brackets kept, as our notices were sent with them. */
  originalMessageId: string | null;
  /** The X-Breachdesk-Notice header of the returned original. */
  noticeId: string | null;
}

const ACTIONS: ReadonlySet<string> = new Set<DeliveryAction>([
  'failed',
  'delayed',
  'delivered',
  'relayed',
  'expanded',
]);
// RFC 6533 added the global (UTF-8) forms of both parts.
const STATUS_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status']);
const RETURNED_PARTS = new Set([
  'message/rfc822',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global',
  'message/global-headers',
]);
// The first line of any message: a header field, or an mbox From_ line before one.
const FIRST_FIELD = /^(?:From [^\r\n]*\r?\n)?[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/**
 * Reads an RFC 3464 delivery status notification (a bounce). Returns null for any message that
 * carries no delivery-status part, since bounces are read from mailboxes that hold everything
 * else too; throws only when the bytes are not a mail message at all (no header field first).
 * postal-mime does the MIME work (multipart, transfer encodings) and, with message/rfc822 forced
 * to an attachment, hands over the status part and the returned original as raw bytes; their
 * small RFC 822-style field blocks are read here.
 */
export async function parseDeliveryReport(bytes: Buffer): Promise<DeliveryReport | null> {
  if (!FIRST_FIELD.test(bytes.subarray(0, 1000).toString('latin1'))) {
    throw new Error('These bytes are not an e-mail message: they do not begin with a header field.');
  }
  let attachments: Attachment[];
  try {
    attachments = (await PostalMime.parse(bytes, { forceRfc822Attachments: true })).attachments;
  } catch {
    // postal-mime refuses only what exceeds its limits (nesting, header size): not a report we can use.
    return null;
  }
  const status = attachments.find((part) => STATUS_PARTS.has(part.mimeType));
  if (status === undefined) return null;
  const returned = attachments.find((part) => RETURNED_PARTS.has(part.mimeType));
  const original = returned === undefined ? [] : fieldBlocks(textOf(returned)).slice(0, 1).flat();
  return {
    // The per-message block (Reporting-MTA, Arrival-Date) has no Final-Recipient, so it drops out here.
    recipients: fieldBlocks(textOf(status))
      .map(recipientOf)
      .filter((r) => r !== null),
    originalMessageId: fieldValue(original, 'message-id'),
    noticeId: fieldValue(original, 'x-breachdesk-notice'),
  };
}

type Field = readonly [name: string, value: string];

/** A per-recipient block, or null when it lacks one of the three fields RFC 3464 requires. */
function recipientOf(fields: Field[]): DeliveryRecipient | null {
  const final = fieldValue(fields, 'final-recipient');
  const action = fieldValue(fields, 'action')?.toLowerCase();
  const status = fieldValue(fields, 'status')?.split(/[\s(]/, 1)[0];
  if (final === null || action === undefined || !ACTIONS.has(action) || !status) return null;
  const original = fieldValue(fields, 'original-recipient');
  const diagnostic = fieldValue(fields, 'diagnostic-code');
  return {
    finalRecipient: addressOf(final),
    originalRecipient: original === null ? null : addressOf(original),
    action: action as DeliveryAction,
    status,
    diagnostic: diagnostic === null ? null : withoutType(diagnostic) || null,
  };
}

/** "rfc822; <Ann@Example.org>" → "ann@example.org"; an address of another type keeps its type. */
function addressOf(value: string): string {
  const semicolon = value.indexOf(';');
  const type = semicolon < 0 ? 'rfc822' : value.slice(0, semicolon).trim().toLowerCase();
  const address = value.slice(semicolon + 1).trim();
  if (type !== 'rfc822' && type !== 'utf-8') return `${type};${address}`.toLowerCase();
  return address.replace(/^<(.*)>$/, '$1').toLowerCase();
}

/** "smtp; 550 5.1.1 …" → "550 5.1.1 …". */
function withoutType(value: string): string {
  return value.replace(/^[A-Za-z0-9-]+;\s*/, '').trim();
}

function fieldValue(fields: readonly Field[], name: string): string | null {
  return fields.find(([key]) => key === name)?.[1] ?? null;
}

/**
 * Blocks of "Name: value" fields separated by blank lines, folded lines joined (RFC 5322 §2.2.3).
 * A line that is neither a field nor a continuation is skipped rather than failing the report.
 */
function fieldBlocks(text: string): Field[][] {
  const blocks: Field[][] = [];
  let block: [string, string][] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    if (line.trim() === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else if (/^[ \t]/.test(line)) {
      const last = block.at(-1);
      if (last !== undefined) last[1] = `${last[1]} ${line.trim()}`.trim();
    } else {
      const colon = line.indexOf(':');
      if (colon > 0) block.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

function textOf(part: Attachment): string {
  if (typeof part.content === 'string') return part.content;
  return new TextDecoder('utf-8').decode(part.content);
}
