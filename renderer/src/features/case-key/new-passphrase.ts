import { passphraseSchema } from '../../../../shared/domain/case';

/** A new passphrase as typed twice. */
export interface NewPassphraseDraft {
  passphrase: string;
  repeat: string;
}

export type NewPassphraseErrors = { passphrase?: string; repeat?: string };

export const EMPTY_NEW_PASSPHRASE: NewPassphraseDraft = { passphrase: '', repeat: '' };

/** What is wrong with a new passphrase, one sentence per field; empty when it can be used. */
export function checkNewPassphrase(draft: NewPassphraseDraft): NewPassphraseErrors {
  if (draft.passphrase === '') return { passphrase: 'Enter a passphrase.' };
  const parsed = passphraseSchema.safeParse(draft.passphrase);
  if (!parsed.success)
    return { passphrase: `${parsed.error.issues[0]?.message ?? 'This passphrase cannot be used'}.` };
  if (draft.repeat !== draft.passphrase) {
    return { repeat: 'The two passphrases do not match.' };
  }
  return {};
}
