import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { runCli } from '../helpers/run-cli';

interface Listing {
  packId: string;
  packVersion: string;
  published: string;
  jurisdictions: {
    code: string;
    name: string;
    ruleCount: number;
    unverifiedCount: number;
    rules: {
      id: string;
      citation: string;
      verification: string;
      effectiveFrom: string | null;
      sources: string[];
    }[];
    withoutLaw: { note: string; verification: string } | null;
    references: { key: string; url: string; supports: string }[];
  }[];
}

const pack = DEFAULT_RULE_PACK;
const lawless = Object.entries(pack.withoutBreachLaw);
const unverified =
  pack.rules.filter((r) => r.verification === 'unverified').length +
  lawless.filter(([, known]) => known.verification === 'unverified').length;
/** Every jurisdiction the listing shows: those with rules and those known to have no breach law. */
const codes = [
  ...new Set([...pack.rules.map((r) => r.jurisdiction), ...lawless.map(([code]) => code)]),
].sort();

describe('breachdesk rules list', () => {
  it('lists every jurisdiction of the rule pack by code, sorted, with its rules and ⚠ counts (--json)', () => {
    const result = runCli(['rules', 'list', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const listing = JSON.parse(result.stdout) as Listing;
    expect(listing).toMatchObject({ packId: pack.id, packVersion: pack.version, published: pack.published });

    expect(listing.jurisdictions.map((j) => j.code)).toEqual(codes);
    expect(codes).toContain('US-CA');
    for (const jurisdiction of listing.jurisdictions) {
      const rules = pack.rules.filter((r) => r.jurisdiction === jurisdiction.code);
      expect(jurisdiction.ruleCount).toBe(rules.length);
      expect(jurisdiction.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id));
      expect(jurisdiction.rules.map((r) => r.citation)).toEqual(rules.map((r) => r.citation));
      const known = pack.withoutBreachLaw[jurisdiction.code];
      expect(jurisdiction.unverifiedCount).toBe(
        rules.filter((r) => r.verification === 'unverified').length +
          (known?.verification === 'unverified' ? 1 : 0),
      );
      expect(jurisdiction.withoutLaw?.note ?? null).toBe(known?.note ?? null);
      expect(jurisdiction.rules.map((r) => r.sources)).toEqual(rules.map((r) => r.sources));
      expect(jurisdiction.references.map((r) => r.key)).toEqual(
        Object.keys(pack.references[jurisdiction.code] ?? {}),
      );
    }
    expect(listing.jurisdictions.find((j) => j.code === 'US-CA')?.name).toBe('California (US)');
    expect(listing.jurisdictions.find((j) => j.code === 'FR')?.name).toBe('France');
  });

  it('prints one line per jurisdiction and a total, naming the ⚠ count', () => {
    const result = runCli(['rules', 'list']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Rule pack ${pack.id} ${pack.version}, published ${pack.published}`);
    // Line 2 says where the active pack came from (test/cli/rules-import-cli.test.ts checks it).
    expect(lines[3]).toMatch(/^Code\s+Name\s+Rules\s+⚠ to be verified\s+In force$/);
    const jurisdictions = codes.length;
    const rows = lines.slice(4, 4 + jurisdictions);
    expect(rows.map((line) => line.split(/\s+/)[0])).toEqual(codes);
    for (const [code, known] of lawless) {
      expect(rows.find((line) => line.startsWith(`${code} `))).toContain(`no breach law: ${known.note}`);
    }
    const frRules = pack.rules.filter((r) => r.jurisdiction === 'FR');
    expect(rows.find((line) => line.startsWith('FR '))).toMatch(
      new RegExp(`^FR\\s+France\\s+${frRules.length}\\s+0\\s+2018-05-25 → open$`),
    );
    // Then each regime abroad and by sector by its name, wherever the pack files its rules.
    const regimes = [...new Set(pack.rules.map((r) => r.regime).filter((name) => name !== ''))];
    const header = lines.findIndex((line) => /^Regime\s+Jurisdictions\s+Rules/.test(line));
    expect(header).toBeGreaterThan(4 + jurisdictions);
    const regimeRows = lines.slice(header + 1, header + 1 + regimes.length);
    expect(regimeRows.map((line) => regimes.find((name) => line.startsWith(`${name} `)))).toEqual(
      [...regimes].sort((a, b) => a.localeCompare(b, 'en')),
    );
    for (const name of ['UK GDPR', 'NIS2', 'DORA', 'SEC Form 8-K Item 1.05', 'HIPAA', 'PIPEDA', 'APPI'])
      expect(regimes).toContain(name);
    const dora = pack.rules.filter((r) => r.regime === 'DORA');
    expect(regimeRows.find((line) => line.startsWith('DORA '))).toMatch(
      new RegExp(`^DORA\\s+EU\\s+${dora.length}\\s`),
    );
    expect(lines.at(-1)).toBe(
      `Total: ${jurisdictions} jurisdictions (${lawless.length} without a breach law), ${regimes.length} regimes by name, ${pack.rules.length} rules, ${unverified} ⚠ to be verified.`,
    );
  });

  it('takes no file and no unknown option', () => {
    expect(runCli(['rules', 'list', 'case.bdcase']).status).toBe(1);
    expect(runCli(['rules', 'list', '--colour']).status).toBe(1);
    expect(runCli(['rules']).stderr).toMatch(/"rules" needs a subcommand: rules list/);
  });
});
