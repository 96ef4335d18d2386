import { useId } from 'react';
import type { BundleVerification } from '../../../../shared/domain/bundle';
import { yesNo } from './format';

const NOT_STATED = <span className="muted">Not stated</span>;

/** What bag-info.txt says about the bundle. */
export function BagFacts({ bag }: { bag: BundleVerification['bag'] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="bundle-subtitle">
        Bag information
      </h3>
      <dl className="facts bundle-facts">
        <dt>Case title</dt>
        <dd>{bag.title ?? NOT_STATED}</dd>
        <dt>Organisation</dt>
        <dd>{bag.organisation ?? NOT_STATED}</dd>
        <dt>Bagging date</dt>
        <dd className="num">{bag.baggingDate ?? NOT_STATED}</dd>
        <dt>Bundle id</dt>
        <dd>{bag.bundleId === null ? NOT_STATED : <code className="mono">{bag.bundleId}</code>}</dd>
        <dt>Payload-Oxum</dt>
        <dd className="num">
          {bag.payloadOxum === null ? NOT_STATED : <span title="bytes.files">{bag.payloadOxum}</span>}
        </dd>
        <dt>Evidence files included</dt>
        <dd>{yesNo(bag.includesEvidence)}</dd>
        <dt>Privileged notes included</dt>
        <dd>{yesNo(bag.includesPrivilegedNotes)}</dd>
      </dl>
    </section>
  );
}
