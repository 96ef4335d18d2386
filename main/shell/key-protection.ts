// The app's signing key at rest: encrypted with the system keychain through safeStorage. Where
// no keychain is available (some Linux desktops), the owner-only file the CLI uses instead.
import { safeStorage } from 'electron';
import { ownerOnlyFileProtector, type KeyProtector } from '../services/bundles/signing/key-protector';

export function appKeyProtector(): KeyProtector {
  if (!safeStorage.isEncryptionAvailable()) return ownerOnlyFileProtector('This computer (app)');
  return {
    fileName: 'signing-key.safe',
    label: 'This computer (app)',
    description:
      'Encrypted with your system keychain (Electron safeStorage) in the Breachdesk config folder.',
    protect: (pem) => safeStorage.encryptString(pem),
    unprotect: (stored) => safeStorage.decryptString(stored),
  };
}
