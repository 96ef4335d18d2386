import { readFileSync, statSync } from 'node:fs';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { encodeSignedRulePack } from '../../formats/signing/signed-rule-pack';
import type { SigningKeys } from '../bundles/signing/signing-keys';
import { writeFileAtomically } from '../files/atomic-write';
import { parseRulePack } from './rule-pack-verify';

export interface SignedRulePackWritten {
  path: string;
  fingerprint: string;
  publicKey: string;
  packId: string;
  packVersion: string;
  published: string;
}

/**
 * For publishers: signs a rule pack's JSON file, exactly its bytes, with this computer's key
 * (created on first use) into a signed pack file others install with `rules import` once they
 * trust that key. A pack the schema refuses is not signed: what cannot be installed is not sent.
 */
export async function signRulePackFile(
  signing: SigningKeys,
  packPath: string,
  out: string,
  overwrite: boolean,
  now: Date,
): Promise<SignedRulePackWritten> {
  const stats = statSync(packPath, { throwIfNoEntry: false });
  if (stats === undefined) throw new BreachdeskError('NOT_FOUND', `${packPath} does not exist.`);
  if (!stats.isFile()) throw new BreachdeskError('INVALID_INPUT', `${packPath} is not a file.`);
  const bytes = readFileSync(packPath);
  const pack = parseRulePack(bytes, packPath);
  const key = signing.ensureKey();
  const path = await writeFileAtomically(out, encodeSignedRulePack(bytes, key, now), overwrite);
  return {
    path,
    fingerprint: key.fingerprint,
    publicKey: key.publicKey,
    packId: pack.id,
    packVersion: pack.version,
    published: pack.published,
  };
}
