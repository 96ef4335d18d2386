import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateBagDirectory } from '../helpers/bag-directory';
import { createDemoCase } from '../../main/services/demo-service';
import { testContext } from '../helpers/cases';
import { exportTo, keysIn } from '../helpers/bundles';
import { useSharedTempDir } from '../helpers/temp-dir';

const sharedDir = useSharedTempDir();

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw key follows. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A demo bundle checked with tools that know nothing of Breachdesk. */
describe('a bundle checked without Breachdesk', () => {
  let bag = '';
  let dir = '';

  beforeAll(async () => {
    dir = sharedDir();
    const ctx = testContext();
    const file = await createDemoCase(join(dir, 'demo.bdcase'), false, ctx);
    const { path } = await exportTo(file, ctx, keysIn(dir), join(dir, 'demo.zip'));
    file.close();
    execFileSync('unzip', ['-t', '-q', path]);
    const out = join(dir, 'unzipped');
    mkdirSync(out);
    execFileSync('unzip', ['-q', path, '-d', out]);
    const [root] = readdirSync(out);
    bag = join(out, root ?? '');
  }, 60_000);

  it('is a valid BagIt bag', async () => {
    expect(await validateBagDirectory(bag)).toEqual([]);
  });

  it('passes sha256sum -c on its payload and tag manifests', () => {
    execFileSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: bag });
    execFileSync('sha256sum', ['-c', '--quiet', 'tagmanifest-sha256.txt'], { cwd: bag });
  });

  it('has a signature openssl verifies with the key bag-info.txt names', () => {
    const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
    const key = /^Breachdesk-Signer-Public-Key: (\S+)$/m.exec(info)?.[1] ?? '';
    const der = join(dir, 'signer.der');
    writeFileSync(der, Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(key, 'base64')]));
    const signature = join(dir, 'signature.bin');
    writeFileSync(
      signature,
      Buffer.from(readFileSync(join(bag, 'tagmanifest-sha256.txt.sig'), 'utf8'), 'base64'),
    );
    const verify = (message: string) =>
      execFileSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-keyform',
          'DER',
          '-inkey',
          der,
          '-rawin',
          '-in',
          message,
          '-sigfile',
          signature,
        ],
        { encoding: 'utf8' },
      );
    expect(verify(join(bag, 'tagmanifest-sha256.txt'))).toContain('Signature Verified Successfully');
    const tampered = join(dir, 'tampered.txt');
    writeFileSync(tampered, `${readFileSync(join(bag, 'tagmanifest-sha256.txt'), 'utf8')} `);
    expect(() => verify(tampered)).toThrow();
  });
});
