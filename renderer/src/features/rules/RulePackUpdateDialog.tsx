import { effectiveRangeText } from '../../../../shared/obligations/effective-range';
import { fieldLabel } from '../../../../shared/obligations/rule-pack-diff';
import { rulePackSourceText } from '../../../../shared/obligations/rule-pack-source';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { useRulesStore, type RulePackUpdate } from './rules-store';

type Diff = RulePackUpdate['diff'];
type Mention = Diff['added'][number];

function stamp(pack: Diff['from']): string {
  return `${pack.id} ${pack.version} (published ${pack.published})`;
}

/** The changes a signed rule pack brings, rule by rule, before a person installs it. */
export function RulePackUpdateDialog({ update }: { update: RulePackUpdate }) {
  const install = useRulesStore((state) => state.install);
  const cancel = useRulesStore((state) => state.cancelUpdate);
  const installing = useRulesStore((state) => state.installing);
  const error = useRulesStore((state) => state.updateError);
  const { diff } = update;
  return (
    <Modal
      title="Install this rule pack?"
      wide
      onClose={cancel}
      description="What changes against the active rule pack, rule by rule. Once installed, every case on this computer is evaluated with it."
      footer={
        <>
          <Button onClick={cancel} disabled={installing}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => void install()} disabled={installing}>
            {installing ? 'Installing…' : 'Install'}
          </Button>
        </>
      }
    >
      <dl className="rule-pack__facts rule-pack-update__facts">
        <dt>Rule pack</dt>
        <dd>
          {stamp(diff.from)} → {stamp(diff.to)}
        </dd>
        <dt>Signed by</dt>
        <dd>
          <code>{update.signer.fingerprint}</code> ({update.signer.label}) on{' '}
          <time dateTime={update.signedAt}>{update.signedAt.slice(0, 10)}</time>
        </dd>
        <dt>Active now</dt>
        <dd>{rulePackSourceText(update.current)}</dd>
        <dt>File</dt>
        <dd className="rule-pack__url">{update.path}</dd>
      </dl>
      <p className="rule-pack-update__counts">
        {diff.added.length} added, {diff.changed.length} changed, {diff.retired.length} retired,{' '}
        {diff.unchanged} unchanged.
        {diff.packFields.length > 0 &&
          ` Also changed in the pack: ${diff.packFields.map(fieldLabel).join(', ')}.`}
      </p>
      <Changes title="Added" rules={diff.added} describe={(r) => `in force ${effectiveRangeText([r])}`} />
      <Changes
        title="Changed"
        rules={diff.changed}
        describe={(r) => {
          const was = effectiveRangeText([r.before]);
          const now = effectiveRangeText([r]);
          const fields = r.fields.map(fieldLabel).join(', ');
          return `${fields}; in force ${now}${was === now ? '' : `, was ${was}`}`;
        }}
      />
      <Changes
        title="Retired"
        rules={diff.retired}
        describe={(r) => `was in force ${effectiveRangeText([r])}`}
      />
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}

function Changes<T extends Mention>({
  title,
  rules,
  describe,
}: {
  title: string;
  rules: T[];
  describe: (rule: T) => string;
}) {
  if (rules.length === 0) return null;
  return (
    <section className="rule-pack-update__section" aria-label={`${title} rules`}>
      <h3>
        {title} ({rules.length})
      </h3>
      <ul className="rule-pack-update__list">
        {rules.map((rule) => (
          <li key={rule.id}>
            <code>{rule.id}</code> {rule.jurisdiction}: {rule.title}{' '}
            <span className="muted">({describe(rule)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
