import { useEffect, useId, useState } from 'react';
import type { HarmDetermination, HarmTest } from '../../../../shared/domain/harm-determinations';
import type { OpenDecision } from '../../../../shared/obligations/obligation';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useContentChanged } from '../../lib/use-content-changed';
import { useHarmStore } from '../../stores/harm-store';
import { useObligationsStore, type ObligationsBoard } from '../../stores/obligations-store';
import { FINDING_LABELS, HarmDecisionDialog } from './HarmDecisionDialog';
import { formatAt } from './format';
import './harm.css';

const AREAS = ['obligations'] as const;

/** The id of a jurisdiction's entry in the list, where focus goes once its dialog closes. */
export function harmEntryId(jurisdiction: string): string {
  return `harm-decision-${jurisdiction}`;
}

/** The jurisdictions whose harm decision the board waits on. */
function openJurisdictions(board: ObligationsBoard | null): Set<string> {
  const open = new Set<string>();
  if (board === null) return open;
  const decisions: (OpenDecision | null)[] = [
    ...board.rows.map((r) => r.obligation?.openDecision ?? null),
    ...board.decisionNeeded.map((d) => d.decision),
  ];
  for (const d of decisions)
    if (d?.kind === 'state_harm' && d.jurisdiction !== null) open.add(d.jurisdiction);
  return open;
}

/**
 * The US states' risk-of-harm decisions of this case: each one recorded (finding, who, when, the
 * basis; Change… and Clear…) and each one the board waits on. Hosts the harm-decision dialog,
 * whichever button opened it.
 */
export function HarmDecisions() {
  const listing = useHarmStore((state) => state.listing);
  const error = useHarmStore((state) => state.error);
  const load = useHarmStore((state) => state.load);
  const editing = useHarmStore((state) => state.editing);
  const closeDialog = useHarmStore((state) => state.closeDialog);
  const board = useObligationsStore((state) => state.board);
  const id = useId();

  useEffect(() => {
    void load();
  }, [load]);
  useContentChanged(AREAS, load);

  const open = openJurisdictions(board);
  const recorded = listing?.determinations ?? [];
  const shown = (listing?.tests ?? []).filter(
    (t) => open.has(t.jurisdiction) || recorded.some((d) => d.jurisdiction === t.jurisdiction),
  );
  const editingTest = listing?.tests.find((t) => t.jurisdiction === editing) ?? null;

  function close(): void {
    const jurisdiction = editing;
    closeDialog();
    // The button that opened it may be gone with the decision it answered: keep the keyboard here.
    window.requestAnimationFrame(() => {
      if (jurisdiction !== null && document.activeElement === document.body) {
        document.getElementById(harmEntryId(jurisdiction))?.focus();
      }
    });
  }

  return (
    <>
      {(shown.length > 0 || error !== null) && (
        <section className="harm-decisions" aria-labelledby={id}>
          <h3 id={id} className="obl-decisions__heading">
            Harm decisions ({recorded.length} recorded, {shown.length - recorded.length} open)
          </h3>
          {error !== null && (
            <p className="inline-error" role="alert">
              {error}
            </p>
          )}
          <ul className="harm-decisions__list" aria-label="Harm decisions by jurisdiction">
            {shown.map((test) => (
              <HarmEntry
                key={test.jurisdiction}
                test={test}
                decision={recorded.find((d) => d.jurisdiction === test.jurisdiction) ?? null}
              />
            ))}
          </ul>
        </section>
      )}
      {editingTest !== null && (
        <HarmDecisionDialog
          test={editingTest}
          current={recorded.find((d) => d.jurisdiction === editingTest.jurisdiction) ?? null}
          onClose={close}
        />
      )}
    </>
  );
}

function HarmEntry({ test, decision }: { test: HarmTest; decision: HarmDetermination | null }) {
  const edit = useHarmStore((state) => state.edit);
  const clear = useHarmStore((state) => state.clear);
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();

  return (
    <li className="harm-decision" aria-labelledby={titleId}>
      <div className="obl-decision__head">
        <span className={decision === null ? 'obl-decision__mark' : 'harm-decision__mark'}>
          {decision === null ? 'Decision needed' : 'Decided'}
        </span>
        <span id={titleId} className="obl-decision__title">
          <span id={harmEntryId(test.jurisdiction)} tabIndex={-1}>
            {test.name}
          </span>
        </span>
      </div>
      <p className="obl-decision__text small">
        The law&rsquo;s test ({test.citation}): {test.test}.
      </p>
      {decision === null ? (
        <div className="obl-decision__actions">
          <Button small variant="primary" aria-describedby={titleId} onClick={() => edit(test.jurisdiction)}>
            Record the harm decision…
          </Button>
        </div>
      ) : (
        <>
          <p className="harm-decision__finding">
            <strong>{FINDING_LABELS[decision.finding]}</strong>{' '}
            <span className="small muted">
              decided by {decision.decidedBy}, {formatAt(decision.decidedAt)}
            </span>
          </p>
          <p className="harm-decision__basis">{decision.basis}</p>
          <div className="obl-decision__actions">
            <Button small aria-describedby={titleId} onClick={() => edit(test.jurisdiction)}>
              Change…
            </Button>
            <Button small aria-describedby={titleId} onClick={() => setConfirming(true)}>
              Clear…
            </Button>
          </div>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Clear the harm decision for ${test.name}?`}
          confirmLabel="Clear the decision"
          onConfirm={() => clear(test.jurisdiction)}
          onClose={() => setConfirming(false)}
        >
          The decision and its basis are removed (the audit log keeps them); the notices of {test.name} wait
          on the harm decision again.
        </ConfirmDialog>
      )}
    </li>
  );
}
