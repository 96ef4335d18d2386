/**
 * A first look at a file that may be an age envelope (age-encryption.org/v1), before any key is
 * tried: whether it is one, and which kinds of recipient its header names (a passphrase envelope
 * has exactly one "scrypt" stanza). Bounding the header here also bounds the age library, which
 * reads a header line by line and would otherwise buffer a hostile file with no line ends whole.
 */

export const AGE_MAGIC = 'age-encryption.org/v1\n';
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
/** Far more than a real header needs (a recipient's stanza is under 200 bytes). */
export const MAX_HEADER_BYTES = 1024 * 1024;

export type AgeHeader =
  /** An age file whose header ends within MAX_HEADER_BYTES; the first argument of each stanza. */
  | { kind: 'age'; stanzaTypes: string[]; headerBytes: number }
  /** The ASCII-armoured (PEM-like) form of age, made with age --armor. */
  | { kind: 'armored' }
  | { kind: 'not-age' }
  /** The stanza types read before the header broke off. */
  | { kind: 'damaged'; detail: string; stanzaTypes: string[] };

/** Reads what the first bytes of a file (up to MAX_HEADER_BYTES of them) say. */
export function inspectAgeHeader(head: Uint8Array): AgeHeader {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bytes.subarray(0, 200).toString('latin1').trimStart().startsWith(ARMOR_BEGIN))
    return { kind: 'armored' };
  if (!bytes.subarray(0, AGE_MAGIC.length).equals(Buffer.from(AGE_MAGIC, 'latin1')))
    return { kind: 'not-age' };
  const stanzaTypes: string[] = [];
  let at = AGE_MAGIC.length;
  for (;;) {
    const end = bytes.indexOf(0x0a, at);
    if (end < 0 || end >= MAX_HEADER_BYTES) {
      return {
        kind: 'damaged',
        detail: 'its header is cut short or longer than any age header',
        stanzaTypes,
      };
    }
    const line = bytes.subarray(at, end).toString('latin1');
    at = end + 1;
    if (line.startsWith('--- ')) return { kind: 'age', stanzaTypes, headerBytes: at };
    if (line.startsWith('-> ')) stanzaTypes.push(line.split(' ')[1] ?? '');
  }
}

/** Whether the header is a passphrase envelope (scrypt), which no installation key can open. */
export function isPassphraseEnvelope(header: { stanzaTypes: readonly string[] }): boolean {
  return header.stanzaTypes.includes('scrypt');
}
