/**
 * How this installation's private signing key is kept at rest. The app encrypts it with
 * Electron's safeStorage (the system keychain); the command line, which has no keychain
 * access, keeps it in a file only its owner can read. Only main/shell may import electron,
 * so the app's protector is built there and handed in.
 */
export interface KeyProtector {
  /** The key file's name in the config folder; the app and the command line use different ones. */
  readonly fileName: string;
  /** The file of this installation's age identity (bundle envelopes), protected the same way. */
  readonly ageIdentityFileName: string;
  /** Who signs with it, as listed among the trusted keys. */
  readonly label: string;
  /** How the key is protected, in a sentence a person can check. */
  readonly description: string;
  protect(pem: string): Buffer;
  unprotect(stored: Buffer): string;
}

/** The command line's age identity file; the app can open bundles sealed to it as well. */
export const OWNER_ONLY_AGE_IDENTITY_FILE = 'age-identity.txt';

/** The command line's protection: the PEM itself, in a file created with mode 0600. */
export function ownerOnlyFileProtector(label = 'This computer (command line)'): KeyProtector {
  return {
    fileName: 'signing-key.pem',
    // The age identity file format, so the age command line can use it as it is (age -d -i).
    ageIdentityFileName: OWNER_ONLY_AGE_IDENTITY_FILE,
    label,
    description: 'Kept in a file only your account can read (mode 0600) in the Breachdesk config folder.',
    protect: (pem) => Buffer.from(pem, 'utf8'),
    unprotect: (stored) => stored.toString('utf8'),
  };
}
