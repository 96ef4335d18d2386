import { join } from 'node:path';
import type { BundleExportResult } from '../../shared/domain/bundle';
import type { CaseFile } from '../../main/casefile/case-file';
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
  options: { includeEvidence?: boolean; includePrivileged?: boolean } = {},
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
    },
    BUNDLE_TODAY,
  );
}
