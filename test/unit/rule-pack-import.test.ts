import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  encodeSignedRulePack,
  readSignedRulePack,
  SIGNED_RULE_PACK_FORMAT,
} from '../../main/formats/signing/signed-rule-pack';
import { ownerOnlyFileProtector } from '../../main/services/bundles/signing/key-protector';
import { SigningKeys } from '../../main/services/bundles/signing/signing-keys';
import { activeRulePack, withRulePacks } from '../../main/services/obligations/active-pack';
import { RulePackStore } from '../../main/services/obligations/rule-pack-store';
import { verifySignedRulePack } from '../../main/services/obligations/rule-pack-verify';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { comparePackVersions, olderPackRefusal } from '../../shared/obligations/pack-order';
import { diffRulePacks } from '../../shared/obligations/rule-pack-diff';
import { rulePackSourceText } from '../../shared/obligations/rule-pack-source';
import { newerPack, shippedPackCopy } from '../helpers/rule-packs';

const SIGNED_AT = new Date('2099-01-16T09:00:00.000Z');

let dir: string;
/** The publisher's key (trusted by `consumer` in most tests), the consumer's own keys, a stranger's. */
let publisher: SigningKeys;
let consumer: SigningKeys;
let stranger: SigningKeys;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'breachdesk-rule-pack-'));
  publisher = new SigningKeys(join(dir, 'publisher'), ownerOnlyFileProtector('Publisher'));
  consumer = new SigningKeys(join(dir, 'consumer'), ownerOnlyFileProtector('Consumer'));
  stranger = new SigningKeys(join(dir, 'stranger'), ownerOnlyFileProtector('Stranger'));
  consumer.trust(publisher.ensureKey().publicKey, 'Rules desk');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function signed(pack: unknown, keys: SigningKeys = publisher): string {
  return encodeSignedRulePack(Buffer.from(JSON.stringify(pack, null, 2)), keys.ensureKey(), SIGNED_AT);
}

function writePack(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const trustedBy = (keys: SigningKeys) => (fp: string) => keys.trusted(fp);

function refusal(body: () => unknown): string {
  try {
    body();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a refusal');
}

describe('pack versions and their order', () => {
  it('compares versions part by part, numbers as numbers', () => {
    expect(comparePackVersions('2026.9', '2026.10')).toBeLessThan(0);
    expect(comparePackVersions('2026.12', '2026.12.1')).toBeLessThan(0);
    expect(comparePackVersions('2027.01', '2027.1')).toBe(0);
    expect(comparePackVersions('2027.1-rc2', '2027.1-rc10')).toBeGreaterThan(0);
    expect(comparePackVersions('10000000000000000000001', '10000000000000000000000')).toBeGreaterThan(0);
  });

  it('refuses a pack published earlier, and the same id with a version not higher', () => {
    const active = { id: 'p', version: '2026.12', published: '2026-12-07' };
    expect(olderPackRefusal(active, { id: 'p', version: '2027.1', published: '2027-01-15' })).toBeNull();
    expect(olderPackRefusal(active, { id: 'other', version: '1', published: '2026-12-07' })).toBeNull();
    expect(olderPackRefusal(active, { id: 'p', version: '2027.1', published: '2026-11-30' })).toBe(
      'Rule pack p 2027.1 (published 2026-11-30) is older than the active pack p 2026.12 (published 2026-12-07), so it was not installed.',
    );
    expect(olderPackRefusal(active, { id: 'p', version: '2026.11', published: '2026-12-08' })).toBe(
      'Rule pack p 2026.11 (published 2026-12-08) is older than the active pack p 2026.12 (published 2026-12-07) (a lower version), so it was not installed.',
    );
    expect(olderPackRefusal(active, { ...active })).toBe(
      'Rule pack p 2026.12 (published 2026-12-07) is already the active pack, so there is nothing to install.',
    );
  });
});

describe('diffRulePacks', () => {
  it('lists rules added, changed (which fields, with dates before) and retired, and pack-wide changes', () => {
    const { pack, changed, retired, added } = newerPack();
    pack.disclaimer = `${pack.disclaimer} Amended.`;
    const diff = diffRulePacks(DEFAULT_RULE_PACK, pack);
    expect(diff.from).toEqual({
      id: DEFAULT_RULE_PACK.id,
      version: DEFAULT_RULE_PACK.version,
      published: DEFAULT_RULE_PACK.published,
    });
    expect(diff.to).toEqual({ id: DEFAULT_RULE_PACK.id, version: '2099.1', published: '2099-01-15' });
    expect(diff.added).toEqual([
      {
        id: added.id,
        title: added.title,
        jurisdiction: added.jurisdiction,
        effectiveFrom: '2027-01-01',
        effectiveTo: null,
      },
    ]);
    expect(diff.changed).toEqual([
      {
        id: changed.id,
        title: changed.title,
        jurisdiction: changed.jurisdiction,
        effectiveFrom: changed.effectiveFrom,
        effectiveTo: changed.effectiveTo,
        fields: ['deadline', 'citation'],
        before: { effectiveFrom: changed.effectiveFrom, effectiveTo: changed.effectiveTo },
      },
    ]);
    expect(diff.retired.map((r) => r.id)).toEqual([retired.id]);
    expect(diff.unchanged).toBe(DEFAULT_RULE_PACK.rules.length - 2);
    expect(diff.packFields).toEqual(['disclaimer']);
  });

  it('sees a new effective date as a change of that field, and a default written out as none', () => {
    const next = shippedPackCopy();
    const [first, second] = next.rules;
    if (first === undefined || second === undefined) throw new Error('too few rules');
    next.rules[0] = { ...first, effectiveTo: '2030-01-01' };
    // Key order does not matter either.
    next.rules[1] = Object.fromEntries(Object.entries(second).reverse()) as typeof second;
    const diff = diffRulePacks(DEFAULT_RULE_PACK, next);
    expect(diff.changed.map((c) => [c.id, c.fields, c.effectiveTo, c.before.effectiveTo])).toEqual([
      [first.id, ['effectiveTo'], '2030-01-01', first.effectiveTo],
    ]);
  });
});

describe('verifySignedRulePack', { timeout: 30_000 }, () => {
  const { pack } = newerPack();

  it('accepts a pack signed by a trusted key and names the signer', () => {
    const verified = verifySignedRulePack(signed(pack), 'new.json', trustedBy(consumer));
    expect(verified.pack.version).toBe('2099.1');
    expect(verified.signer).toMatchObject({
      label: 'Rules desk',
      fingerprint: publisher.info().own?.fingerprint,
    });
    expect(verified.file.format).toBe(SIGNED_RULE_PACK_FORMAT);
  });

  it('refuses an unsigned pack, with how packs get signed', () => {
    expect(refusal(() => verifySignedRulePack(JSON.stringify(pack), 'bare.json', trustedBy(consumer)))).toBe(
      'bare.json is an unsigned rule pack: only a pack signed with a key you trust can be installed (its publisher signs it with "breachdesk rules sign").',
    );
  });

  it('refuses a tampered pack: the signed bytes changed, or the signature', () => {
    const file = JSON.parse(signed(pack)) as { pack: string; signature: { value: string } };
    const bytes = Buffer.from(file.pack, 'base64').toString('utf8').replace('2099-01-15', '2099-01-16');
    const changedPack = { ...file, pack: Buffer.from(bytes).toString('base64') };
    const expected =
      'x.json does not match its signature: the pack was changed after it was signed (or the signature was).';
    expect(
      refusal(() => verifySignedRulePack(JSON.stringify(changedPack), 'x.json', trustedBy(consumer))),
    ).toBe(expected);
    const sig = Buffer.from(file.signature.value, 'base64');
    sig[0] = (sig[0] ?? 0) ^ 1;
    const changedSignature = { ...file, signature: { ...file.signature, value: sig.toString('base64') } };
    expect(
      refusal(() => verifySignedRulePack(JSON.stringify(changedSignature), 'x.json', trustedBy(consumer))),
    ).toBe(expected);
  });

  it('refuses a key that is not trusted, naming its fingerprint and how to trust it', () => {
    const key = stranger.ensureKey();
    expect(refusal(() => verifySignedRulePack(signed(pack, stranger), 'y.json', trustedBy(consumer)))).toBe(
      `y.json is signed by the key ${key.fingerprint}, which you do not trust; if it is the publisher's key, trust it (breachdesk keys trust ${key.publicKey} --label "PUBLISHER", or Signing keys… in the app) and import again.`,
    );
  });

  it('refuses another format version, of the signed file or of the pack inside', () => {
    const file = JSON.parse(signed(pack)) as Record<string, unknown>;
    const later = JSON.stringify({ ...file, format: 'breachdesk.signed-rule-pack/2' });
    expect(refusal(() => verifySignedRulePack(later, 'z.json', trustedBy(consumer)))).toBe(
      'z.json is a signed rule pack in the format breachdesk.signed-rule-pack/2, which this version of Breachdesk does not read (it reads breachdesk.signed-rule-pack/1).',
    );
    expect(
      refusal(() =>
        verifySignedRulePack(
          signed({ ...pack, format: 'breachdesk.rule-pack/2' }),
          'z.json',
          trustedBy(consumer),
        ),
      ),
    ).toBe(
      'The pack inside z.json is a rule pack in the format breachdesk.rule-pack/2, which this version of Breachdesk does not read (it reads breachdesk.rule-pack/1).',
    );
  });

  it('refuses a pack that carries anything but data (an extra key such as "script"), naming the first problem', () => {
    const [first, ...rest] = pack.rules;
    if (first === undefined) throw new Error('no rule');
    const scripted = { ...pack, rules: [{ ...first, script: 'require("child_process")' }, ...rest] };
    expect(refusal(() => verifySignedRulePack(signed(scripted), 'p.json', trustedBy(consumer)))).toBe(
      `The pack inside p.json does not match the rule-pack schema: rules[0] (${first.id}): Unrecognized key: "script".`,
    );
    const topLevel = { ...pack, onInstall: '<script>alert(1)</script>' };
    expect(refusal(() => verifySignedRulePack(signed(topLevel), 'p.json', trustedBy(consumer)))).toBe(
      'The pack inside p.json does not match the rule-pack schema: Unrecognized key: "onInstall".',
    );
    const badDeadline = { ...pack, rules: [{ ...first, deadline: { kind: 'whenever' } }, ...rest] };
    expect(refusal(() => verifySignedRulePack(signed(badDeadline), 'p.json', trustedBy(consumer)))).toMatch(
      /^The pack inside p\.json does not match the rule-pack schema: rules\[0\] \([a-z0-9-]+\)\.deadline(\.kind)?: /,
    );
  });

  it('refuses what is not a signed pack at all', () => {
    expect(refusal(() => verifySignedRulePack('not json', 'n.txt', trustedBy(consumer)))).toBe(
      'n.txt is not a signed rule pack: it is not JSON.',
    );
    expect(refusal(() => verifySignedRulePack('{"hello":1}', 'n.json', trustedBy(consumer)))).toMatch(
      /^n\.json is not a signed rule pack \(format: .+\)\.$/,
    );
    expect(readSignedRulePack('[]').kind).toBe('malformed');
  });
});

// Each signing or check reads the whole shipped pack (about 1 MB of JSON): a few hundred ms on a busy machine.
describe('RulePackStore', { timeout: 30_000 }, () => {
  const INSTALLED_AT = new Date('2099-02-01T10:00:00.000Z');
  const store = () => new RulePackStore(consumer, () => INSTALLED_AT);

  it('uses the shipped pack until one is installed', () => {
    expect(store().active()).toEqual({
      pack: DEFAULT_RULE_PACK,
      source: { kind: 'shipped', rejected: null },
    });
  });

  it('previews without writing, installs atomically, and serves the installed pack from then on', () => {
    const packs = store();
    const { pack, added } = newerPack();
    const path = writePack('new.signed.json', signed(pack));
    const update = packs.preview(path);
    expect(update).toMatchObject({
      path,
      signer: { label: 'Rules desk' },
      current: { kind: 'shipped', rejected: null },
      diff: { to: { version: '2099.1' } },
    });
    expect(readdirSync(join(dir, 'consumer'))).not.toContain('rule-packs');

    const installed = packs.install(path, update.sha256);
    expect(installed.source).toEqual({
      kind: 'installed',
      installedAt: INSTALLED_AT.toISOString(),
      from: path,
      fingerprint: update.signer.fingerprint,
      signer: 'Rules desk',
    });
    expect(rulePackSourceText(installed.source)).toBe(
      `Installed on 2099-02-01 from ${path}, signed by ${update.signer.fingerprint} (Rules desk).`,
    );
    expect(readdirSync(join(dir, 'consumer', 'rule-packs'))).toEqual(['active.signed.json']);
    expect(packs.active().pack.rules.at(-1)?.id).toBe(added.id);
    // Another host on the same folder (the app while the CLI installs) reads it too.
    expect(withRulePacks(store(), () => activeRulePack()).version).toBe('2099.1');
    // Outside any host's request: the shipped pack.
    expect(activeRulePack()).toBe(DEFAULT_RULE_PACK);
  });

  it('refuses an older pack or the same again, and a file changed since it was shown, changing nothing', () => {
    const packs = store();
    const path = writePack('new.signed.json', signed(newerPack('2099.2', '2099-02-01').pack));
    packs.install(path);
    const before = readFileSync(packs.activeFile);
    const older = writePack('older.signed.json', signed(newerPack('2099.1', '2099-01-15').pack));
    expect(refusal(() => packs.install(older))).toMatch(
      /^Rule pack breachdesk-us-eu 2099\.1 \(published 2099-01-15\) is older than the active pack breachdesk-us-eu 2099\.2/,
    );
    const lower = writePack('lower.signed.json', signed(newerPack('2099.1', '2099-03-01').pack));
    expect(refusal(() => packs.preview(lower))).toMatch(/\(a lower version\), so it was not installed\.$/);
    expect(refusal(() => packs.install(path))).toMatch(/is already the active pack/);
    const next = writePack('next.signed.json', signed(newerPack('2099.3', '2099-03-01').pack));
    const shown = packs.preview(next);
    writeFileSync(next, signed(newerPack('2099.4', '2099-03-02').pack));
    expect(refusal(() => packs.install(next, shown.sha256))).toBe(
      `${next} changed after its changes were shown, so it was not installed; look at them again.`,
    );
    expect(readFileSync(packs.activeFile)).toEqual(before);
    expect(packs.active().pack.version).toBe('2099.2');
  });

  it('falls back to the shipped pack, saying why, when the installed one no longer verifies or is no longer trusted', () => {
    const packs = store();
    const path = writePack('new.signed.json', signed(newerPack().pack));
    const { signer } = packs.install(path);
    expect(packs.active().pack.version).toBe('2099.1');

    consumer.untrust(signer.fingerprint);
    const untrusted = packs.active();
    expect(untrusted.pack).toBe(DEFAULT_RULE_PACK);
    const { source } = untrusted;
    expect(source.kind).toBe('shipped');
    expect(source.kind === 'shipped' ? source.rejected : null).toBe(
      `The installed rule pack (${packs.activeFile}) is not used: it is signed by the key ${signer.fingerprint}, which you do not trust; if it is the publisher's key, trust it (breachdesk keys trust ${publisher.ensureKey().publicKey} --label "PUBLISHER", or Signing keys… in the app) to use it again.`,
    );
    consumer.trust(publisher.ensureKey().publicKey, 'Rules desk');
    expect(packs.active().pack.version).toBe('2099.1');

    const stored = JSON.parse(readFileSync(packs.activeFile, 'utf8')) as { pack: string };
    const tampered = Buffer.from(stored.pack, 'base64').toString('utf8').replace('2099.1', '2099.9');
    writeFileSync(
      packs.activeFile,
      JSON.stringify({ ...stored, pack: Buffer.from(tampered).toString('base64') }),
    );
    const rejected = packs.active().source;
    expect(rejected.kind === 'shipped' && rejected.rejected).toMatch(
      /is not used: it does not match its signature/,
    );
    expect(rulePackSourceText(rejected)).toMatch(/^Shipped with Breachdesk\. The installed rule pack/);
  });

  it('leaves no temporary file when an install fails or a killed one left one behind', () => {
    const packs = store();
    packs.install(writePack('new.signed.json', signed(newerPack().pack)));
    // A temporary a killed install left (its process, pid 2^22+1, is not running).
    const folder = join(dir, 'consumer', 'rule-packs');
    writeFileSync(join(folder, 'active.signed.json.0b6c1d6e-8a61-4b8e-9d2f-3c1e6c7f9a10.4194305.tmp'), '{');
    packs.install(writePack('next.signed.json', signed(newerPack('2099.2', '2099-02-01').pack)));
    expect(readdirSync(folder)).toEqual(['active.signed.json']);
  });
});
