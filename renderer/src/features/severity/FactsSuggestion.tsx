import { Button } from '../../components/Button';
import './suggestion.css';
import { goToField } from '../obligations/go-to-field';
import { SENSITIVITY_WORDS, type SeveritySuggestion } from './suggestion';

interface FactsSuggestionProps {
  suggestion: SeveritySuggestion | null;
  /** Whether the form holds the suggested values. */
  applied: boolean;
  onApply: () => void;
}

const CATEGORY_WORDS = {
  simple: 'simple',
  behavioural: 'behavioural',
  financial: 'financial',
  sensitive: 'sensitive',
} as const;

/**
 * What the facts suggest for the calculator, labelled as a suggestion: each data element recorded
 * with its sensitivity in plain words (credentials counted as what they unlock), and a way back to
 * the suggestion after the form was changed.
 */
export function FactsSuggestion({ suggestion, applied, onApply }: FactsSuggestionProps) {
  if (suggestion === null) {
    return (
      <p className="notice sev-suggestion" role="note" aria-label="Suggestion from the facts">
        No data elements are recorded, so the calculator cannot suggest how sensitive the data is.{' '}
        <button type="button" className="link-button" onClick={() => goToField('people.dataElements')}>
          Record the data involved
        </button>{' '}
        (People &amp; data).
      </p>
    );
  }
  return (
    <section className="notice sev-suggestion" aria-label="Suggestion from the facts">
      <p className="sev-suggestion__title">
        <strong>Suggested from the facts</strong>
        {applied ? ': the form below holds this suggestion. Check each choice before saving.' : '.'}
      </p>
      <ul className="sev-suggestion__list small" aria-label="Data recorded and how sensitive it is">
        {suggestion.elements.map((element) => (
          <li key={element.label}>
            {element.label}: <strong>{SENSITIVITY_WORDS[element.sensitivity]}</strong>
            {element.sensitivity === 'credentials' && (
              <span className="muted">
                {' '}
                (counted as {CATEGORY_WORDS[element.category]}: what they unlock)
              </span>
            )}
          </li>
        ))}
      </ul>
      {!applied && (
        <Button type="button" onClick={onApply}>
          Start from the suggestion
        </Button>
      )}
    </section>
  );
}
