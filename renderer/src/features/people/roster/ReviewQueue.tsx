import { useId, useState } from 'react';
import type { ReviewPair } from '../../../../../shared/domain/roster';
import { Button } from '../../../components/Button';
import { RecordCard } from './RecordCard';
import { RevealToggle } from './RevealToggle';
import { useRosterStore } from './roster-store';

/**
 * Records that look like the same person (same name, date of birth and postal code) but were not
 * merged automatically: someone decides, pair by pair.
 */
export function ReviewQueue({ pairs }: { pairs: readonly ReviewPair[] }) {
  const id = useId();
  return (
    <section className="roster-block" aria-labelledby={id}>
      <h4 id={id} className="panel__subtitle">
        Review queue
      </h4>
      {pairs.length === 0 ? (
        <p className="muted">No records wait for a decision.</p>
      ) : (
        <>
          <p className="panel__intro">
            These records share a name, date of birth and postal code but nothing that proves they are one
            person. Merge them to count one person, or keep them apart to count two.
          </p>
          <ol className="roster-pairs" aria-label="Pairs to review">
            {pairs.map((pair, index) => (
              <PairItem key={pair.id} pair={pair} number={index + 1} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function PairItem({ pair, number }: { pair: ReviewPair; number: number }) {
  const decide = useRosterStore((state) => state.decide);
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = `pair ${number}`;

  async function choose(decision: 'merge' | 'apart'): Promise<void> {
    setBusy(true);
    setError(null);
    const failure = await decide(pair.id, decision);
    setBusy(false);
    setError(failure);
  }

  return (
    <li className="roster-pair" aria-label={`Pair ${number}`}>
      <div className="roster-pair__records">
        <RecordCard record={pair.first} revealed={revealed} />
        <RecordCard record={pair.second} revealed={revealed} />
      </div>
      <div className="roster-pair__actions">
        <RevealToggle revealed={revealed} onToggle={() => setRevealed(!revealed)} of={name} />
        <Button small onClick={() => void choose('apart')} disabled={busy} aria-label={`Keep ${name} apart`}>
          Keep apart
        </Button>
        <Button
          small
          variant="primary"
          onClick={() => void choose('merge')}
          disabled={busy}
          aria-label={`Merge ${name}`}
        >
          Merge
        </Button>
      </div>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
