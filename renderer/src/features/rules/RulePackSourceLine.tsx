import { rulePackSourceText, type RulePackSource } from '../../../../shared/obligations/rule-pack-source';
import { Button } from '../../components/Button';
import { useRulesStore } from './rules-store';

/**
 * Where the active pack came from (shipped, or installed from a signed file, by whom), a warning
 * when an installed pack is not used, and Import signed pack… for a newer one.
 */
export function RulePackSourceLine({ source }: { source: RulePackSource }) {
  const chooseUpdate = useRulesStore((state) => state.chooseUpdate);
  const showing = useRulesStore((state) => state.update !== null);
  const error = useRulesStore((state) => state.updateError);
  const rejected = source.kind === 'shipped' && source.rejected !== null;
  return (
    <div className="rule-pack__source">
      <p className={rejected ? 'rule-pack__source-text rule-pack__unverified' : 'rule-pack__source-text'}>
        {rejected && '⚠ '}
        {rulePackSourceText(source)}
      </p>
      <Button small onClick={() => void chooseUpdate()}>
        Import signed pack…
      </Button>
      {error !== null && !showing && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
