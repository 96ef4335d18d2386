import { describe, expect, it } from 'vitest';
import { estimateStrength } from '../../renderer/src/lib/passphrase-strength';

describe('passphrase strength estimate', () => {
  it('calls short, common or repetitive passphrases weak', () => {
    for (const weak of [
      'a',
      'abc123',
      'password',
      'Password1!',
      'qwerty2024',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ]) {
      expect(estimateStrength(weak).strength, weak).toBe('weak');
    }
  });

  it('calls a mixed password of moderate length fair', () => {
    expect(estimateStrength('Tr0ub4dor&3').strength).toBe('fair');
    expect(estimateStrength('lanternfolds').strength).toBe('fair');
  });

  it('calls a few unrelated words strong, and has no upper length limit', () => {
    expect(estimateStrength('correct horse battery staple').strength).toBe('strong');
    expect(estimateStrength('déjà vu à Montréal 2020').strength).toBe('strong');
    expect(estimateStrength('x7#Kq'.repeat(2000)).strength).toBe('strong');
  });

  it('says the estimate in one sentence of words', () => {
    for (const passphrase of ['abc', 'Tr0ub4dor&3', 'correct horse battery staple']) {
      const { strength, advice } = estimateStrength(passphrase);
      expect(advice).toMatch(new RegExp(`^Strength: ${strength}\\. [^.]+\\.$`));
    }
  });
});
