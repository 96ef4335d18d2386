/**
 * How this installation's private signing key is kept at rest. The app encrypts it with
 * Electron's safeStorage (the system keychain); the command line, which has no keychain
 * access, keeps it in a file only its owner can read. Only main/shell may import electron,
 * so the app's protector is built there and handed in.
 */
export interface KeyProtector {
  /** The key file's name in the config folder; the app and the command line use different ones. */
  readonly fileName: string;
  /** Who signs with it, as listed among the trusted keys. */
  readonly label: string;
  /** How the key is protected, in a sentence a person can check. */
  readonly description: string;
  protect(pem: string): Buffer;
  unprotect(stored: Buffer): string;
}

/** The command line's protection: the PEM itself, in a file created with mode 0600. */
export function ownerOnlyFileProtector(label = 'This computer (command line)'): KeyProtector {
  return {
    fileName: 'signing-key.pem',
    label,
    description: 'Kept in a file only your account can read (mode 0600) in the Breachdesk config folder.',
    protect: (pem) => Buffer.from(pem, 'utf8'),
    unprotect: (stored) => stored.toString('utf8'),
  };
}
