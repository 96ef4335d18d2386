import { CliFailure, CliHost } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { describeUpdate } from './rules-update-text';

export const rulesImportCommand: Command = {
  name: 'rules import',
  summary: 'Install a newer rule pack from a signed pack file (shows what changes first)',
  help: `Usage: breachdesk rules import PACK [--dry-run] [--json]

Checks PACK, a signed rule pack file (README › Files), and installs it as this computer's rule
pack, used by every case from then on. Before installing it prints what changes against the
active pack, rule by rule: the pack's id, version and publication date old → new, rules added,
rules changed (which fields: trigger, deadline, required content, citation, verification…) and
rules retired, each with the dates it is in force. --dry-run only prints that.

Refused in one sentence, with nothing changed: a bare (unsigned) pack, a file whose signature does
not match, a key you do not trust (trust the publisher's key first with "breachdesk keys trust"),
a pack older than the active one (published earlier, or the same pack id with a version not
higher), another format version, or a pack the rule-pack schema refuses (its first problem).
The pack is kept signed in the config folder (rule-packs/active.signed.json under
BREACHDESK_CONFIG_DIR or the platform's Breachdesk folder) and verified again at every load.
--json prints {path, sha256, signer, signedAt, current, diff, installed, source}. Needs no case file.

Examples:
  breachdesk keys trust 9Pq2cYx1m0bHq0E4jv6Q4mO1t8Zb5Yk2Q7nJ3dW8a1c= --label "Breachdesk rules desk"
  breachdesk rules import breachdesk-us-eu-2027.01.signed.json --dry-run
  breachdesk rules import breachdesk-us-eu-2027.01.signed.json`,
  options: { ...JSON_OPTION, 'dry-run': { type: 'boolean' } },
  positionals: 1,
  run: async ({ positionals, values }) => {
    const path = positionals[0] ?? '';
    const dryRun = values['dry-run'] === true;
    const host = new CliHost();
    try {
      const update = await host.call('rules.preview', { path });
      const installed = dryRun ? null : await host.call('rules.install', { path, sha256: update.sha256 });
      if (values.json === true) {
        printJson({ ...update, installed: installed !== null, source: installed?.source ?? update.current });
        return EXIT.ok;
      }
      const outcome =
        installed === null
          ? 'Dry run: nothing was installed.'
          : `Installed: rule pack ${update.diff.to.id} ${update.diff.to.version} is now active on this computer.`;
      process.stdout.write(`${[...describeUpdate(update), outcome].join('\n')}\n`);
      return EXIT.ok;
    } finally {
      host.close();
    }
  },
};

export const rulesSignCommand: Command = {
  name: 'rules sign',
  summary: "For publishers: sign a rule pack's JSON with this computer's key",
  help: `Usage: breachdesk rules sign PACK_JSON --out FILE [--force] [--json]

Checks PACK_JSON against the rule-pack schema (a pack is data only: an unknown key such as
"script" is refused) and writes FILE, a signed rule pack file holding exactly PACK_JSON's bytes
and this computer's Ed25519 signature over them (the key "keys list" shows, created on first
use). Give the public key it prints to those who will import the pack; they trust it once with
"breachdesk keys trust". --force replaces FILE.

Example:
  breachdesk rules sign pack-2027.01.json --out breachdesk-us-eu-2027.01.signed.json`,
  options: { ...JSON_OPTION, out: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  positionals: 1,
  run: async ({ positionals, values }) => {
    const out = values.out;
    if (typeof out !== 'string' || out === '')
      throw new CliFailure('rules sign needs --out FILE; run "breachdesk rules sign --help".', EXIT.usage);
    const host = new CliHost();
    try {
      const signed = await host.call('rules.sign', {
        packPath: positionals[0] ?? '',
        out,
        overwrite: values.force === true,
      });
      if (values.json === true) printJson(signed);
      else
        process.stdout.write(
          `Signed rule pack ${signed.packId} ${signed.packVersion} (published ${signed.published}) into ${signed.path}\n` +
            `with the key ${signed.fingerprint}; those who import it trust it once with:\n` +
            `  breachdesk keys trust ${signed.publicKey} --label "NAME"\n`,
        );
      return EXIT.ok;
    } finally {
      host.close();
    }
  },
};
