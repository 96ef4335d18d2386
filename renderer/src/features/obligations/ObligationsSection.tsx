import { useId, useRef, type KeyboardEvent } from 'react';
import { useObligationsStore, type ObligationsTab } from '../../stores/obligations-store';
import { RegisterPanel } from '../register/RegisterPanel';
import { SeverityPanel } from '../severity/SeverityPanel';
import { ObligationsBoard } from './ObligationsBoard';

const TABS: { id: ObligationsTab; label: string }[] = [
  { id: 'board', label: 'Notifications' },
  { id: 'severity', label: 'Severity' },
  { id: 'register', label: 'Breach register' },
];

/** Who must be told what, by when (the board); the severity assessment; the Art. 33(5) register. */
export function ObligationsSection() {
  const tab = useObligationsStore((state) => state.tab);
  const showTab = useObligationsStore((state) => state.showTab);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const panelId = useId();
  const selected = Math.max(
    0,
    TABS.findIndex((t) => t.id === tab),
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    let next: number;
    if (event.key === 'ArrowRight') next = (selected + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (selected - 1 + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    else return;
    event.preventDefault();
    const target = TABS[next];
    if (target === undefined) return;
    showTab(target.id);
    refs.current[next]?.focus();
  }

  return (
    <div className="obl-section">
      <div className="obl-tabs" role="tablist" aria-label="Obligations views" onKeyDown={onKeyDown}>
        {TABS.map((t, index) => (
          <button
            key={t.id}
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${panelId}-tab-${t.id}`}
            className="obl-tabs__tab"
            aria-selected={index === selected}
            aria-controls={panelId}
            tabIndex={index === selected ? 0 : -1}
            onClick={() => showTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        id={panelId}
        role="tabpanel"
        className="obl-tabpanel"
        aria-labelledby={`${panelId}-tab-${TABS[selected]?.id ?? 'board'}`}
      >
        {tab === 'board' && <ObligationsBoard />}
        {tab === 'severity' && <SeverityPanel />}
        {tab === 'register' && <RegisterPanel />}
      </div>
    </div>
  );
}
