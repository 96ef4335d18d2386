import { AGE_RECIPIENT_PATTERN, type BundleEnvelope } from '../../../../shared/domain/bundle';

/** What the export dialog's "Encrypt the bundle (age)" fields hold. */
export interface EnvelopeChoice {
  encrypt: boolean;
  kind: 'passphrase' | 'recipients';
  passphrase: string;
  repeat: string;
  /** One age recipient per line. */
  recipients: string;
}

export const NO_ENVELOPE: EnvelopeChoice = {
  encrypt: false,
  kind: 'passphrase',
  passphrase: '',
  repeat: '',
  recipients: '',
};

export interface EnvelopeErrors {
  passphrase?: string;
  repeat?: string;
  recipients?: string;
}

/** The recipients typed, one a line, blank lines and surrounding spaces ignored. */
export function recipientLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The envelope to ask main for, or what to fix first. Only the shape of a recipient is checked
 * here; main checks its checksum and says so in one sentence.
 */
export function envelopeFrom(
  choice: EnvelopeChoice,
): { ok: true; envelope: BundleEnvelope | undefined } | { ok: false; errors: EnvelopeErrors } {
  if (!choice.encrypt) return { ok: true, envelope: undefined };
  if (choice.kind === 'passphrase') {
    if (choice.passphrase === '') return { ok: false, errors: { passphrase: 'Enter a passphrase.' } };
    if (choice.repeat !== choice.passphrase)
      return { ok: false, errors: { repeat: 'The two passphrases differ; type the same one twice.' } };
    return { ok: true, envelope: { kind: 'passphrase', passphrase: choice.passphrase } };
  }
  const lines = recipientLines(choice.recipients);
  if (lines.length === 0) return { ok: false, errors: { recipients: 'Add at least one age recipient.' } };
  const wrong = lines.find((line) => !AGE_RECIPIENT_PATTERN.test(line));
  if (wrong !== undefined) {
    const shown = wrong.length > 24 ? `${wrong.slice(0, 24)}…` : wrong;
    return {
      ok: false,
      errors: {
        recipients: `"${shown}" is not an age recipient: each is "age1" and 58 more letters and digits.`,
      },
    };
  }
  return { ok: true, envelope: { kind: 'recipients', recipients: lines } };
}
