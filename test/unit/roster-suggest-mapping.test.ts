import { describe, expect, it } from 'vitest';
import { ROSTER_MAPPING_FORMAT, rosterMappingSchema } from '../../shared/domain/roster';
import { suggestMapping } from '../../main/roster/suggest-mapping';

/** Rows of a sample built column by column, so each test reads as one list per column. */
function rowsOf(...columnValues: readonly (readonly string[])[]): string[][] {
  const length = Math.max(...columnValues.map((values) => values.length));
  return Array.from({ length }, (_, row) => columnValues.map((values) => values[row] ?? ''));
}

const EMAILS = ['marie@example.fr', 'jo@example.com', 'ann.lee@mail.example.org', 'b@example.net', 'x@y.io'];
const US_ZIPS = ['94105', '10001', '60601-1234', '02139', '73301'];
const SSNS = ['123-45-6789', '234-56-7890', '345678901', '456-78-9012', '512-34-5678'];
const CARDS = [
  '4111 1111 1111 1111',
  '5555-5555-5555-4444',
  '378282246310005',
  '6011111111111117',
  '3530111333300000',
];

describe('suggestMapping: headers', () => {
  it('maps synonyms whatever their case and punctuation', () => {
    const columns = [
      'E-mail',
      'Mobile',
      'ZipCode',
      'country_code',
      'Province',
      'Date Of Birth',
      'given_name',
      'Surname',
      'user_id',
      'customer_id',
      'Address1',
      'Town',
      'locale',
    ];
    const { mapping, reasons } = suggestMapping(columns, []);
    expect(mapping.columns).toEqual({
      'E-mail': 'email',
      Mobile: 'phone',
      ZipCode: 'postalCode',
      country_code: 'country',
      Province: 'region',
      'Date Of Birth': 'dateOfBirth',
      given_name: 'givenName',
      Surname: 'familyName',
      user_id: 'accountId',
      customer_id: 'personId',
      Address1: 'street',
      Town: 'city',
      locale: 'language',
    });
    expect(Object.keys(reasons).sort()).toEqual([...columns].sort());
    expect(reasons['Town']).toBe("Header 'Town' names a city.");
  });

  it('suggests the element each mapped field exposes, but not for ids', () => {
    const columns = [
      'email',
      'phone',
      'dob',
      'street',
      'zip',
      'city',
      'account_id',
      'person_id',
      'country',
      'state',
    ];
    const { mapping } = suggestMapping(columns, []);
    expect(mapping.exposesByColumn).toEqual({
      email: 'email',
      phone: 'phone',
      dob: 'date_of_birth',
      street: 'postal_address',
      zip: 'postal_address',
      city: 'postal_address',
    });
  });

  it('gives the name element to one name column only, the full name first', () => {
    const both = suggestMapping(['first_name', 'last_name'], []).mapping;
    expect(both.columns).toEqual({ first_name: 'givenName', last_name: 'familyName' });
    expect(both.exposesByColumn).toEqual({ last_name: 'name' });

    const all = suggestMapping(['given_name', 'full_name', 'family_name'], []).mapping;
    expect(all.exposesByColumn).toEqual({ full_name: 'name' });

    const onlyGiven = suggestMapping(['first_name'], []).mapping;
    expect(onlyGiven.exposesByColumn).toEqual({ first_name: 'name' });
  });

  it('marks password, hash and gender columns as exposed elements without a field', () => {
    const columns = ['password', 'pwd', 'password_hash', 'Hash', 'pass', 'gender', 'Sex'];
    const { mapping, reasons } = suggestMapping(columns, []);
    expect(mapping.columns).toEqual({});
    expect(mapping.exposesByColumn).toEqual({
      password: 'password',
      pwd: 'password',
      password_hash: 'password',
      Hash: 'password',
      pass: 'password',
      gender: 'gender',
      Sex: 'gender',
    });
    expect(reasons['pwd']).toBe("Header 'pwd' names a password or password hash.");
  });

  it('leaves out columns matched by nothing', () => {
    const { mapping, reasons } = suggestMapping(
      ['notes', 'col7', 'created'],
      rowsOf(['likes cats', 'n/a'], ['7', '8'], ['yes', 'no']),
    );
    expect(mapping).toEqual({ format: ROSTER_MAPPING_FORMAT, columns: {}, exposes: [], exposesByColumn: {} });
    expect(reasons).toEqual({});
  });
});

describe('suggestMapping: values', () => {
  it('finds e-mails under a meaningless header without quoting the header or values', () => {
    const { mapping, reasons } = suggestMapping(
      ['col1', 'col2', 'col3'],
      rowsOf(['1', '2'], ['a', 'b'], EMAILS),
    );
    expect(mapping.columns).toEqual({ col3: 'email' });
    expect(mapping.exposesByColumn).toEqual({ col3: 'email' });
    expect(reasons).toEqual({ col3: '100 % of sampled values are e-mail addresses.' });
  });

  it('needs 80 % of the non-empty values to match', () => {
    const fourOfFive = suggestMapping(['c'], rowsOf([...EMAILS.slice(0, 4), 'not an address', '', ' ']));
    expect(fourOfFive.mapping.columns).toEqual({ c: 'email' });
    expect(fourOfFive.reasons['c']).toBe('80 % of sampled values are e-mail addresses.');

    const threeOfFive = suggestMapping(['c'], rowsOf([...EMAILS.slice(0, 3), 'nope', 'nope either']));
    expect(threeOfFive.mapping.columns).toEqual({});
  });

  it('says so when header and values agree', () => {
    const { reasons } = suggestMapping(['zip'], rowsOf(US_ZIPS));
    expect(reasons['zip']).toBe("Header 'zip' and 100 % of sampled values are US ZIP codes.");
  });

  it('recognises phone numbers written to be dialled, not bare digit strings', () => {
    const dialled = [
      '+33 6 12 34 56 78',
      '(415) 555-2671',
      '+44 20 7946 0958',
      '415.555.2672',
      '+1 212 555 0100',
    ];
    expect(suggestMapping(['c'], rowsOf(dialled)).mapping.columns).toEqual({ c: 'phone' });
    const bare = ['4155552671', '2125550100', '3125550123', '6175550111', '2065550134'];
    expect(suggestMapping(['c'], rowsOf(bare)).mapping.columns).toEqual({});
  });

  it('recognises dates of birth but not recent or timestamped dates', () => {
    const births = ['1985-03-02', '12/31/1970', '02.03.1990', '19641120', '2001-07-04T00:00:00Z'];
    expect(suggestMapping(['c'], rowsOf(births)).mapping).toMatchObject({
      columns: { c: 'dateOfBirth' },
      exposesByColumn: { c: 'date_of_birth' },
    });
    const logins = ['1985-03-02T10:15:00Z', '1990-01-01T08:00:00Z', '1970-05-05T12:00:00Z'];
    expect(suggestMapping(['c'], rowsOf(logins)).mapping.columns).toEqual({});
    const thisYear = String(new Date().getUTCFullYear());
    expect(suggestMapping(['c'], rowsOf([`${thisYear}-01-15`, `${thisYear}-02-01`])).mapping.columns).toEqual(
      {},
    );
  });

  it('tells US states from countries', () => {
    const states = suggestMapping(['c'], rowsOf(['CA', 'NY', 'TX', 'DE', 'Ohio']));
    expect(states.mapping.columns).toEqual({ c: 'region' });
    const countryCodes = suggestMapping(['c'], rowsOf(['US', 'FR', 'DEU', 'gb', 'JP']));
    expect(countryCodes.mapping.columns).toEqual({ c: 'country' });
    expect(countryCodes.mapping.exposesByColumn).toEqual({});
    expect(countryCodes.reasons['c']).toBe('100 % of sampled values are ISO country codes.');
  });

  it('flags SSN-shaped values as exposed SSNs, without a field', () => {
    const { mapping, reasons } = suggestMapping(['col4'], rowsOf(SSNS));
    expect(mapping.columns).toEqual({});
    expect(mapping.exposesByColumn).toEqual({ col4: 'ssn' });
    expect(reasons['col4']).toBe('100 % of sampled values are shaped like Social Security numbers.');
  });

  it('does not flag SSN look-alikes that fail the SSA rules', () => {
    const lookAlikes = ['666-45-6789', '000-12-3456', '912-34-5678', '123-00-4567', '234-56-0000'];
    expect(suggestMapping(['c'], rowsOf(lookAlikes)).mapping.exposesByColumn).toEqual({});
  });

  it('flags Luhn-valid card numbers, but not 16-digit numbers failing Luhn', () => {
    expect(suggestMapping(['c'], rowsOf(CARDS)).mapping.exposesByColumn).toEqual({ c: 'payment_card' });
    const failing = ['4111 1111 1111 1112', '5555-5555-5555-4445', '4000000000000001', '6011111111111118'];
    expect(suggestMapping(['c'], rowsOf(failing)).mapping.exposesByColumn).toEqual({});
  });

  it('does not read SSN or card shapes into a column whose header names a field', () => {
    const { mapping } = suggestMapping(['customer_id'], rowsOf(SSNS));
    expect(mapping.columns).toEqual({ customer_id: 'personId' });
    expect(mapping.exposesByColumn).toEqual({});
  });

  it('trusts the header when the values disagree', () => {
    const { mapping, reasons } = suggestMapping(['phone'], rowsOf(EMAILS));
    expect(mapping.columns).toEqual({ phone: 'phone' });
    expect(reasons['phone']).toBe("Header 'phone' names a phone number.");
  });
});

describe('suggestMapping: one column per field', () => {
  it('keeps the better-scored column, the other only marking its element', () => {
    const { mapping, reasons } = suggestMapping(['col1', 'email'], rowsOf(EMAILS, EMAILS));
    expect(mapping.columns).toEqual({ email: 'email' });
    expect(mapping.exposesByColumn).toEqual({ col1: 'email', email: 'email' });
    expect(reasons['col1']).toMatch(/^100 % of sampled values are e-mail addresses, but another column/);
    expect(reasons['col1']?.endsWith('.')).toBe(true);
  });

  it('keeps the earlier column on a tie, and drops a loser with no element', () => {
    const { mapping, reasons } = suggestMapping(['country', 'country_code'], []);
    expect(mapping.columns).toEqual({ country: 'country' });
    expect(reasons).toEqual({ country: "Header 'country' names a country." });
  });

  it('prefers a header that the values confirm', () => {
    const { mapping } = suggestMapping(['postcode', 'zip'], rowsOf(['SW1A 1AA', 'EC1A 1BB'], US_ZIPS));
    expect(mapping.columns).toEqual({ zip: 'postalCode' });
  });
});

describe('suggestMapping: result', () => {
  it('is a valid roster mapping and never quotes a sampled value', () => {
    const columns = ['col1', 'mail', 'tel', 'zip', 'col5', 'col6', 'password', 'name'];
    const sample = rowsOf(
      SSNS,
      EMAILS,
      ['+33 6 12 34 56 78', '(415) 555-2671', '+44 20 7946 0958', '415.555.2672', '+1 212 555 0100'],
      US_ZIPS,
      CARDS,
      ['1985-03-02', '12/31/1970', '02.03.1990', '19641120', '1959-11-30'],
      ['hunter2', 'secret', 'p4ssw0rd!', 'qwerty123', 'letmein99'],
      ['Marie Dupont', 'Jo Lee', 'Ann Lee', 'Bo Bo', 'Xi Yu'],
    );
    const { mapping, reasons } = suggestMapping(columns, sample);
    expect(rosterMappingSchema.parse(mapping)).toEqual(mapping);
    expect(mapping.format).toBe(ROSTER_MAPPING_FORMAT);
    expect(mapping.exposes).toEqual([]);
    expect(mapping.columns).toEqual({
      mail: 'email',
      tel: 'phone',
      zip: 'postalCode',
      col6: 'dateOfBirth',
      name: 'fullName',
    });
    expect(mapping.exposesByColumn).toEqual({
      col1: 'ssn',
      mail: 'email',
      tel: 'phone',
      zip: 'postal_address',
      col5: 'payment_card',
      col6: 'date_of_birth',
      password: 'password',
      name: 'name',
    });
    const allReasons = Object.values(reasons).join('\n');
    for (const value of sample.flat()) expect(allReasons).not.toContain(value);
    // One sentence each: a single full stop, at the end.
    for (const reason of Object.values(reasons)) expect(reason).toMatch(/^[^.]+\.$/);
  });

  it('copes with short rows and an empty sample', () => {
    const { mapping } = suggestMapping(['a', 'email'], [['only one value']]);
    expect(mapping.columns).toEqual({ email: 'email' });
  });
});

describe('suggestMapping: header confirmed by its own kind of value', () => {
  it('confirms a country header even when its codes are also US state codes', () => {
    const { reasons } = suggestMapping(['country'], rowsOf(['DE', 'IN', 'CA', 'DE', 'GA']));
    expect(reasons['country']).toBe("Header 'country' and 100 % of sampled values are ISO country codes.");
  });
});
