import { useState } from 'react';
import type { Population } from '../../../../shared/domain/populations';
import { jurisdictionName } from '../../../../shared/jurisdictions/jurisdictions';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { draftSlot, isString } from '../../lib/kept-drafts';
import { useAutosave } from '../../lib/use-autosave';
import { usePeopleStore } from '../../stores/people-store';
import { formatCount } from '../../../../shared/text/count';
import { COUNT_PROBLEM, parseCount } from './counts';

/** One jurisdiction's row: its count edited in place (saved after a pause or on leaving), exact or not. */
export function PopulationRow({ population }: { population: Population }) {
  const setPopulation = usePeopleStore((state) => state.setPopulation);
  const remove = usePeopleStore((state) => state.removePopulation);
  const [confirming, setConfirming] = useState(false);
  const name = jurisdictionName(population.jurisdiction);
  const countKey = `populations.${population.id}.count` as const;
  const count = useAutosave<string>({
    saveKey: countKey,
    stored: formatCount(population.count),
    same: (a, b) => a === b,
    normalise: (text) => {
      const value = parseCount(text);
      return value === null ? text : formatCount(value);
    },
    validate: (text) => (parseCount(text) === null ? COUNT_PROBLEM : null),
    save: async (text) => {
      const value = parseCount(text);
      if (value === null) return false;
      const input = { jurisdiction: population.jurisdiction, count: value, exact: population.exact };
      return (await setPopulation(countKey, input)) === null;
    },
    ...draftSlot(countKey, isString),
  });

  return (
    <tr data-search-target={`people:${population.id}`}>
      <th scope="row">{name}</th>
      <td>
        <code className="muted">{population.jurisdiction}</code>
      </td>
      <td className="num">
        <input
          type="text"
          inputMode="numeric"
          className="field__control field__control--compact count-cell"
          aria-label={`People affected in ${name}`}
          aria-invalid={count.error !== null || undefined}
          title={count.error ?? undefined}
          value={count.draft}
          onChange={(event) => count.change(event.target.value)}
          onBlur={count.commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') count.commit();
          }}
        />
      </td>
      <td>
        <label className="check">
          <input
            type="checkbox"
            aria-label={`Exact count for ${name}`}
            checked={population.exact}
            onChange={(event) =>
              void setPopulation(`populations.${population.id}.exact`, {
                jurisdiction: population.jurisdiction,
                count: population.count,
                exact: event.target.checked,
              })
            }
          />
          <span aria-hidden="true" className={population.exact ? undefined : 'estimate-mark'}>
            {population.exact ? 'Exact' : 'Estimate'}
          </span>
        </label>
      </td>
      <td className="data-table__actions">
        <Button small variant="quiet" onClick={() => setConfirming(true)} aria-label={`Remove ${name}`}>
          Remove
        </Button>
        {confirming && (
          <ConfirmDialog
            title={`Remove ${name}?`}
            confirmLabel="Remove row"
            onConfirm={() => remove(population.id)}
            onClose={() => setConfirming(false)}
          >
            <p>
              The row for {name} ({population.jurisdiction}) with {formatCount(population.count)}{' '}
              {population.exact ? '' : 'estimated '}
              {population.count === 1 ? 'person' : 'people'} will be removed from this case. The removal is
              recorded in the audit log.
            </p>
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}
