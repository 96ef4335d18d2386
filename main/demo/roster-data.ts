import type { RosterMapping } from '../../shared/domain/roster';
import { ROSTER_MAPPING_FORMAT } from '../../shared/domain/roster';
import { seededRandom } from './seeded-random';

/**
 * The demo's roster (issue 19): Sonora's user directory and the partner-sync access extract, as
 * the CSV files an engineer would export, so the demo's counts come from data. Everything is
 * generated and fictional (example.com addresses, made-up names); the same bytes on every run.
 *
 * The affected accounts match SCENARIO.md's figures exactly: every account the extract lists
 * was read by a partner outside its customer list, and the directory also holds customers no
 * partner read (outside the scope, never counted). "Other EU" is spread over six member states;
 * "rest of world / unknown" are accounts with neither a country nor a phone number.
 */

/** Affected accounts by where the directory places them, and how (SCENARIO.md's figures). */
const AFFECTED: readonly (readonly [country: string, region: string, people: number])[] = [
  ['US', 'CA', 1240],
  ['US', 'NY', 610],
  ['US', 'TX', 300],
  ['US', 'WA', 120],
  ['US', 'IL', 45],
  ['FR', '', 41000],
  ['DE', '', 60000],
  ['SE', '', 22500],
  ['IT', '', 40000],
  ['ES', '', 35000],
  ['NL', '', 25000],
  ['PL', '', 20000],
  ['AT', '', 10000],
  ['BE', '', 10000],
  ['', '', 84185],
];

/** Partner customers whose data was read as agreed: in the directory, not in the extract. */
const NOT_AFFECTED = 12000;

/** A US state's ZIP prefix, so half the US rows are placed by ZIP code instead of the state column. */
const ZIP_PREFIX: Readonly<Record<string, string>> = {
  CA: '941',
  NY: '100',
  TX: '750',
  WA: '981',
  IL: '606',
};
/** Country calling codes: some European rows carry only a phone number, no country. */
const CALLING_CODE: Readonly<Record<string, string>> = { FR: '33', DE: '49', SE: '46' };

const GIVEN = ['Alex', 'Sam', 'Robin', 'Kim', 'Noa', 'Luca', 'Mika', 'Jo', 'Eli', 'Ari', 'Tove', 'Nils'];
const FAMILY = ['Example', 'Sample', 'Placeholder', 'Testperson', 'Fiction', 'Demo', 'Musterfrau', 'Dupont'];

const PARTNERS = ['beatline', 'adcircle', 'klangwerk'] as const;
/** Accounts each partner read out of scope (SCENARIO.md): 212,000 + 96,000 + 42,000 = 350,000. */
const PARTNER_SHARE = [212000, 96000, 42000] as const;

export const DEMO_DIRECTORY_NAME = 'sonora-user-directory.csv';
export const DEMO_EXTRACT_NAME = 'partner-sync-access-extract.csv';

export const DEMO_DIRECTORY_MAPPING: RosterMapping = {
  format: ROSTER_MAPPING_FORMAT,
  columns: {
    account_id: 'accountId',
    email: 'email',
    display_name: 'fullName',
    birth_date: 'dateOfBirth',
    phone: 'phone',
    postal_code: 'postalCode',
    region: 'region',
    country: 'country',
    language: 'language',
  },
  // What the partners' calls returned for every account (SCENARIO.md), and the legacy hash only
  // where the account still had one (created before 2015).
  exposes: ['name', 'email', 'gender', 'date_of_birth'],
  exposesByColumn: { legacy_password_md5: 'password' },
  delimiter: ',',
  encoding: 'utf-8',
};

export const DEMO_EXTRACT_MAPPING: RosterMapping = {
  format: ROSTER_MAPPING_FORMAT,
  columns: { account_id: 'accountId' },
  exposes: [],
  exposesByColumn: {},
  delimiter: ',',
  encoding: 'utf-8',
};

export interface DemoRosterFiles {
  directory: string;
  extract: string;
}

let built: DemoRosterFiles | null = null;

/** Both files' text (about 30 MB together): built once per process, the same every time. */
export function demoRosterFiles(): DemoRosterFiles {
  built ??= buildRosterFiles();
  return built;
}

function buildRosterFiles(): DemoRosterFiles {
  const next = seededRandom(19470101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] ?? (list[0] as T);
  const directory: string[] = [
    'account_id,email,display_name,gender,birth_date,phone,postal_code,region,country,language,created,legacy_password_md5',
  ];
  const affected: string[] = [];
  let serial = 0;
  const row = (country: string, region: string): string => {
    serial += 1;
    const id = `son-${String(serial).padStart(7, '0')}`;
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const created = 2008 + Math.floor(next() * 12);
    // Every US account in the demo predates 2015 (the scenario's US figures are all credential
    // breaches); elsewhere only accounts created before 2015 still had the legacy hash.
    const legacy = country === 'US' || created < 2015;
    const birth = `${1950 + Math.floor(next() * 50)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
    let phone = '';
    let postal = '';
    let shownRegion = region;
    let shownCountry = country;
    if (country === 'US') {
      postal = `${ZIP_PREFIX[region] ?? '100'}${pad(Math.floor(next() * 100))}`;
      // Half the US rows name no state: their ZIP code places them.
      if (next() < 0.5) shownRegion = '';
    } else if (CALLING_CODE[country] !== undefined && next() < 0.1) {
      // A tenth of French, German and Swedish rows have a phone number and no country.
      phone = `+${CALLING_CODE[country]} ${phoneDigits(next)}`;
      shownCountry = '';
    }
    directory.push(
      [
        id,
        `${given}.${family}.${serial}@example.com`.toLowerCase(),
        `${given} ${family}`,
        pick(['f', 'm', 'x']),
        birth,
        phone,
        postal,
        shownRegion,
        shownCountry,
        country === 'FR' ? 'fr' : country === 'DE' ? 'de' : country === 'SE' ? 'sv' : 'en',
        String(created),
        legacy ? md5Shaped(next) : '',
      ].join(','),
    );
    return id;
  };
  for (const [country, region, people] of AFFECTED) {
    for (let i = 0; i < people; i++) affected.push(row(country, region));
  }
  for (let i = 0; i < NOT_AFFECTED; i++) row(pick(['US', 'FR', 'DE', 'SE']), 'CA');
  // The extract lists each affected account once, under the partner that read it; shuffled so
  // it reads like a log, not like the directory.
  shuffle(affected, next);
  const extract: string[] = ['account_id,partner,fields'];
  let at = 0;
  PARTNERS.forEach((partner, p) => {
    for (let i = 0; i < (PARTNER_SHARE[p] ?? 0); i++) {
      extract.push(
        `${affected[at] ?? ''},${partner},display_name;email;gender;birth_date;legacy_password_md5`,
      );
      at += 1;
    }
  });
  return { directory: `${directory.join('\n')}\n`, extract: `${extract.join('\n')}\n` };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function phoneDigits(next: () => number): string {
  return `6${String(Math.floor(next() * 1e8)).padStart(8, '0')}`;
}

/** Digest-shaped hex strings to pick from (they hash nothing; generating one per row cost more). */
const DIGESTS = Array.from({ length: 256 }, (_, i) => {
  const next = seededRandom(i + 1);
  const word = () => (Math.floor(next() * 0x100000000) + 0x100000000).toString(16).slice(1);
  return word() + word() + word() + word();
});

function md5Shaped(next: () => number): string {
  return DIGESTS[Math.floor(next() * DIGESTS.length)] ?? '';
}

function shuffle<T>(list: T[], next: () => number): void {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const a = list[i] as T;
    list[i] = list[j] as T;
    list[j] = a;
  }
}
