import type { BundleVerification } from '../../../../shared/domain/bundle';
import { ReceivedSnapshot } from '../../../casefile/snapshot/received-snapshot';
import type { Job } from '../../jobs';
import type { SigningKeys } from '../signing/signing-keys';
import type { ZipLimits } from '../../../formats/zip/zip-reader';
import { checkBundle } from './verify-bundle';

/** Checks a bundle and reports; the snapshot it reads to check the audit chain stays in memory. */
export async function verifyBundleFile(
  path: string,
  signing: SigningKeys,
  job: Job,
  limits?: Partial<ZipLimits>,
  bundlePassphrase?: string,
): Promise<BundleVerification> {
  const snapshot = new ReceivedSnapshot();
  const checked = await checkBundle(path, { signing, job, snapshot, limits, bundlePassphrase });
  await checked.archive?.zip.close();
  return checked.verification;
}
