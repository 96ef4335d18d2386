import { createReadStream, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundleEnvelope, BundleExportResult } from '../../shared/domain/bundle';
import type { CaseFile } from '../../main/casefile/case-file';
import { encryptAge, type AgeSeal } from '../../main/formats/age/age-stream';
import { exportBundle } from '../../main/services/bundles/export/export-bundle';
import { ownerOnlyFileProtector } from '../../main/services/bundles/signing/key-protector';
import { SigningKeys } from '../../main/services/bundles/signing/signing-keys';
import type { ServiceContext } from '../../main/services/context';
import { newJob } from './evidence';

export const BUNDLE_TODAY = '2026-11-28';

/** A signing-key store in its own config folder, as one installation has. */
export function keysIn(dir: string, label = 'tester'): SigningKeys {
  return new SigningKeys(join(dir, 'config'), ownerOnlyFileProtector(label));
}

export function exportTo(
  file: CaseFile,
  ctx: ServiceContext,
  keys: SigningKeys,
  path: string,
  options: {
    includeEvidence?: boolean;
    includePrivileged?: boolean;
    includeRoster?: boolean;
    envelope?: BundleEnvelope;
  } = {},
): Promise<BundleExportResult> {
  return exportBundle(
    file,
    ctx,
    newJob('bundle-export'),
    keys,
    {
      path,
      overwrite: false,
      includeEvidence: options.includeEvidence ?? true,
      includePrivileged: options.includePrivileged ?? false,
      includeRoster: options.includeRoster ?? false,
      ...(options.envelope === undefined ? {} : { envelope: options.envelope }),
    },
    BUNDLE_TODAY,
  );
}

/** Seals any file in an age envelope, as PATH.age beside it (for bundles Breachdesk did not write). */
export async function sealFile(path: string, seal: AgeSeal, scryptWorkFactor?: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of await encryptAge(createReadStream(path), seal, scryptWorkFactor))
    chunks.push(chunk);
  const target = `${path}.age`;
  writeFileSync(target, Buffer.concat(chunks));
  return target;
}

/** Scratch files this process opened envelopes into that are still in the temporary folder. */
export function scratchFilesLeft(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.endsWith(`.${process.pid}.sealed`));
}
