import { CASE_FILE_EXTENSION } from '../../../../shared/domain/case-file';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { BundleVerification } from '../../../../shared/domain/bundle';
import { freshTemporary } from '../../files/temporaries';
import type { Job } from '../../jobs';
import type { SigningKeys } from '../signing/signing-keys';
import type { ZipLimits } from '../../../formats/zip/zip-reader';
import { checkBundle } from './verify-bundle';

/** Checks a bundle and reports; the snapshot it unpacks to check the audit chain is removed after. */
export async function verifyBundleFile(
  path: string,
  signing: SigningKeys,
  job: Job,
  limits?: Partial<ZipLimits>,
  bundlePassphrase?: string,
): Promise<BundleVerification> {
  // In the temporary folder, named so the next run can remove one a killed run left there.
  const snapshotPath = freshTemporary(tmpdir(), 'breachdesk-verify', CASE_FILE_EXTENSION.slice(1));
  try {
    const checked = await checkBundle(path, { signing, job, snapshotPath, limits, bundlePassphrase });
    await checked.archive?.zip.close();
    return checked.verification;
  } finally {
    rmSync(snapshotPath, { force: true });
  }
}
