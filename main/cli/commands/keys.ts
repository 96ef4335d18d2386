import type { SigningInfo } from '../../../shared/domain/bundle';
import { CliHost } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';

async function withHost(body: (host: CliHost) => Promise<SigningInfo>, json: boolean): Promise<number> {
  const host = new CliHost();
  try {
    const info = await body(host);
    if (json) printJson(info);
    else printKeys(info);
    return EXIT.ok;
  } finally {
    host.close();
  }
}

function printKeys(info: SigningInfo): void {
  const lines = [
    info.own === null
      ? 'This computer has no signing key yet (the first bundle export creates one; or run "breachdesk keys create").'
      : `This computer: ${info.own.fingerprint}\n  public key ${info.own.publicKey}\n  ${info.protection}`,
    info.ageRecipient === null
      ? 'This computer has no age key yet for encrypted bundles (the first bundle export creates one; or run "breachdesk keys create").'
      : `Age recipient (colleagues seal bundles to it with --encrypt-to): ${info.ageRecipient}`,
    '',
    'Trusted keys:',
    ...info.trusted.map(
      (k) => `  ${k.fingerprint}  ${k.label}${k.own ? ' (this computer)' : ''}  ${k.publicKey}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export const keysListCommand: Command = {
  name: 'keys list',
  summary: "Show this computer's signing key, its age recipient and the keys you trust",
  help: `Usage: breachdesk keys list [--json]

Shows this computer's bundle signing key (its fingerprint and the public key to give to
colleagues), its age recipient (age1..., to which colleagues seal bundles with "bundle export
--encrypt-to"), and the list of keys whose bundles "bundle verify" accepts. The keys live in the
config folder (BREACHDESK_CONFIG_DIR, or the platform's Breachdesk config folder); the age
identity is age-identity.txt there, in the age tool's own format (age -d -i age-identity.txt).

Example:
  breachdesk keys list`,
  options: { ...JSON_OPTION },
  positionals: 0,
  run: ({ values }) => withHost((host) => host.call('signing.info', {}), values.json === true),
};

export const keysCreateCommand: Command = {
  name: 'keys create',
  summary: "Create this computer's signing key and age key now (export does it on first use)",
  help: `Usage: breachdesk keys create [--json]

Creates this computer's Ed25519 signing key and its age identity (X25519) if there are none
(files only your account can read), and prints the public key, so colleagues can trust it
before the first bundle arrives, and the age recipient, so they can seal bundles to you.

Example:
  breachdesk keys create`,
  options: { ...JSON_OPTION },
  positionals: 0,
  run: ({ values }) => withHost((host) => host.call('signing.ensureKey', {}), values.json === true),
};

export const keysTrustCommand: Command = {
  name: 'keys trust',
  summary: "Trust a colleague's or publisher's public key (bundles, signed rule packs)",
  help: `Usage: breachdesk keys trust PUBLIC_KEY --label NAME [--json]

Adds an Ed25519 public key (44 characters of base64, as "keys list" prints it) to the trusted
keys, so bundles it signed verify as signed by NAME and rule packs it signed can be installed
with "breachdesk rules import".

Example:
  breachdesk keys trust 3q2+7w0Vd8M1yq6m6g0lq0k9v6o9n8m7l6k5j4h3g2E= --label "A. Counsel, outside counsel"`,
  options: { ...JSON_OPTION, label: { type: 'string' } },
  positionals: 1,
  run: ({ positionals, values }) =>
    withHost(
      (host) =>
        host.call('signing.trust', {
          publicKey: positionals[0] ?? '',
          label: typeof values.label === 'string' ? values.label : '',
        }),
      values.json === true,
    ),
};

export const keysUntrustCommand: Command = {
  name: 'keys untrust',
  summary: 'Stop trusting a key',
  help: `Usage: breachdesk keys untrust FINGERPRINT [--json]

Removes a key from the trusted keys; bundles it signed then verify as "unknown signer". This
computer's own key cannot be removed.

Example:
  breachdesk keys untrust SHA256:8c2mJm2lq5m5Qe7dB0k3K2N4f0aJ7m9yX1p3r5t7v9w`,
  options: { ...JSON_OPTION },
  positionals: 1,
  run: ({ positionals, values }) =>
    withHost(
      (host) => host.call('signing.untrust', { fingerprint: positionals[0] ?? '' }),
      values.json === true,
    ),
};
