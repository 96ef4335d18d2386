import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { newerPack } from '../helpers/rule-packs';
import { runCliOk, sandboxIn, type Sandbox } from './support/cli';
import { fileAppears, timePoints } from './support/kill-points';
import { crashSuite, RANDOM_FRACTION, type Prepared } from './support/scenario';

interface Install extends Prepared {
  folder: string;
}

interface Listing {
  packVersion: string;
  source: { kind: string; rejected?: string | null };
}

const NEWER = '2099.1';

/** The publisher's signed pack, made once per file (its own config folder holds the key). */
async function signedPack(shared: string): Promise<{ path: string; publicKey: string }> {
  const publisher: Sandbox = sandboxIn(join(shared, 'publisher'));
  const path = join(shared, 'newer.signed.json');
  const key = join(shared, 'publisher.key');
  if (!existsSync(path)) {
    writeFileSync(join(shared, 'newer.json'), `${JSON.stringify(newerPack(NEWER).pack, null, 2)}\n`);
    const signed = await runCliOk(publisher, [
      'rules',
      'sign',
      join(shared, 'newer.json'),
      '--out',
      path,
      '--json',
    ]);
    writeFileSync(key, (JSON.parse(signed.stdout) as { publicKey: string }).publicKey);
  }
  return { path, publicKey: readFileSync(key, 'utf8') };
}

/**
 * `rules import`: after a kill the computer uses either the pack it had (shipped) or the new one,
 * whole and verified, never a rejected or half-written one; no temporary file stays in the
 * config folder's rule-packs, and importing again completes.
 */
describe('crash: rules import', () => {
  crashSuite<Install>({
    prepare: async (sandbox, shared) => {
      const signed = await signedPack(shared);
      await runCliOk(sandbox, ['keys', 'trust', signed.publicKey, '--label', 'Rules desk']);
      const folder = join(sandbox.dir, 'config', 'rule-packs');
      const args = ['rules', 'import', signed.path];
      const installed = () => existsSync(join(folder, 'active.signed.json'));
      return {
        sandbox,
        folder,
        args,
        cases: [],
        allowed: [],
        check: async (killed) => {
          const listing = JSON.parse(
            (await runCliOk(sandbox, ['rules', 'list', '--json'])).stdout,
          ) as Listing;
          if (!killed) expect(listing.packVersion).toBe(NEWER);
          expect([DEFAULT_RULE_PACK.version, NEWER]).toContain(listing.packVersion);
          // Whatever is in place verifies: an installed pack that did not would be named here.
          expect(listing.source.kind === 'installed' || listing.source.rejected === null).toBe(true);
          expect(listing.source.kind === 'installed').toBe(installed());
          // Importing again completes and clears what the killed run left (an installed pack
          // of the same version is refused, so only when none is in place).
          if (!installed()) await runCliOk(sandbox, args);
          expect(readdirSync(folder)).toEqual(['active.signed.json']);
        },
        rerun: () => null,
      };
    },
    points: {
      ...timePoints<Install>(RANDOM_FRACTION),
      'when the new pack is written under its temporary name': (p) => fileAppears(p.folder, /\.tmp$/),
    },
  });
});
