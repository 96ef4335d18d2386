import { useEffect, useState } from 'react';
import { PARTY_KIND_LABELS } from '../../../../shared/domain/parties';
import { Button } from '../../components/Button';
import { useContentChanged } from '../../lib/use-content-changed';
import { usePartiesStore } from '../../stores/parties-store';
import { NewPartyForm } from './NewPartyForm';
import { PartyDetail } from './PartyDetail';

/** Parties on the left (name, kind, role), the selected one on the right, edited in place. */
export function PartiesSection() {
  const parties = usePartiesStore((state) => state.parties);
  const selectedId = usePartiesStore((state) => state.selectedId);
  const error = usePartiesStore((state) => state.error);
  const load = usePartiesStore((state) => state.load);
  const select = usePartiesStore((state) => state.select);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);
  useContentChanged(['parties'], load);

  const sorted = [...(parties ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const selected = sorted.find((party) => party.id === selectedId);
  const showForm = creating || (parties !== null && parties.length === 0);

  return (
    <div className="master-detail inv-section">
      <div className="master">
        <div className="master__toolbar">
          <Button variant="primary" onClick={() => setCreating(true)} disabled={showForm}>
            New party
          </Button>
        </div>
        {error !== null && (
          <p className="notice notice--fail" role="alert">
            {error}
          </p>
        )}
        {parties !== null && parties.length === 0 && (
          <p className="empty">
            No parties yet. Record the partners, processors, regulators, counsel and law enforcement involved.
          </p>
        )}
        {sorted.length > 0 && (
          <ul className="master__list" aria-label="Parties">
            {sorted.map((party) => (
              <li key={party.id}>
                <button
                  type="button"
                  className="master__item"
                  aria-current={!showForm && party.id === selectedId ? 'true' : undefined}
                  onClick={() => {
                    setCreating(false);
                    select(party.id);
                  }}
                >
                  <span className="master__item-title">{party.name}</span>
                  <span className="master__item-meta">
                    <span className="kind-tag">{PARTY_KIND_LABELS[party.kind]}</span>
                    {party.role !== '' && <span className="master__item-role">{party.role}</span>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="detail">
        {showForm ? (
          <NewPartyForm
            onDone={() => setCreating(false)}
            cancellable={parties !== null && parties.length > 0}
          />
        ) : (
          selected !== undefined && <PartyDetail key={selected.id} party={selected} />
        )}
      </div>
    </div>
  );
}
