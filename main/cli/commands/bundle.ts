import type { BundleVerification } from '../../../shared/domain/bundle';
import {
  BUNDLE_PASSPHRASE_OPTION,
  ENCRYPT_OPTIONS,
  envelopeOption,
  envelopeWords,
  withBundlePassphrase,
} from '../bundle-passphrase';
import { CliFailure, CliHost } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printFields, printJson } from '../output';
import { CliJob } from '../progress';
import { withCase } from '../with-case';
import { givenPassphrase, newCaseKey } from '../passphrase';

export const bundleExportCommand: Command = {
  name: 'bundle export',
  summary: 'Write the case as a signed, verifiable BagIt zip (optionally sealed with age)',
  help: `Usage: breachdesk bundle export FILE -o BUNDLE.zip [--no-evidence] [--privileged] [--roster] [--force] [--json]
           [--encrypt-to age1... ...| --encrypt-passphrase-file PATH]

Writes one BagIt 1.0 bag (RFC 8493) in a zip: the case snapshot, case.json, the evidence
originals, every letter as PDF, DOCX and HTML, audit-log.jsonl and an index.html summary, with
SHA-256 manifests and an Ed25519 signature over the tag manifest (this computer's key, created
on first use in the config folder). Privileged notes are left out unless --privileged;
--no-evidence leaves the evidence bytes out (the items stay listed with their hashes).

Sealed in an age envelope (age-encryption.org/v1), the whole zip is written as BUNDLE.zip.age
(a name given ending in .age is kept) and the plain zip never touches the disk:
  --encrypt-to age1...            to a recipient's X25519 public key (repeat for several; "keys
                                  list" shows this computer's, age-keygen makes others)
  --encrypt-passphrase-file PATH  to a passphrase, the first line of PATH (scrypt)
Anyone can open it with the age tool: age -d -i KEY.txt -o BUNDLE.zip BUNDLE.zip.age (or
age -d for a passphrase), then check the zip as usual.

Examples:
  breachdesk bundle export incident.bdcase -o ./out/incident-bundle.zip
  breachdesk bundle export incident.bdcase -o ./out/incident-bundle.zip \\
    --encrypt-to age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
  breachdesk bundle export incident.bdcase -o ./out/incident-bundle.zip --encrypt-passphrase-file ./pass.txt`,
  options: {
    ...JSON_OPTION,
    ...ENCRYPT_OPTIONS,
    output: { type: 'string', short: 'o' },
    'no-evidence': { type: 'boolean' },
    privileged: { type: 'boolean' },
    roster: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  positionals: 1,
  run: ({ positionals, values }) => {
    const job = new CliJob();
    return withCase(
      positionals[0] ?? '',
      async (host) => {
        const path = requiredOutput(values.output, 'bundle export needs -o BUNDLE.zip, the file to write.');
        const envelope = envelopeOption(values);
        const result = await job.run(host, (jobId) =>
          host.call('bundle.export', {
            jobId,
            path,
            overwrite: values.force === true,
            includeEvidence: values['no-evidence'] !== true,
            includePrivileged: values.privileged === true,
            includeRoster: values.roster === true,
            ...(envelope === undefined ? {} : { envelope }),
          }),
        );
        if (values.json === true) printJson(result);
        else
          printFields([
            ['Bundle', result.path],
            [
              'Encrypted',
              envelopeWords(
                result.envelope,
                envelope?.kind === 'recipients' ? envelope.recipients.length : 0,
              ),
            ],
            ['Size', `${result.bytes} bytes`],
            ['Payload', `${result.payloadFiles} files, ${result.payloadBytes} bytes`],
            ['Evidence files', String(result.evidenceFiles)],
            ['Letter files', String(result.letterFiles)],
            ['Signed by', result.signerFingerprint],
            ['Audit head', result.auditHead],
          ]);
        return EXIT.ok;
      },
      job.events,
    );
  },
};

export const bundleVerifyCommand: Command = {
  name: 'bundle verify',
  summary: 'Check a bundle: zip safety, BagIt, every hash, signature, audit chain',
  help: `Usage: breachdesk bundle verify BUNDLE.zip[.age] [--bundle-passphrase-file PATH] [--json]

Checks the zip as hostile input, the bag as RFC 8493 defines it (bagit.txt, manifests complete
both ways, Payload-Oxum, every checksum), the Ed25519 signature against your trusted keys (see
"breachdesk keys"), and the case snapshot's audit chain against the signed head. Names every
failing file. Exit code 2 on any failure.

A bundle sealed in an age envelope (.zip.age) is opened first, every chunk authenticated: one
sealed to a passphrase with the first line of --bundle-passphrase-file PATH (on a terminal you
are asked for it otherwise), one sealed to recipients with this computer's age identity (see
"breachdesk keys list"). The plain zip is never written to disk.

Examples:
  breachdesk bundle verify ./incoming/incident-bundle.zip
  breachdesk bundle verify ./incoming/incident-bundle.zip.age --bundle-passphrase-file ./pass.txt`,
  options: { ...JSON_OPTION, ...BUNDLE_PASSPHRASE_OPTION },
  positionals: 1,
  run: async ({ positionals, values }) => {
    const job = new CliJob();
    const host = new CliHost(job.events);
    const path = positionals[0] ?? '';
    try {
      const report = await withBundlePassphrase(values, path, (bundlePassphrase) =>
        job.run(host, (jobId) =>
          host.call('bundle.verify', {
            jobId,
            path,
            ...(bundlePassphrase === undefined ? {} : { bundlePassphrase }),
          }),
        ),
      );
      if (values.json === true) printJson(report);
      else printReport(report);
      return report.ok ? EXIT.ok : EXIT.invalid;
    } finally {
      host.close();
    }
  },
};

export const bundleImportCommand: Command = {
  name: 'bundle import',
  summary: 'Verify a bundle, then write it as a new case or merge it into one',
  help: `Usage: breachdesk bundle import BUNDLE.zip[.age] -o NEW.bdcase [--passphrase-file PATH | --plaintext] [--force] [--json]
       breachdesk bundle import BUNDLE.zip[.age] --into EXISTING.bdcase [--json]
       [--bundle-passphrase-file PATH]

Checks the bundle completely first (as "bundle verify") and writes nothing when it fails.
A bundle sealed in an age envelope (.zip.age) is opened as "bundle verify" opens it: with
--bundle-passphrase-file PATH, a prompt on a terminal, or this computer's age identity.
With -o, writes the bundle's case as a new case file (temporary name, renamed when complete),
encrypted like "init" makes one: with --passphrase-file, BREACHDESK_PASSPHRASE or a prompt;
--plaintext is the explicit choice of an unencrypted file.
With --into, adds a colleague's evidence (deduplicated by SHA-256), events, parties, tasks and
notes to an existing case: records are matched by id, and a record both sides changed
differently is listed as a conflict to resolve in the app (or with "breachdesk api
bundle.resolveConflict"). Everything is audited with the bundle's id.

Examples:
  breachdesk bundle import ./incoming/incident-bundle.zip -o ./cases/incident-copy.bdcase
  breachdesk bundle import ./incoming/colleague.zip --into incident.bdcase
  breachdesk bundle import ./incoming/incident-bundle.zip.age -o ./cases/incident-copy.bdcase`,
  options: {
    ...JSON_OPTION,
    ...BUNDLE_PASSPHRASE_OPTION,
    output: { type: 'string', short: 'o' },
    into: { type: 'string' },
    force: { type: 'boolean' },
    plaintext: { type: 'boolean' },
  },
  positionals: 1,
  run: async ({ positionals, values }) => {
    const bundle = positionals[0] ?? '';
    const job = new CliJob();
    if (typeof values.into === 'string' && values.into !== '') {
      if (values.output !== undefined)
        throw new CliFailure('Give either -o NEW.bdcase or --into EXISTING.bdcase, not both.', EXIT.usage);
      return withCase(
        values.into,
        async (host) => {
          const result = await withBundlePassphrase(values, bundle, (bundlePassphrase) =>
            job.run(host, (jobId) =>
              host.call('bundle.merge', {
                jobId,
                path: bundle,
                ...(bundlePassphrase === undefined ? {} : { bundlePassphrase }),
              }),
            ),
          );
          if (values.json === true) printJson(result);
          else {
            const counts = (c: Record<string, number>) =>
              Object.entries(c)
                .map(([kind, n]) => `${n} ${kind}`)
                .join(', ');
            printFields([
              ['Bundle', result.bundleId],
              ['Added', counts(result.added)],
              ['Updated (changed only there)', counts(result.updated)],
              ['Unchanged or kept', counts(result.unchanged)],
              ['Evidence deduplicated', String(result.deduplicated)],
              ['Custody entries added', String(result.custodyEntriesAdded)],
              ['Conflicts', String(result.conflicts.length)],
              ...(result.evidenceWithoutBytes > 0
                ? ([
                    [
                      'Not added',
                      `${result.evidenceWithoutBytes} evidence item(s): the bundle has no bytes for them`,
                    ],
                  ] as [string, string][])
                : []),
              ...(result.sharedHistory
                ? []
                : ([
                    ['Note', 'the bundle shares no history with this case: every difference is a conflict'],
                  ] as [string, string][])),
            ]);
            for (const c of result.conflicts)
              process.stdout.write(`conflict  ${c.id}  ${c.kind} "${c.label}": ${c.fields.join(', ')}\n`);
          }
          return EXIT.ok;
        },
        job.events,
      );
    }
    const target = requiredOutput(
      values.output,
      'bundle import needs -o NEW.bdcase (a new case file) or --into EXISTING.bdcase.',
    );
    const key = await newCaseKey(values.plaintext === true, givenPassphrase(values));
    return runWithoutCase(job, async (host) => {
      const result = await withBundlePassphrase(values, bundle, (bundlePassphrase) =>
        job.run(host, (jobId) =>
          host.call('bundle.import', {
            jobId,
            path: bundle,
            target,
            overwrite: values.force === true,
            ...key,
            ...(bundlePassphrase === undefined ? {} : { bundlePassphrase }),
          }),
        ),
      );
      if (values.json === true) printJson(result);
      else
        printFields([
          ['Case file', result.path],
          ['Case', `${result.title} (${result.caseId})`],
          ['Evidence', `${result.evidenceFiles} files, ${result.evidenceBytes} bytes, SHA-256 checked`],
          [
            'Signed by',
            `${result.verification.signature.signer ?? '?'} ${result.verification.signature.fingerprint ?? ''}`,
          ],
        ]);
      return EXIT.ok;
    });
  },
};

function requiredOutput(value: unknown, message: string): string {
  if (typeof value !== 'string' || value === '') throw new CliFailure(message, EXIT.usage);
  return value;
}

async function runWithoutCase(job: CliJob, body: (host: CliHost) => Promise<number>): Promise<number> {
  const host = new CliHost(job.events);
  try {
    return await body(host);
  } finally {
    host.close();
  }
}

function printReport(report: BundleVerification): void {
  const signature = {
    valid: `valid, signed by ${report.signature.signer ?? '?'} (${report.signature.fingerprint ?? '?'})`,
    invalid: 'INVALID',
    'unknown-signer': `signed by an untrusted key ${report.signature.fingerprint ?? '?'} (trust it with "breachdesk keys trust")`,
    missing: 'missing',
  }[report.signature.status];
  printFields([
    [
      'Result',
      report.ok
        ? 'VERIFIED'
        : `FAILED (${report.problems.length} problem${report.problems.length === 1 ? '' : 's'})`,
    ],
    [
      'Envelope',
      report.envelope === 'none' ? envelopeWords('none') : `${envelopeWords(report.envelope)}, opened`,
    ],
    ['Bag', report.bag.name ?? '?'],
    ['Case', `${report.bag.title ?? '?'} (${report.bag.caseId ?? '?'})`],
    ['Bagging date', report.bag.baggingDate ?? '?'],
    ['Payload-Oxum', report.bag.payloadOxum ?? '?'],
    ['Checked', `${report.checked.files} files, ${report.checked.bytes} bytes`],
    ['Signature', signature],
    [
      'Audit chain',
      `${report.audit.status}, ${report.audit.entries} entries${report.audit.withheld > 0 ? ` (${report.audit.withheld} withheld)` : ''}`,
    ],
  ]);
  for (const p of report.problems) process.stdout.write(`${p.code}  ${p.path ?? '(bundle)'}  ${p.message}\n`);
}
