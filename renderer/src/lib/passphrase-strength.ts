/**
 * A rough, offline estimate of how hard a passphrase is to guess, said in words. It counts the
 * kinds of characters used and the length (no upper limit), and gives little credit to repeated
 * characters or to the handful of passwords every guesser tries first. It is a hint for the person
 * choosing one, never a gate: the app accepts any passphrase.
 */
export type PassphraseStrength = 'weak' | 'fair' | 'strong';

export interface StrengthEstimate {
  strength: PassphraseStrength;
  /** One sentence for the field's hint. */
  advice: string;
}

const CHARACTER_KINDS: readonly { pattern: RegExp; size: number }[] = [
  { pattern: /[a-z]/, size: 26 },
  { pattern: /[A-Z]/, size: 26 },
  { pattern: /[0-9]/, size: 10 },
  { pattern: /[ !-/:-@[-`{-~]/, size: 33 },
  // Letters beyond ASCII (accents, other scripts) widen what a guesser must try.
  { pattern: /[^\0-\x7f]/, size: 100 },
];

/** Guessed first, whatever their length: the estimate calls them weak. */
const COMMON = new Set([
  'password',
  'passphrase',
  'passw0rd',
  'letmein',
  'qwerty',
  'qwertyuiop',
  'azerty',
  'iloveyou',
  'admin',
  'welcome',
  'breachdesk',
  'changeme',
  'secret',
  'abc123',
  '123456',
  '12345678',
  '123456789',
  '1234567890',
]);

/** About this many bits of guessing work make a passphrase fair, and strong. */
const FAIR_BITS = 50;
const STRONG_BITS = 80;

const ADVICE: Record<PassphraseStrength, string> = {
  weak: 'Strength: weak. Easy to guess; add a few unrelated words.',
  fair: 'Strength: fair. Another word or two makes it much stronger.',
  strong: 'Strength: strong. Keep it safe: it cannot be recovered.',
};

function guessingBits(passphrase: string): number {
  const characters = [...passphrase];
  const pool = CHARACTER_KINDS.filter((kind) => kind.pattern.test(passphrase)).reduce(
    (sum, kind) => sum + kind.size,
    0,
  );
  // "aaaaaaaaaaaa" is not twelve characters' worth of guessing: each distinct character counts at most thrice.
  const distinct = new Set(characters).size;
  const effectiveLength = Math.min(characters.length, distinct * 3);
  return pool <= 1 ? 0 : effectiveLength * Math.log2(pool);
}

function isCommon(passphrase: string): boolean {
  const core = passphrase
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/\d+$/, '');
  return COMMON.has(passphrase.toLowerCase()) || COMMON.has(core);
}

export function estimateStrength(passphrase: string): StrengthEstimate {
  const bits = isCommon(passphrase) ? 0 : guessingBits(passphrase);
  const strength: PassphraseStrength = bits >= STRONG_BITS ? 'strong' : bits >= FAIR_BITS ? 'fair' : 'weak';
  return { strength, advice: ADVICE[strength] };
}
