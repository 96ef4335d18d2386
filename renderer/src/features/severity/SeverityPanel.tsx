import { useCallback, useEffect, useMemo } from 'react';
import '../../styles/severity.css';
import { useContentChanged } from '../../lib/use-content-changed';
import { formatInstant } from '../../lib/time';
import { useFactsStore } from '../../stores/facts-store';
import { usePeopleStore } from '../../stores/people-store';
import { enisaOf, useSeverityStore } from '../../stores/severity-store';
import { DecisionForm } from './DecisionForm';
import { EnisaCalculator } from './EnisaCalculator';
import { FactorsChecklist } from './FactorsChecklist';
import { ScoreResult } from './ScoreResult';
import { VersionHistory } from './VersionHistory';
import { VersionView } from './VersionView';
import { FactsSuggestion } from './FactsSuggestion';
import { holdsSuggestion, suggestFromFacts } from './suggestion';
import { RISK_TEXT } from './wording';

/** Where the form came from, and what saving it adds. */
function originText(latest: number | null, from: number | null, dirty: boolean, suggested: boolean): string {
  if (latest === null) {
    return suggested && !dirty
      ? 'A new assessment: no version saved yet. The form starts from the facts, as a suggestion to check.'
      : 'A new assessment: no version saved yet.';
  }
  const start = from === null ? 'a blank form' : `version ${from}`;
  if (dirty) return `Changed since ${start}; saving adds version ${latest + 1}.`;
  return from === latest
    ? `The form starts from version ${from}, the latest.`
    : `The form starts from ${start}; saving adds version ${latest + 1}.`;
}

/**
 * The severity of the breach by the ENISA method (SE = DPC × EI + CB), the EDPB risk factors,
 * and the GDPR risk decision a person confirms; every save is a new, kept version. A case with no
 * saved version starts from what the facts suggest (data elements, nature of the breach), said so.
 */
export function SeverityPanel() {
  const versions = useSeverityStore((state) => state.versions);
  const draft = useSeverityStore((state) => state.draft);
  const dirty = useSeverityStore((state) => state.dirty);
  const fromVersion = useSeverityStore((state) => state.fromVersion);
  const viewingId = useSeverityStore((state) => state.viewingId);
  const error = useSeverityStore((state) => state.error);
  const saving = useSeverityStore((state) => state.saving);
  const load = useSeverityStore((state) => state.load);
  const edit = useSeverityStore((state) => state.edit);
  const restart = useSeverityStore((state) => state.restart);
  const view = useSeverityStore((state) => state.view);
  const saveVersion = useSeverityStore((state) => state.save);

  useEffect(() => {
    void load();
  }, [load]);
  useContentChanged(['obligations'], load);

  const elements = usePeopleStore((state) => state.elements);
  const loadElements = usePeopleStore((state) => state.loadElements);
  const facts = useFactsStore((state) => state.facts);
  const loadFacts = useFactsStore((state) => state.load);
  useEffect(() => {
    void loadElements();
    void loadFacts();
  }, [loadElements, loadFacts]);
  useContentChanged(['dataElements'], loadElements);
  useContentChanged(['facts'], loadFacts);
  const suggestion = useMemo(
    () => (elements === null ? null : suggestFromFacts(elements, facts?.nature ?? [])),
    [elements, facts],
  );
  // A blank form (no version saved, nothing changed) starts from the facts instead of "simple".
  const blank = versions !== null && versions.length === 0 && !dirty && draft !== null;
  useEffect(() => {
    if (!blank || suggestion === null || draft === null || holdsSuggestion(draft, suggestion)) return;
    useSeverityStore.setState({ draft: { ...draft, ...suggestion.patch } });
  }, [blank, draft, suggestion]);

  const onSave = useCallback(
    (confirm: boolean) => {
      const current = useSeverityStore.getState().draft;
      return saveVersion(
        confirm && current !== null && current.risk !== null
          ? { risk: current.risk, rationale: current.decisionRationale.trim() }
          : null,
      );
    },
    [saveVersion],
  );

  const latest = versions?.[0];
  const inForce = versions?.find((v) => v.decision !== null);
  const viewing = versions?.find((v) => v.id === viewingId);
  const enisa = draft === null ? null : enisaOf(draft);

  return (
    <section className="panel sev-panel" aria-labelledby="severity-heading">
      <h3 id="severity-heading" className="panel__title">
        Severity and risk
      </h3>
      <p className="panel__intro">
        The ENISA method (2013) scores the severity of the breach from how sensitive the data is, how easily
        people can be identified, and the circumstances of the breach; the EDPB factors and the score inform
        the GDPR risk decision, which a person confirms. Decision support, not legal advice.
      </p>
      {error !== null && (
        <p className="notice notice--fail" role="alert">
          {error}
        </p>
      )}
      {versions !== null && (
        <p className="notice sev-in-force" role="note" aria-label="Decision in force">
          {inForce === undefined || inForce.decision === null ? (
            <>
              No risk decision is confirmed yet: the Art. 33 notification is owed unless you decide the risk
              is unlikely, and the Art. 34 communication waits for your decision (decision needed).
            </>
          ) : (
            <>
              Decision in force: <strong>{RISK_TEXT[inForce.decision.risk].label}</strong> (version{' '}
              {inForce.version}, confirmed by {inForce.decision.confirmedBy}{' '}
              <time dateTime={inForce.decision.confirmedAt}>
                {formatInstant(inForce.decision.confirmedAt)}
              </time>
              ).
            </>
          )}
        </p>
      )}

      {draft === null ? (
        error === null && <p className="muted">Loading the assessment…</p>
      ) : (
        <>
          <p className="sev-form-origin small muted" aria-live="polite">
            {originText(latest?.version ?? null, fromVersion, dirty, suggestion !== null)}
          </p>
          {elements !== null && (
            <FactsSuggestion
              suggestion={suggestion}
              applied={suggestion !== null && holdsSuggestion(draft, suggestion)}
              onApply={() => suggestion !== null && edit(suggestion.patch)}
            />
          )}
          <div className="sev-calculator">
            <EnisaCalculator draft={draft} edit={edit} />
            <ScoreResult enisa={enisa} />
          </div>
          <FactorsChecklist factors={draft.factors} onChange={(factors) => edit({ factors })} />
          <DecisionForm draft={draft} enisa={enisa} edit={edit} saving={saving} onSave={onSave} />
        </>
      )}

      {versions !== null && <VersionHistory versions={versions} viewingId={viewingId} onView={view} />}
      {viewing !== undefined && (
        <VersionView version={viewing} onClose={() => view(null)} onStartFrom={() => restart(viewing)} />
      )}
    </section>
  );
}
