/**
 * One mboxrd entry (the variant that quotes every ">*From " line, so reading it back undoes the
 * quoting exactly): a From_ line, the message with LF line ends, and a blank line. A batch file
 * is these entries concatenated, which lets a batch be written as a stream, one notice at a time.
 */
export function mboxEntry(message: Buffer, envelopeFrom: string, date: Date): Buffer {
  if (!/^[\x21-\x7e]+$/.test(envelopeFrom)) {
    throw new Error(`Envelope sender ${JSON.stringify(envelopeFrom)} cannot stand in a From_ line.`);
  }
  if (Number.isNaN(date.getTime())) throw new Error('The mbox entry date is not a valid date.');
  // latin1 maps every byte to one character and back, so UTF-8 and 8-bit bodies pass untouched.
  const body = message
    .toString('latin1')
    .replace(/\r\n/g, '\n')
    .replace(/^(>*From )/gm, '>$1');
  const ending = body.endsWith('\n') ? '\n' : '\n\n';
  return Buffer.from(`From ${envelopeFrom} ${asctime(date)}\n${body}${ending}`, 'latin1');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** C asctime() in UTC, "Mon Dec  7 09:05:00 2026": the date form mbox readers expect after From_. */
function asctime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  const day = String(date.getUTCDate()).padStart(2, ' ');
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${day} ${time} ${date.getUTCFullYear()}`;
}
