import { useId, useState } from 'react';
import type { HarmDetermination, HarmTest } from '../../../../shared/domain/harm-determinations';
import type { HarmFinding } from '../../../../shared/obligations/obligation';
import { FieldFrame } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useHarmStore } from '../../stores/harm-store';

/** The two answers, in words; what each means for the notices of the jurisdiction. */
export const FINDING_LABELS: Record<HarmFinding, string> = {
  harm_likely: 'Harm is likely: notify',
  harm_not_likely: 'No reasonable likelihood of harm: do not notify',
};

/** What each answer means under the law's own test (an exemption, or a condition of notice). */
function testMeaning(test: HarmTest, finding: HarmFinding): string {
  if (test.kind === 'exemption') {
    return finding === 'harm_not_likely'
      ? `The exemption applies: ${test.test}. The notice is not owed.`
      : 'The exemption does not apply: the notice stays owed.';
  }
  return finding === 'harm_likely'
    ? `The condition is met: ${test.test}. The notice is owed.`
    : 'The condition is not met: the notice is not owed.';
}

interface HarmDecisionDialogProps {
  test: HarmTest;
  /** The decision recorded now, if any: the dialog starts from it. */
  current: HarmDetermination | null;
  onClose: () => void;
}

/**
 * Records a US state's risk-of-harm decision for a jurisdiction: the finding (two options
 * worded from the law's test) and its basis in writing, which the law asks for (required).
 */
export function HarmDecisionDialog({ test, current, onClose }: HarmDecisionDialogProps) {
  const save = useHarmStore((state) => state.save);
  const [finding, setFinding] = useState<HarmFinding | null>(current?.finding ?? null);
  const [basis, setBasis] = useState(current?.basis ?? '');
  const [findingError, setFindingError] = useState<string | null>(null);
  const [basisError, setBasisError] = useState<string | null>(null);
  const name = useId();

  function submit(): Promise<string | null> | undefined {
    const missingFinding = finding === null ? 'Choose whether harm is likely' : null;
    const missingBasis =
      basis.trim() === '' ? 'Record the basis of the decision: the law asks for it in writing' : null;
    setFindingError(missingFinding);
    setBasisError(missingBasis);
    if (finding === null || missingBasis !== null) return undefined;
    return save({ jurisdiction: test.jurisdiction, finding, basis: basis.trim() });
  }

  return (
    <FormDialog
      title={`Harm decision: ${test.name}`}
      description={
        <>
          The law&rsquo;s test ({test.citation}): <q>{test.test}</q>.{' '}
          {test.kind === 'exemption'
            ? 'Notice is owed unless a person determines this.'
            : 'Notice is owed only if a person determines this.'}
        </>
      }
      submitLabel="Save"
      wide
      onClose={onClose}
      submit={submit}
    >
      <fieldset
        className="harm-dialog__findings"
        aria-describedby={findingError === null ? undefined : `${name}-error`}
      >
        <legend className="field__label">Finding</legend>
        {(['harm_likely', 'harm_not_likely'] as const).map((option) => (
          <label key={option} className="check harm-dialog__option">
            <input
              type="radio"
              name={name}
              value={option}
              checked={finding === option}
              aria-describedby={`${name}-${option}`}
              onChange={() => {
                setFinding(option);
                setFindingError(null);
              }}
            />
            <span>
              {FINDING_LABELS[option]}
              <span id={`${name}-${option}`} className="harm-dialog__meaning">
                {testMeaning(test, option)}
              </span>
            </span>
          </label>
        ))}
        {findingError !== null && (
          <p className="field__error" id={`${name}-error`}>
            <span aria-hidden="true">✕ </span>
            {findingError}
          </p>
        )}
      </fieldset>
      <FieldFrame
        label="Basis of the decision (in writing)"
        error={basisError}
        hint={
          test.conditions === ''
            ? 'What was investigated, and why harm is or is not likely.'
            : `What was investigated, and why harm is or is not likely. The law asks: ${test.conditions}`
        }
      >
        {({ inputId, describedBy, invalid }) => (
          <textarea
            id={inputId}
            className="field__control field__control--area"
            rows={6}
            maxLength={4000}
            value={basis}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              setBasis(event.target.value);
              setBasisError(null);
            }}
          />
        )}
      </FieldFrame>
    </FormDialog>
  );
}
