import { estimateStrength, type PassphraseStrength } from '../../lib/passphrase-strength';

const LEVELS: readonly PassphraseStrength[] = ['weak', 'fair', 'strong'];

/** Under a new passphrase: before typing, how to choose one; then a three-step meter and the estimate in words. */
export function StrengthHint({ passphrase }: { passphrase: string }) {
  if (passphrase === '') {
    return <>No length limit: a few unrelated words beat a short password.</>;
  }
  const { strength, advice } = estimateStrength(passphrase);
  const reached = LEVELS.indexOf(strength);
  return (
    <span className={`strength strength--${strength}`}>
      <span className="strength__meter" aria-hidden="true">
        {LEVELS.map((level, index) => (
          <span
            key={level}
            className={index <= reached ? 'strength__step strength__step--on' : 'strength__step'}
          />
        ))}
      </span>
      <span className="strength__text">{advice}</span>
    </span>
  );
}
