import PostalMime from 'postal-mime';
import { MarkupTextStripper } from './markup-text';

export interface ParsedEmail {
  headers: { name: string; value: string }[];
  /** The plain-text part, else the HTML part as plain text: never markup. */
  body: string;
  attachments: { name: string; mediaType: string; size: number }[];
}

/** Parses an RFC 5322 message (an .eml file) into headers, a text body and the attachments' particulars. */
export async function parseEmail(bytes: Uint8Array): Promise<ParsedEmail> {
  const mail = await PostalMime.parse(bytes);
  return {
    headers: mail.headers.map((header) => ({ name: header.originalKey, value: header.value })),
    body: normaliseBreaks(mail.text ?? (mail.html === undefined ? '' : htmlAsText(mail.html))),
    attachments: mail.attachments.map((attachment, index) => ({
      name: attachment.filename ?? `attachment-${index + 1}`,
      mediaType: attachment.mimeType,
      size: contentSize(attachment.content),
    })),
  };
}

/**
 * The message as one text: header lines, a blank line, the body, then the attachments. This is
 * what gets indexed and shown with line numbers, so it depends on nothing but the message.
 */
export function emailReadableText(mail: ParsedEmail): string {
  const lines = mail.headers.map((header) => `${header.name}: ${oneLine(header.value)}`);
  let text = `${lines.join('\n')}\n\n${mail.body}`;
  if (mail.attachments.length > 0) {
    const listed = mail.attachments.map((a) => `  ${oneLine(a.name)} (${a.mediaType}, ${a.size} bytes)`);
    text += `${text.endsWith('\n') ? '' : '\n'}\nAttachments:\n${listed.join('\n')}\n`;
  }
  return text;
}

/** Unfolded header values may still hold line breaks (encoded words can); one header is one line. */
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ');
}

function normaliseBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function contentSize(content: ArrayBuffer | Uint8Array | string): number {
  // postal-mime gives an ArrayBuffer by default; the string forms only come with other options.
  if (typeof content === 'string') return new TextEncoder().encode(content).byteLength;
  return content.byteLength;
}

/** Where a rendered HTML mail breaks lines; the source's own line breaks are just spaces there. */
const LINE_BREAK_TAGS =
  /<(?:br|hr)\b[^>]{0,1000}>|<\/(?:p|div|tr|li|h[1-6]|table|blockquote|pre|ul|ol|dt|dd|title)\s*>/gi;

/** An HTML body read as a person would: tags and scripts gone, paragraphs on their own lines. */
function htmlAsText(html: string): string {
  const flowed = html.replace(/\r?\n|\r/g, ' ').replace(LINE_BREAK_TAGS, '$&\n');
  const stripped = new MarkupTextStripper().push(flowed);
  const lines = stripped.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
