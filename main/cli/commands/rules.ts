import type { ChannelOutput } from '../../../shared/ipc/contract';
import { effectiveRangeText } from '../../../shared/obligations/effective-range';
import { rulePackSourceText } from '../../../shared/obligations/rule-pack-source';
import { CliHost } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';

type Listing = ChannelOutput<'rules.list'>;

export const rulesListCommand: Command = {
  name: 'rules list',
  summary: 'List every jurisdiction of the rule pack with its rules and how many are ⚠',
  help: `Usage: breachdesk rules list [--json]

Lists every jurisdiction the active rule pack covers, by its ISO 3166 code (e.g. US-CA; EU for the
GDPR), sorted by code: its name, how many rules it has, how many of them are ⚠ to be verified
(values nobody has confirmed yet), and the dates its rules are in force (from the earliest
effectiveFrom to the latest effectiveTo; "open" where a rule has no start or no end date). A
jurisdiction the pack knows to have no breach-notification law (e.g. US-AS) is listed with 0
rules and why. Then the regimes abroad and by sector by the names people know them (UK GDPR,
NIS2, DORA, SEC Form 8-K Item 1.05, HIPAA, PIPEDA…): the jurisdictions their rules are in, how
many rules and how many ⚠, the dates in force. Then a total line.
--json prints every rule too: its id, title, law, recipient, citation, effective dates, when it
was last reviewed, its verification and the reference keys it rests on, and each jurisdiction's
references (key, address, what it supports). Needs no case file.
The second line says where the active pack came from: shipped with Breachdesk, or installed
(rules import) on a date from a file, signed by a key's fingerprint; and when an installed pack
is not used (it no longer verifies, its key is no longer trusted), why (--json: source).

Example:
  breachdesk rules list --json`,
  options: { ...JSON_OPTION },
  positionals: 0,
  run: async ({ values }) => {
    const host = new CliHost();
    try {
      const listing = await host.call('rules.list', {});
      if (values.json === true) printJson(listing);
      else process.stdout.write(`${describe(listing).join('\n')}\n`);
      return EXIT.ok;
    } finally {
      host.close();
    }
  },
};

function describe(listing: Listing): string[] {
  const { jurisdictions } = listing;
  const codeWidth = Math.max(4, ...jurisdictions.map((j) => j.code.length));
  const nameWidth = Math.max(4, ...jurisdictions.map((j) => j.name.length));
  const rules = jurisdictions.reduce((sum, j) => sum + j.ruleCount, 0);
  const unverified = jurisdictions.reduce((sum, j) => sum + j.unverifiedCount, 0);
  const lawless = jurisdictions.filter((j) => j.withoutLaw !== null).length;
  return [
    `Rule pack ${listing.packId} ${listing.packVersion}, published ${listing.published}`,
    rulePackSourceText(listing.source),
    '',
    `${'Code'.padEnd(codeWidth)}  ${'Name'.padEnd(nameWidth)}  Rules  ⚠ to be verified  In force`,
    ...jurisdictions.map(
      (j) =>
        `${j.code.padEnd(codeWidth)}  ${j.name.padEnd(nameWidth)}  ${String(j.ruleCount).padStart(5)}  ${String(j.unverifiedCount).padStart(16)}  ${j.withoutLaw === null ? effectiveRangeText(j.rules) : `no breach law: ${j.withoutLaw.note}`}`,
    ),
    '',
    ...regimeLines(listing),
    `Total: ${jurisdictions.length} jurisdictions (${lawless} without a breach law), ${listing.regimes.length} regimes by name, ${rules} rules, ${unverified} ⚠ to be verified.`,
  ];
}

/** The regimes abroad and by sector, each by its name, with where its rules are and how many. */
function regimeLines(listing: Listing): string[] {
  if (listing.regimes.length === 0) return [];
  const rulesById = new Map(listing.jurisdictions.flatMap((j) => j.rules.map((r) => [r.id, r] as const)));
  const nameWidth = Math.max(6, ...listing.regimes.map((r) => r.name.length));
  const whereWidth = Math.max(13, ...listing.regimes.map((r) => r.jurisdictions.join(', ').length));
  return [
    `${'Regime'.padEnd(nameWidth)}  ${'Jurisdictions'.padEnd(whereWidth)}  Rules  ⚠ to be verified  In force`,
    ...listing.regimes.map((regime) => {
      const rules = regime.ruleIds.flatMap((id) => {
        const rule = rulesById.get(id);
        return rule === undefined ? [] : [rule];
      });
      return `${regime.name.padEnd(nameWidth)}  ${regime.jurisdictions.join(', ').padEnd(whereWidth)}  ${String(regime.ruleIds.length).padStart(5)}  ${String(regime.unverifiedCount).padStart(16)}  ${effectiveRangeText(rules)}`;
    }),
    '',
  ];
}
