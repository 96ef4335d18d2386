import { describe, expect, it } from 'vitest';
import { cardShaped, luhnValid, ssnShaped } from '../../main/roster/checksums';
import {
  normaliseAccountId,
  normaliseDateOfBirth,
  normaliseEmail,
  normaliseName,
  normalisePhone,
  normalisePostalCode,
  suggestionKey,
} from '../../main/roster/normalise';

describe('normaliseEmail', () => {
  it('trims and lower-cases a well-formed address', () => {
    expect(normaliseEmail('  Marie.Dupont@Example.FR ')).toBe('marie.dupont@example.fr');
    expect(normaliseEmail('a+tag@mail.example.co.uk')).toBe('a+tag@mail.example.co.uk');
  });

  it('refuses anything not shaped local@domain.tld', () => {
    for (const raw of [
      '',
      '   ',
      'marie',
      'marie@example',
      '@example.com',
      'marie@.com',
      'marie@example.',
      'marie dupont@example.com',
      'marie@exa mple.com',
      'a@b@example.com',
      'marie@example..com',
    ]) {
      expect(normaliseEmail(raw), raw).toBeNull();
    }
  });
});

describe('normaliseAccountId', () => {
  it('trims, keeps case, and gives null for blanks', () => {
    expect(normaliseAccountId('  User42 ')).toBe('User42');
    expect(normaliseAccountId(' \t ')).toBeNull();
    expect(normaliseAccountId('')).toBeNull();
  });
});

describe('normalisePhone', () => {
  it('reads international numbers whatever the default country', () => {
    expect(normalisePhone('+33 6 12 34 56 78', null)).toEqual({ e164: '+33612345678', country: 'FR' });
    expect(normalisePhone('+1 (415) 555-2671', 'FR')).toEqual({ e164: '+14155552671', country: 'US' });
    expect(normalisePhone('+44 20 7946 0958', null)).toEqual({ e164: '+442079460958', country: 'GB' });
  });

  it('reads national numbers with the default country, in any case', () => {
    expect(normalisePhone('06 12 34 56 78', 'FR')).toEqual({ e164: '+33612345678', country: 'FR' });
    expect(normalisePhone('(415) 555-2671', 'us')).toEqual({ e164: '+14155552671', country: 'US' });
  });

  it('gives null for national numbers with no usable default country', () => {
    expect(normalisePhone('06 12 34 56 78', null)).toBeNull();
    expect(normalisePhone('06 12 34 56 78', 'XX')).toBeNull();
    expect(normalisePhone('06 12 34 56 78', 'unknown')).toBeNull();
  });

  it('gives null for text, blanks and numbers of an impossible length', () => {
    expect(normalisePhone('', 'US')).toBeNull();
    expect(normalisePhone('call me', 'US')).toBeNull();
    expect(normalisePhone('12', 'US')).toBeNull();
    expect(normalisePhone('+33 6 12', null)).toBeNull();
    expect(normalisePhone('555-26', 'US')).toBeNull();
  });
});

describe('normaliseDateOfBirth', () => {
  it('reads ISO dates and datetimes, keeping the written calendar day', () => {
    expect(normaliseDateOfBirth('1985-03-02')).toBe('1985-03-02');
    expect(normaliseDateOfBirth(' 1985-03-02T00:00:00Z ')).toBe('1985-03-02');
    expect(normaliseDateOfBirth('1985-03-02T23:30:00-05:00')).toBe('1985-03-02');
    expect(normaliseDateOfBirth('1985-03-02 10:15')).toBe('1985-03-02');
    expect(normaliseDateOfBirth('1985-03-02T10:15:00.123+0200')).toBe('1985-03-02');
  });

  it('reads DD.MM.YYYY day first and MM/DD/YYYY month first (US order)', () => {
    expect(normaliseDateOfBirth('02.03.1985')).toBe('1985-03-02');
    expect(normaliseDateOfBirth('2.3.1985')).toBe('1985-03-02');
    expect(normaliseDateOfBirth('03/02/1985')).toBe('1985-03-02');
    expect(normaliseDateOfBirth('3/2/1985')).toBe('1985-03-02');
    expect(normaliseDateOfBirth('12/31/1999')).toBe('1999-12-31');
  });

  it('reads YYYYMMDD', () => {
    expect(normaliseDateOfBirth('19850302')).toBe('1985-03-02');
  });

  it('refuses impossible dates', () => {
    for (const raw of [
      '1985-02-30',
      '1985-04-31',
      '1985-13-01',
      '1985-00-10',
      '1985-01-00',
      '1900-02-29',
      '31/12/1999',
      '31.02.1985',
      '19851301',
      '0000-01-01',
    ]) {
      expect(normaliseDateOfBirth(raw), raw).toBeNull();
    }
  });

  it('accepts 29 February in leap years only', () => {
    expect(normaliseDateOfBirth('2000-02-29')).toBe('2000-02-29');
    expect(normaliseDateOfBirth('02/29/1996')).toBe('1996-02-29');
    expect(normaliseDateOfBirth('1999-02-29')).toBeNull();
  });

  it('refuses other formats and junk', () => {
    for (const raw of [
      '',
      'yesterday',
      '1985',
      '1985-3-2',
      '85-03-02',
      '2 March 1985',
      '1985/03/02',
      '02-03-1985',
    ]) {
      expect(normaliseDateOfBirth(raw), raw).toBeNull();
    }
  });
});

describe('normalisePostalCode', () => {
  it('trims, upper-cases and collapses inner whitespace', () => {
    expect(normalisePostalCode('  sw1a   1aa ')).toBe('SW1A 1AA');
    expect(normalisePostalCode('94105-1234')).toBe('94105-1234');
    expect(normalisePostalCode('75\t008')).toBe('75 008');
    expect(normalisePostalCode('   ')).toBeNull();
  });
});

describe('normaliseName', () => {
  it('sorts the words so either order gives one key', () => {
    expect(normaliseName('Dupont, Marie')).toBe('dupont marie');
    expect(normaliseName('Marie Dupont')).toBe('dupont marie');
    expect(normaliseName('  MARIE   dupont ')).toBe('dupont marie');
  });

  it('strips accents and treats punctuation and digits as spaces', () => {
    expect(normaliseName('Hélène Müller-Lüdenscheidt')).toBe('helene ludenscheidt muller');
    expect(normaliseName('José  Ñúñez')).toBe('jose nunez');
    expect(normaliseName("O'Brien, Seán (2)")).toBe('brien o sean');
    expect(normaliseName('Ｍａｒｉｅ')).toBe('marie');
  });

  it('keeps letters without a decomposition and non-Latin scripts', () => {
    expect(normaliseName('Straße')).toBe('straße');
    expect(normaliseName('Zoë Łukasz')).toBe('zoe łukasz');
    expect(normaliseName('Иван Петров')).toBe('иван петров');
  });

  it('gives null when no letters are left', () => {
    expect(normaliseName('')).toBeNull();
    expect(normaliseName(' 123 - ,. ')).toBeNull();
  });
});

describe('suggestionKey', () => {
  it('joins name, birth date and postal code only when all three are known', () => {
    expect(suggestionKey('dupont marie', '1985-03-02', '75008')).toBe('dupont marie|1985-03-02|75008');
    expect(suggestionKey(null, '1985-03-02', '75008')).toBeNull();
    expect(suggestionKey('dupont marie', null, '75008')).toBeNull();
    expect(suggestionKey('dupont marie', '1985-03-02', null)).toBeNull();
  });
});

describe('luhnValid', () => {
  it('accepts numbers with a correct check digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('79927398713')).toBe(true);
  });

  it('refuses wrong check digits, non-digits and too-short input', () => {
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('0')).toBe(false);
  });
});

describe('ssnShaped', () => {
  it('accepts dashed and bare nine-digit numbers', () => {
    expect(ssnShaped('123-45-6789')).toBe(true);
    expect(ssnShaped(' 123456789 ')).toBe(true);
  });

  it('refuses numbers the SSA never issues, though they look right', () => {
    expect(ssnShaped('666-45-6789')).toBe(false);
    expect(ssnShaped('000-45-6789')).toBe(false);
    expect(ssnShaped('900-45-6789')).toBe(false);
    expect(ssnShaped('987654321')).toBe(false);
    expect(ssnShaped('123-00-6789')).toBe(false);
    expect(ssnShaped('123-45-0000')).toBe(false);
  });

  it('refuses other shapes', () => {
    for (const raw of [
      '123-456789',
      '12345-6789',
      '12-345-6789',
      '1234567890',
      '12345678',
      '123 45 6789',
      'abc-de-fghi',
    ]) {
      expect(ssnShaped(raw), raw).toBe(false);
    }
  });
});

describe('cardShaped', () => {
  it('accepts Luhn-valid numbers of the known networks, spaces and dashes ignored', () => {
    expect(cardShaped('4111 1111 1111 1111')).toBe(true); // Visa
    expect(cardShaped('5555-5555-5555-4444')).toBe(true); // Mastercard 51–55
    expect(cardShaped('2223003122003222')).toBe(true); // Mastercard 2221–2720
    expect(cardShaped('378282246310005')).toBe(true); // Amex
    expect(cardShaped('6011111111111117')).toBe(true); // Discover
    expect(cardShaped('3530111333300000')).toBe(true); // JCB
    expect(cardShaped('4222222222222')).toBe(true); // 13-digit Visa
  });

  it('refuses 16-digit numbers that fail the Luhn check', () => {
    expect(cardShaped('4111 1111 1111 1112')).toBe(false);
    expect(cardShaped('5555555555554445')).toBe(false);
  });

  it('refuses Luhn-valid numbers of unknown networks or wrong length', () => {
    expect(cardShaped('79927398713')).toBe(false); // too short
    expect(cardShaped('1234567812345670')).toBe(false); // Luhn-valid, no known prefix
    expect(cardShaped('2720990000000007')).toBe(true); // last of the Mastercard 2-series
    expect(cardShaped('2721000000000004')).toBe(false); // just past it, though Luhn-valid
    expect(cardShaped('4111.1111.1111.1111')).toBe(false);
    expect(cardShaped('')).toBe(false);
  });
});
