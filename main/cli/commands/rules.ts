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
rules and why. Then a total line.
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
    `Total: ${jurisdictions.length} jurisdictions (${lawless} without a breach law), ${rules} rules, ${unverified} ⚠ to be verified.`,
  ];
}
