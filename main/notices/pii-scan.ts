/**
 * Checks an output meant to hold no personal data (a regulator's sample notice, a register, a
 * filing) against every value of the affected-people roster: names, e-mail addresses, phone
 * numbers and account ids. A hit names the field, where it is, and a masked form of the text
 * found, never the value itself, so a hit can be shown or logged without leaking what it found.
 *
 * The index keeps a 53-bit hash of each normalised value, not the value: 8 bytes a value in one
 * sorted Float64Array, where a Set of 4 million strings costs hundreds of megabytes (see
 * test/bench/pii-scan.bench.ts). The price is that a hit may be a hash collision: with 4 million
 * values and the ~50,000 probes of a 10-page text, about 50,000 × 4e6 / 2^53 ≈ 2e-5 false hits
 * a scan. A hit is for a person to look at, so a rare false alarm costs a look; hashing never
 * causes a miss.
 */

export type PiiField = 'name' | 'email' | 'phone' | 'account';

export interface PiiHit {
  field: PiiField;
  /** The text found, its shape kept and its value hidden: "j•••@e•••.com", "J••• D•••". */
  masked: string;
  /** Where the text found starts, in UTF-16 units of the scanned text. */
  offset: number;
}

export interface PiiIndexStats {
  /** Values indexed, per field. */
  indexed: Record<PiiField, number>;
  /** Values that cannot be checked (single-word names, short or plain account ids, …), per field. */
  skipped: Record<PiiField, number>;
}

const DOTS = '•••';
/** Longer names are rare, and each extra word length costs a probe per word of the text. */
const MAX_NAME_WORDS = 6;
/**
 * Phones are compared on their last 9 digits: the national significant number of most plans is
 * at least that long, so "+1 415 555 0123" and "(415) 555-0123", or "+33 6 12 34 56 78" and
 * "06 12 34 56 78", give the same key while the country code and trunk prefix drop out.
 */
const PHONE_KEY_DIGITS = 9;
const MIN_PHONE_DIGITS = 7;
const MIN_ACCOUNT_LENGTH = 4;

/** A different seed per field, so an account id "jdoe42" and a name never share a key. */
const SEEDS: Record<PiiField, number> = {
  name: 0x6e616d65,
  email: 0x656d6c21,
  phone: 0x70686f6e,
  account: 0x61636374,
};

export class PiiIndex {
  #hashes = new Float64Array(1024);
  #size = 0;
  #sorted = true;
  /** Digit counts of phones shorter than the key: only then are shorter keys probed. */
  #shortPhoneLengths = new Set<number>();
  #maxNameWords = 0;
  #indexed: Record<PiiField, number> = { name: 0, email: 0, phone: 0, account: 0 };
  #skipped: Record<PiiField, number> = { name: 0, email: 0, phone: 0, account: 0 };

  add(field: PiiField, value: string): void {
    const key = indexKey(field, value);
    if (key === null) {
      if (value.trim() !== '') this.#skipped[field] += 1;
      return;
    }
    if (field === 'phone' && key.length < PHONE_KEY_DIGITS) this.#shortPhoneLengths.add(key.length);
    if (field === 'name') this.#maxNameWords = Math.max(this.#maxNameWords, key.split(' ').length);
    this.#indexed[field] += 1;
    this.#push(hash53(key, SEEDS[field]));
  }

  stats(): PiiIndexStats {
    return { indexed: { ...this.#indexed }, skipped: { ...this.#skipped } };
  }

  /** Every roster value found in `text`, in order of offset. */
  scan(text: string): PiiHit[] {
    this.#seal();
    const hits: PiiHit[] = [];
    this.#scanEmails(text, hits);
    this.#scanPhones(text, hits);
    this.#scanAccounts(text, hits);
    this.#scanNames(text, hits);
    return hits.sort((a, b) => a.offset - b.offset || a.field.localeCompare(b.field));
  }

  #has(field: PiiField, key: string): boolean {
    const target = hash53(key, SEEDS[field]);
    const hashes = this.#hashes;
    let low = 0;
    let high = this.#size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = hashes[middle]!;
      if (value === target) return true;
      if (value < target) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  #scanEmails(text: string, hits: PiiHit[]): void {
    for (const match of text.matchAll(EMAIL_IN_TEXT)) {
      if (this.#has('email', normaliseEmail(match[0]))) {
        hits.push({ field: 'email', masked: maskEmail(match[0]), offset: match.index });
      }
    }
  }

  /**
   * A run of digit groups may hold a phone and then more digits ("0612345678 12"), so the run is
   * probed at the end of each group, not only at its end.
   */
  #scanPhones(text: string, hits: PiiHit[]): void {
    for (const match of text.matchAll(PHONE_IN_TEXT)) {
      let digits = '';
      for (const group of match[0].matchAll(/\d+/g)) {
        digits += group[0];
        if (digits.length >= MIN_PHONE_DIGITS && this.#hasPhone(digits)) {
          hits.push({ field: 'phone', masked: maskPhone(digits), offset: match.index });
          break;
        }
      }
    }
  }

  #hasPhone(digits: string): boolean {
    if (digits.length >= PHONE_KEY_DIGITS && this.#has('phone', digits.slice(-PHONE_KEY_DIGITS))) return true;
    for (const length of this.#shortPhoneLengths) {
      if (digits.length >= length && this.#has('phone', digits.slice(-length))) return true;
    }
    return false;
  }

  #scanAccounts(text: string, hits: PiiHit[]): void {
    for (const match of text.matchAll(ACCOUNT_TOKEN)) {
      const token = match[0];
      if (isCheckableAccount(token) && this.#has('account', token)) {
        hits.push({ field: 'account', masked: maskAccount(token), offset: match.index });
      }
    }
  }

  /** Every run of 2 to the longest name's number of words, compared as one normalised name. */
  #scanNames(text: string, hits: PiiHit[]): void {
    if (this.#maxNameWords < 2) return;
    const words = [...text.matchAll(WORD)].map((match) => ({
      key: normaliseWord(match[0]),
      original: match[0],
      offset: match.index,
    }));
    for (let start = 0; start < words.length; start += 1) {
      let key = words[start]!.key;
      const last = Math.min(words.length, start + this.#maxNameWords);
      for (let end = start + 1; end < last; end += 1) {
        key += ` ${words[end]!.key}`;
        if (this.#has('name', key)) {
          const masked = words
            .slice(start, end + 1)
            .map((word) => maskWord(word.original))
            .join(' ');
          hits.push({ field: 'name', masked, offset: words[start]!.offset });
        }
      }
    }
  }

  #push(hash: number): void {
    if (this.#size === this.#hashes.length) {
      const grown = new Float64Array(this.#hashes.length * 2);
      grown.set(this.#hashes);
      this.#hashes = grown;
    }
    this.#hashes[this.#size] = hash;
    this.#size += 1;
    this.#sorted = false;
  }

  /** Sorts once after the last add, so the adds stay O(1) and each probe is a binary search. */
  #seal(): void {
    if (this.#sorted) return;
    this.#hashes = this.#hashes.slice(0, this.#size).sort();
    this.#sorted = true;
  }
}

/** A hit on one page of a multi-page output; pages count from 1, as a reader counts them. */
export type PiiPageHit = PiiHit & { page: number };

export function scanPages(pages: readonly string[], index: PiiIndex): PiiPageHit[] {
  return pages.flatMap((text, i) => index.scan(text).map((hit) => ({ ...hit, page: i + 1 })));
}

// --- Keys: the same normalisation for a roster value and for text found in an output. ---

/** The normalised form a value is indexed under, or null when that field cannot check it. */
function indexKey(field: PiiField, value: string): string | null {
  switch (field) {
    case 'email': {
      const key = normaliseEmail(value);
      return key.includes('@') ? key : null;
    }
    case 'phone': {
      const digits = value.replace(/\D/g, '');
      return digits.length < MIN_PHONE_DIGITS ? null : digits.slice(-PHONE_KEY_DIGITS);
    }
    case 'account': {
      const key = value.trim();
      return isCheckableAccount(key) ? key : null;
    }
    case 'name': {
      const words = [...value.matchAll(WORD)].map((match) => normaliseWord(match[0]));
      // A one-word name ("Rose", "Will", "Summer") is an ordinary word of prose, or the half of
      // a name a roster happened to hold: matching it alone would flag most texts and teach
      // people to ignore the check. Names longer than we probe cannot be found either.
      return words.length < 2 || words.length > MAX_NAME_WORDS ? null : words.join(' ');
    }
  }
}

/** E-mails compare case-insensitively: a mailbox's case is not part of who it reaches. */
function normaliseEmail(value: string): string {
  return value.trim().normalize('NFC').toLowerCase();
}

/** "Zoë", "ZOE" and "zoe" are one word: accents and case are dropped. */
function normaliseWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Account ids are matched only when at least 4 characters long and holding a digit or both
 * cases ("jdoe42", "AbCd"): an id such as "admin" or "test" is an ordinary word, and would flag
 * every text that uses it.
 */
function isCheckableAccount(token: string): boolean {
  if (token.length < MIN_ACCOUNT_LENGTH || /\s/.test(token)) return false;
  return /\p{N}/u.test(token) || (/\p{Lu}/u.test(token) && /\p{Ll}/u.test(token));
}

const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/**
 * A digit run allowing spaces, dots, dashes, slashes ("030/1234567") and parentheses between
 * digits, and a leading +.
 */
const PHONE_IN_TEXT = /\+?\(?\d(?:[ ./\-()]{0,3}\d)+/g;
/** A whole token: letters, digits and underscores, joined by single dashes or dots inside. */
const ACCOUNT_TOKEN = /[\p{L}\p{N}\p{M}_]+(?:[-.][\p{L}\p{N}\p{M}_]+)*/gu;
/** A word of a name: punctuation inside ("Jean-Luc", "O'Brien") splits it, in roster and text alike. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

// --- Masks: the shape of what was found, none of its value. ---

function maskWord(word: string): string {
  return `${firstChar(word)}${DOTS}`;
}

/** "j•••@e•••.com": first letters and the top-level domain. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return `${maskWord(email.slice(0, at))}@${maskWord(domain.slice(0, dot))}${domain.slice(dot)}`;
}

/** "•••••••4567": the last four digits, as on a bank statement. */
function maskPhone(digits: string): string {
  return `${'•'.repeat(7)}${digits.slice(-4)}`;
}

/** "j•••": an id's first character; its length is not shown. */
function maskAccount(token: string): string {
  return maskWord(token);
}

function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 0x3f);
}

/**
 * cyrb53 (public domain): two 32-bit multiply-xorshift lanes folded into 53 bits, the most a
 * double holds exactly. Fast in JavaScript, and spread well enough for the collision estimate
 * at the top of this file.
 */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
