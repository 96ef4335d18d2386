// Shape and checksum tests used to recognise sensitive columns by their values. They say a value
// *could be* an SSN or a card number, which is enough to suggest an element for a human to confirm.

const DIGITS_ONLY = /^\d+$/;

/** The Luhn (mod 10) check that every payment card number passes. */
export function luhnValid(digits: string): boolean {
  if (digits.length < 2 || !DIGITS_ONLY.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The back-reference insists on both dashes or none, so "123-456789" is not accepted. */
const SSN_SHAPE = /^(\d{3})(-?)(\d{2})\2(\d{4})$/;

/**
 * AAA-GG-SSSS or nine bare digits, with the numbers the SSA never issues ruled out: area 000,
 * 666 or 900–999, group 00, serial 0000.
 */
export function ssnShaped(raw: string): boolean {
  const match = SSN_SHAPE.exec(raw.trim());
  if (match === null) return false;
  const [, area = '', , group = '', serial = ''] = match;
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

const CARD_SEPARATORS = /[ -]/g;
const CARD_DIGITS = /^\d{13,19}$/;
/** Issuer prefixes of the big networks: Visa, Mastercard, Amex, Discover, JCB. */
const KNOWN_ISSUER_PREFIX = /^(?:4|5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720|3[47]|6011|65|35)/;

/** 13–19 digits (spaces and dashes ignored) from a known network that pass the Luhn check. */
export function cardShaped(raw: string): boolean {
  const digits = raw.trim().replace(CARD_SEPARATORS, '');
  return CARD_DIGITS.test(digits) && KNOWN_ISSUER_PREFIX.test(digits) && luhnValid(digits);
}
