// The app's signing key at rest: encrypted with the system keychain through safeStorage. Where
// no keychain is available (some Linux desktops), the owner-only file the CLI uses instead.
import { safeStorage } from 'electron';
import { ownerOnlyFileProtector, type KeyProtector } from '../services/bundles/signing/key-protector';
import type { SecretProtector } from '../services/remembered-passphrases';

export function appKeyProtector(): KeyProtector {
  if (!safeStorage.isEncryptionAvailable()) return ownerOnlyFileProtector('This computer (app)');
  return {
    fileName: 'signing-key.safe',
    ageIdentityFileName: 'age-identity.safe',
    label: 'This computer (app)',
    description:
      'Encrypted with your system keychain (Electron safeStorage) in the Breachdesk config folder.',
    protect: (pem) => safeStorage.encryptString(pem),
    unprotect: (stored) => safeStorage.decryptString(stored),
  };
}

/**
 * Remembered case passphrases at rest: encrypted by the system keychain, or not remembered at
 * all where there is none (a passphrase is never kept in a readable file).
 */
export function passphraseProtector(): SecretProtector | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  // On Linux without a keyring, safeStorage falls back to a key built into Chromium: as good as
  // plain text for a passphrase, so nothing is remembered there.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    protect: (secret) => safeStorage.encryptString(secret.toString('base64')),
    unprotect: (stored) => Buffer.from(safeStorage.decryptString(stored), 'base64'),
  };
}
