import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { newerPack, type NewerPack } from '../helpers/rule-packs';
import { runCliAs, type CliResult } from '../helpers/run-cli';

/*
 * `breachdesk rules sign|import` and `rules list` as a publisher and an offline computer run them:
 * the publisher signs a modified copy of the shipped pack with its key, the other computer
 * trusts that key, looks at the changes (--dry-run), installs, and `rules list` shows the new
 * pack and where it came from. Unsigned, tampered, untrusted and older packs are refused in one
 * sentence (exit 2) and the active pack stays as it was. Each computer has its own config folder.
 */

let base: string;
let publisher: string;
let consumer: string;
let stranger: string;
let newer: NewerPack;
/** The signed newer pack, and its publisher's key. */
let signedPath: string;
let publisherKey: { fingerprint: string; publicKey: string };

function file(name: string): string {
  return join(base, name);
}

function expectExit(result: CliResult, status: number): CliResult {
  expect(result.status, `stdout: ${result.stdout.slice(0, 2000)}\nstderr: ${result.stderr}`).toBe(status);
  return result;
}

/** A refusal: exit 2 and exactly one sentence on stderr. */
function expectRefusal(result: CliResult, sentence: string): void {
  expect({ status: result.status, stderr: result.stderr }).toEqual({
    status: 2,
    stderr: `breachdesk: ${sentence}\n`,
  });
}

function activeFile(): string {
  return join(consumer, 'rule-packs', 'active.signed.json');
}

function sign(configDir: string, pack: unknown, name: string): string {
  writeFileSync(file(`${name}.json`), `${JSON.stringify(pack, null, 2)}\n`);
  const out = file(`${name}.signed.json`);
  expectExit(runCliAs(configDir, ['rules', 'sign', file(`${name}.json`), '--out', out]), 0);
  return out;
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'breachdesk-rules-import-cli-'));
  publisher = file('config-publisher');
  consumer = file('config-consumer');
  stranger = file('config-stranger');
  newer = newerPack();
  writeFileSync(file('newer.json'), `${JSON.stringify(newer.pack, null, 2)}\n`);
  signedPath = file('newer.signed.json');
  const signed = expectExit(
    runCliAs(publisher, ['rules', 'sign', file('newer.json'), '--out', signedPath, '--json']),
    0,
  );
  publisherKey = JSON.parse(signed.stdout) as typeof publisherKey;
  expectExit(runCliAs(consumer, ['keys', 'trust', publisherKey.publicKey, '--label', 'Rules desk']), 0);
}, 120_000);

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('breachdesk rules sign', () => {
  it('prints the key to trust, and refuses to sign a pack that is not data only', () => {
    writeFileSync(
      file('scripted.json'),
      JSON.stringify({ ...newer.pack, rules: [{ ...newer.changed, script: 'rm -rf /' }] }),
    );
    expectRefusal(
      runCliAs(publisher, ['rules', 'sign', file('scripted.json'), '--out', file('scripted.signed.json')]),
      `${file('scripted.json')} does not match the rule-pack schema: rules[0] (${newer.changed.id}): Unrecognized key: "script".`,
    );
    expect(existsSync(file('scripted.signed.json'))).toBe(false);
    expectExit(runCliAs(publisher, ['rules', 'sign', file('newer.json')]), 1);
  });
});

describe('breachdesk rules import', () => {
  it('--dry-run shows the changes rule by rule and installs nothing', () => {
    const result = expectExit(runCliAs(consumer, ['rules', 'import', signedPath, '--dry-run']), 0);
    const lines = result.stdout.trimEnd().split('\n');
    const shipped = DEFAULT_RULE_PACK;
    expect(lines[0]).toBe(
      `Rule pack ${shipped.id} ${shipped.version} (published ${shipped.published}) → ${shipped.id} 2099.1 (published 2099-01-15)`,
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^Signed by ${escape(publisherKey.fingerprint)} \\(Rules desk\\) on \\d{4}-\\d\\d-\\d\\d\\.$`,
      ),
    );
    expect(lines[2]).toBe('Active now: Shipped with Breachdesk.');
    expect(lines).toContain('Added (1):');
    expect(lines).toContain(
      `  + ${newer.added.id}  ${newer.added.jurisdiction}  ${newer.added.title}  (in force 2027-01-01 → open)`,
    );
    expect(lines).toContain('Changed (1):');
    expect(lines.find((l) => l.startsWith(`  ~ ${newer.changed.id}  `))).toMatch(
      /: deadline, citation {2}\(in force .+\)$/,
    );
    expect(lines).toContain('Retired (1):');
    expect(lines.find((l) => l.startsWith(`  - ${newer.retired.id}  `))).toMatch(/\(was in force .+ → .+\)$/);
    expect(lines.at(-2)).toBe(`1 added, 1 changed, 1 retired, ${shipped.rules.length - 2} unchanged.`);
    expect(lines.at(-1)).toBe('Dry run: nothing was installed.');
    expect(existsSync(activeFile())).toBe(false);

    const json = JSON.parse(
      expectExit(runCliAs(consumer, ['rules', 'import', signedPath, '--dry-run', '--json']), 0).stdout,
    ) as {
      installed: boolean;
      diff: { changed: { id: string; fields: string[] }[] };
      source: { kind: string };
    };
    expect(json.installed).toBe(false);
    expect(json.diff.changed).toMatchObject([{ id: newer.changed.id, fields: ['deadline', 'citation'] }]);
    expect(json.source.kind).toBe('shipped');
  });

  it('installs the pack; rules list then shows the new version and where it came from', () => {
    const result = expectExit(runCliAs(consumer, ['rules', 'import', signedPath]), 0);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      `Installed: rule pack ${DEFAULT_RULE_PACK.id} 2099.1 is now active on this computer.`,
    );
    expect(existsSync(activeFile())).toBe(true);

    const list = expectExit(runCliAs(consumer, ['rules', 'list']), 0).stdout.split('\n');
    expect(list[0]).toBe(`Rule pack ${DEFAULT_RULE_PACK.id} 2099.1, published 2099-01-15`);
    expect(list[1]).toMatch(
      new RegExp(
        `^Installed on \\d{4}-\\d\\d-\\d\\d from ${escape(signedPath)}, signed by ${escape(publisherKey.fingerprint)} \\(Rules desk\\)\\.$`,
      ),
    );
    const listing = JSON.parse(expectExit(runCliAs(consumer, ['rules', 'list', '--json']), 0).stdout) as {
      packVersion: string;
      source: { kind: string; from: string; fingerprint: string };
      jurisdictions: { rules: { id: string }[] }[];
    };
    expect(listing.packVersion).toBe('2099.1');
    expect(listing.source).toMatchObject({
      kind: 'installed',
      from: signedPath,
      fingerprint: publisherKey.fingerprint,
    });
    const ids = listing.jurisdictions.flatMap((j) => j.rules.map((r) => r.id));
    expect(ids).toContain(newer.added.id);
    expect(ids).not.toContain(newer.retired.id);
  });

  it('refuses an unsigned, a tampered, an untrusted and an older pack, each in one sentence, leaving the active pack as it was', () => {
    const before = readFileSync(activeFile());
    const later = newerPack('2099.2', '2099-02-01').pack;

    writeFileSync(file('bare.json'), JSON.stringify(later));
    expectRefusal(
      runCliAs(consumer, ['rules', 'import', file('bare.json')]),
      `${file('bare.json')} is an unsigned rule pack: only a pack signed with a key you trust can be installed (its publisher signs it with "breachdesk rules sign").`,
    );

    const good = JSON.parse(readFileSync(sign(publisher, later, 'later'), 'utf8')) as { pack: string };
    const text = Buffer.from(good.pack, 'base64').toString('utf8').replace('"2099.2"', '"2099.3"');
    writeFileSync(
      file('tampered.signed.json'),
      JSON.stringify({ ...good, pack: Buffer.from(text).toString('base64') }),
    );
    expectRefusal(
      runCliAs(consumer, ['rules', 'import', file('tampered.signed.json')]),
      `${file('tampered.signed.json')} does not match its signature: the pack was changed after it was signed (or the signature was).`,
    );

    const foreign = sign(stranger, later, 'foreign');
    const strangerKey = JSON.parse(expectExit(runCliAs(stranger, ['keys', 'list', '--json']), 0).stdout) as {
      own: { fingerprint: string; publicKey: string };
    };
    expectRefusal(
      runCliAs(consumer, ['rules', 'import', foreign]),
      `${foreign} is signed by the key ${strangerKey.own.fingerprint}, which you do not trust; if it is the publisher's key, trust it (breachdesk keys trust ${strangerKey.own.publicKey} --label "PUBLISHER", or Signing keys… in the app) and import again.`,
    );

    const older = sign(publisher, newerPack('2099.0', '2099-01-01').pack, 'older');
    expectRefusal(
      runCliAs(consumer, ['rules', 'import', older]),
      `Rule pack ${DEFAULT_RULE_PACK.id} 2099.0 (published 2099-01-01) is older than the active pack ${DEFAULT_RULE_PACK.id} 2099.1 (published 2099-01-15), so it was not installed.`,
    );
    expectRefusal(
      runCliAs(consumer, ['rules', 'import', signedPath]),
      `Rule pack ${DEFAULT_RULE_PACK.id} 2099.1 (published 2099-01-15) is already the active pack, so there is nothing to install.`,
    );

    expect(readFileSync(activeFile())).toEqual(before);
    expect(JSON.parse(expectExit(runCliAs(consumer, ['rules', 'list', '--json']), 0).stdout)).toMatchObject({
      packVersion: '2099.1',
    });
  });

  it('rules list says so when the installed pack is no longer trusted, and uses the shipped one', () => {
    expectExit(runCliAs(consumer, ['keys', 'untrust', publisherKey.fingerprint]), 0);
    const list = expectExit(runCliAs(consumer, ['rules', 'list']), 0).stdout.split('\n');
    expect(list[0]).toBe(
      `Rule pack ${DEFAULT_RULE_PACK.id} ${DEFAULT_RULE_PACK.version}, published ${DEFAULT_RULE_PACK.published}`,
    );
    expect(list[1]).toBe(
      `Shipped with Breachdesk. The installed rule pack (${activeFile()}) is not used: it is signed by the key ${publisherKey.fingerprint}, which you do not trust; if it is the publisher's key, trust it (breachdesk keys trust ${publisherKey.publicKey} --label "PUBLISHER", or Signing keys… in the app) to use it again.`,
    );
    expectExit(runCliAs(consumer, ['keys', 'trust', publisherKey.publicKey, '--label', 'Rules desk']), 0);
    expect(expectExit(runCliAs(consumer, ['rules', 'list']), 0).stdout.split('\n')[0]).toBe(
      `Rule pack ${DEFAULT_RULE_PACK.id} 2099.1, published 2099-01-15`,
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
