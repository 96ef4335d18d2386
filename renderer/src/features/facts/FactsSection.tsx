import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { useContentChanged } from '../../lib/use-content-changed';
import { useFactsStore } from '../../stores/facts-store';
import { DatesPanel } from './DatesPanel';
import { DecisionsPanel } from './DecisionsPanel';
import { IncidentPanel } from './IncidentPanel';
import { OrganisationPanel } from './OrganisationPanel';
import { RegulationPanel } from './RegulationPanel';

/** What happened, when it was known, and who is answerable: every field saves itself. */
export function FactsSection() {
  const facts = useFactsStore((state) => state.facts);
  const error = useFactsStore((state) => state.error);
  const load = useFactsStore((state) => state.load);

  useEffect(() => {
    void load();
  }, [load]);
  useContentChanged(['facts'], load);

  if (facts === null) {
    return error === null ? (
      <p className="muted" role="status">
        Loading the facts…
      </p>
    ) : (
      <div className="inline-error" role="alert">
        <p>{error}</p>
        <Button small onClick={() => void load()}>
          Try again
        </Button>
      </div>
    );
  }

  return (
    <div className="facts-section inv-section">
      <p className="section-intro">
        Everything here is saved to the case file as you type. Times are entered on a wall clock in a time
        zone and stored as UTC with that zone.
      </p>
      <IncidentPanel facts={facts} />
      <DatesPanel facts={facts} />
      <OrganisationPanel facts={facts} />
      <RegulationPanel facts={facts} />
      <DecisionsPanel facts={facts} />
    </div>
  );
}
