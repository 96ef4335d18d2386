import { useId } from 'react';
import { formatCount } from '../../../../../shared/text/count';
import { combinationLabel } from './format';

/** How many people had each combination of data exposed: what decides which rules count them. */
export function ElementCombinations({ byElements }: { byElements: Readonly<Record<string, number>> }) {
  const id = useId();
  const rows = Object.entries(byElements).sort(
    ([a, countA], [b, countB]) => countB - countA || a.localeCompare(b),
  );
  return (
    <section className="roster-block" aria-labelledby={id}>
      <h4 id={id} className="panel__subtitle">
        People by exposed data
      </h4>
      {rows.length === 0 ? (
        <p className="muted">No exposed data is counted yet.</p>
      ) : (
        <table className="data-table roster-combinations">
          <caption className="offscreen">People by combination of exposed data</caption>
          <thead>
            <tr>
              <th scope="col">Data exposed together</th>
              <th scope="col" className="num">
                People
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([key, count]) => (
              <tr key={key}>
                <th scope="row">{combinationLabel(key)}</th>
                <td className="num">{formatCount(count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
