import { effectiveRangeText } from '../../../../shared/obligations/effective-range';
import type { RulePackListing } from './rules-store';

/**
 * The regimes abroad and by sector by the names people know them (UK GDPR, NIS2, HIPAA…), with
 * the jurisdictions their rules sit under: someone looking for "DORA" finds it without knowing
 * the pack files it under EU.
 */
export function RegimesTable({ listing }: { listing: RulePackListing }) {
  if (listing.regimes.length === 0) return null;
  const rulesById = new Map(listing.jurisdictions.flatMap((j) => j.rules.map((r) => [r.id, r] as const)));
  return (
    <div className="table-scroll">
      <table className="data-table rule-pack__table">
        <caption className="rule-pack__caption">Regimes abroad and by sector, by name</caption>
        <thead>
          <tr>
            <th scope="col">Regime</th>
            <th scope="col">Jurisdictions</th>
            <th scope="col" className="num">
              Rules
            </th>
            <th scope="col" className="num">
              ⚠ To be verified
            </th>
            <th scope="col">In force</th>
          </tr>
        </thead>
        <tbody>
          {listing.regimes.map((regime) => {
            const rules = regime.ruleIds.flatMap((id) => rulesById.get(id) ?? []);
            return (
              <tr key={regime.name}>
                <th scope="row">{regime.name}</th>
                <td>
                  <code>{regime.jurisdictions.join(', ')}</code>
                </td>
                <td className="num">{regime.ruleIds.length}</td>
                <td className={regime.unverifiedCount > 0 ? 'num rule-pack__unverified' : 'num'}>
                  {regime.unverifiedCount > 0 ? `⚠ ${regime.unverifiedCount}` : '0'}
                </td>
                <td className="nowrap">{effectiveRangeText(rules)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
