import { Fragment, useEffect } from 'react';
import { effectiveRangeText } from '../../../../shared/obligations/effective-range';
import { VerifyChip } from '../obligations/VerifyChip';
import { RegimesTable } from './RegimesTable';
import { RulePackSourceLine } from './RulePackSourceLine';
import { RulePackUpdateDialog } from './RulePackUpdateDialog';
import { useRulesStore, type RulePackListing } from './rules-store';
import './rules.css';

type PackJurisdiction = RulePackListing['jurisdictions'][number];
type RuleSummary = PackJurisdiction['rules'][number];

const RECIPIENTS: Record<RuleSummary['recipientKind'], string> = {
  supervisory_authority: 'Supervisory authority',
  attorney_general: 'Attorney general',
  state_police: 'State police',
  other_regulator: 'Other regulator',
  consumer_reporting_agencies: 'Consumer reporting agencies',
  affected_individuals: 'People affected',
  data_owner: 'Data owner (controller)',
};

/** The rule pack's coverage: every jurisdiction by code, its rules on demand, ⚠ where unverified. */
export function RulePackView() {
  const listing = useRulesStore((state) => state.listing);
  const error = useRulesStore((state) => state.error);
  const load = useRulesStore((state) => state.load);
  const update = useRulesStore((state) => state.update);

  useEffect(() => {
    // Read again each time it is shown: a pack may have been installed since (rules import).
    void load(true);
  }, [load]);

  if (error !== null) {
    return (
      <p className="inline-error" role="alert">
        {error}
      </p>
    );
  }
  if (listing === null) return <p className="muted">Reading the rule pack…</p>;
  const rules = listing.jurisdictions.reduce((sum, j) => sum + j.ruleCount, 0);
  const unverified = listing.jurisdictions.reduce((sum, j) => sum + j.unverifiedCount, 0);
  return (
    <div className="rule-pack">
      <p className="rule-pack__summary">
        Rule pack <code>{listing.packId}</code> {listing.packVersion}, published{' '}
        <time dateTime={listing.published}>{listing.published}</time>:{' '}
        <span className="num">{listing.jurisdictions.length}</span> jurisdictions,{' '}
        <span className="num">{rules}</span> rules, <span className="num">{unverified}</span> ⚠ to be verified
        (values nobody has confirmed yet: check them before relying on them).
      </p>
      <RulePackSourceLine source={listing.source} />
      {update !== null && <RulePackUpdateDialog update={update} />}
      <RegimesTable listing={listing} />
      <div className="table-scroll">
        <table className="data-table rule-pack__table">
          <caption className="offscreen">Jurisdictions of the rule pack, by code</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Rules
              </th>
              <th scope="col" className="num">
                ⚠ To be verified
              </th>
              <th scope="col">In force</th>
              <th scope="col">
                <span className="offscreen">Rules and citations</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listing.jurisdictions.map((jurisdiction) => (
              <JurisdictionRows key={jurisdiction.code} jurisdiction={jurisdiction} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function JurisdictionRows({ jurisdiction }: { jurisdiction: PackJurisdiction }) {
  const open = useRulesStore((state) => state.expanded.includes(jurisdiction.code));
  const toggle = useRulesStore((state) => state.toggle);
  const rulesId = `rule-pack-${jurisdiction.code}`;
  const { code, name, ruleCount, unverifiedCount } = jurisdiction;
  return (
    <Fragment>
      <tr className={open ? 'is-expanded' : undefined}>
        <th scope="row">
          <code>{code}</code>
        </th>
        <td>{name}</td>
        <td className="num">{ruleCount}</td>
        <td className={unverifiedCount > 0 ? 'num rule-pack__unverified' : 'num'}>
          {unverifiedCount > 0 ? `⚠ ${unverifiedCount}` : '0'}
        </td>
        <td className="nowrap">
          {jurisdiction.withoutLaw === null ? effectiveRangeText(jurisdiction.rules) : 'No breach law'}
        </td>
        <td className="nowrap">
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            aria-controls={open ? rulesId : undefined}
            aria-label={`${open ? 'Hide' : 'Show'} the rules of ${code} ${name}`}
            onClick={() => toggle(code)}
          >
            {open ? 'Hide' : 'Show'}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="rule-pack__rules" id={rulesId}>
          <td colSpan={6}>
            {jurisdiction.withoutLaw !== null && (
              <p className="rule-pack__without-law">
                {jurisdiction.withoutLaw.verification === 'unverified' && <VerifyChip />}{' '}
                {jurisdiction.withoutLaw.note.replace(/^⚠\s*/, '')}
              </p>
            )}
            {jurisdiction.rules.length > 0 && (
              <ul className="rule-pack__list" aria-label={`Rules of ${code} ${name}`}>
                {jurisdiction.rules.map((rule) => (
                  <RuleItem key={rule.id} rule={rule} />
                ))}
              </ul>
            )}
            {jurisdiction.references.length > 0 && (
              <section className="rule-pack__references" aria-label={`References of ${code} ${name}`}>
                <h4>References</h4>
                <dl className="rule-pack__facts">
                  {jurisdiction.references.map((ref) => (
                    <Fragment key={ref.key}>
                      <dt>{ref.key}</dt>
                      <dd>
                        {ref.supports} <span className="rule-pack__url">{ref.url}</span>
                      </dd>
                    </Fragment>
                  ))}
                </dl>
              </section>
            )}
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function RuleItem({ rule }: { rule: RuleSummary }) {
  return (
    <li className="rule-pack__rule" aria-label={rule.title}>
      <p className="rule-pack__rule-title">
        <strong>{rule.title}</strong> {rule.verification === 'unverified' && <VerifyChip />}
      </p>
      <dl className="rule-pack__facts">
        <dt>Citation</dt>
        <dd>{rule.citation}</dd>
        <dt>Law</dt>
        <dd>{rule.law}</dd>
        <dt>Recipient</dt>
        <dd>{RECIPIENTS[rule.recipientKind]}</dd>
        <dt>In force</dt>
        <dd>{effectiveRangeText([rule])}</dd>
        <dt>Last reviewed</dt>
        <dd>
          <time dateTime={rule.lastReviewed}>{rule.lastReviewed}</time>
        </dd>
        {rule.sources.length > 0 && (
          <>
            <dt>Sources</dt>
            <dd>{rule.sources.join(', ')}</dd>
          </>
        )}
        <dt>Rule id</dt>
        <dd>
          <code>{rule.id}</code>
        </dd>
      </dl>
    </li>
  );
}
