import { describe, expect, it } from 'vitest';
import {
  envelopeFrom,
  NO_ENVELOPE,
  recipientLines,
} from '../../renderer/src/features/bundles/envelope-choice';

const RECIPIENT = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

/** The export dialog's "Encrypt the bundle (age)" fields, as the envelope main is asked for. */
describe('envelopeFrom', () => {
  it('asks for no envelope unless the box is ticked', () => {
    expect(envelopeFrom({ ...NO_ENVELOPE, passphrase: 'ignored' })).toEqual({
      ok: true,
      envelope: undefined,
    });
  });

  it('needs a passphrase typed the same twice', () => {
    const on = { ...NO_ENVELOPE, encrypt: true };
    expect(envelopeFrom(on)).toEqual({ ok: false, errors: { passphrase: 'Enter a passphrase.' } });
    expect(envelopeFrom({ ...on, passphrase: 'a b c', repeat: 'a b' })).toMatchObject({
      ok: false,
      errors: { repeat: 'The two passphrases differ; type the same one twice.' },
    });
    expect(envelopeFrom({ ...on, passphrase: ' a b c ', repeat: ' a b c ' })).toEqual({
      ok: true,
      envelope: { kind: 'passphrase', passphrase: ' a b c ' },
    });
  });

  it('takes recipients one a line, and names one that is not a recipient', () => {
    const on = { ...NO_ENVELOPE, encrypt: true, kind: 'recipients' as const };
    expect(envelopeFrom({ ...on, recipients: ' \n ' })).toEqual({
      ok: false,
      errors: { recipients: 'Add at least one age recipient.' },
    });
    expect(envelopeFrom({ ...on, recipients: `${RECIPIENT}\nage1short` })).toEqual({
      ok: false,
      errors: {
        recipients: '"age1short" is not an age recipient: each is "age1" and 58 more letters and digits.',
      },
    });
    expect(
      envelopeFrom({ ...on, recipients: `\r\n  ${RECIPIENT}  \r\n\r\n${RECIPIENT.toUpperCase()}` }),
    ).toMatchObject({
      ok: false,
    });
    expect(envelopeFrom({ ...on, recipients: `\n ${RECIPIENT} \n` })).toEqual({
      ok: true,
      envelope: { kind: 'recipients', recipients: [RECIPIENT] },
    });
    expect(recipientLines(' a \r\n\r\nb ')).toEqual(['a', 'b']);
  });
});
