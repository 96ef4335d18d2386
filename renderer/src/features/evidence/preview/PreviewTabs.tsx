import { useRef, type KeyboardEvent } from 'react';
import type { PreviewMode } from './use-preview';

export interface PreviewTab {
  mode: PreviewMode;
  label: string;
}

/** The preview's modes as a tablist: arrows, Home and End move and select (one tab stop). */
export function PreviewTabs({
  tabs,
  mode,
  onChange,
  panelId,
}: {
  tabs: PreviewTab[];
  mode: PreviewMode;
  onChange: (mode: PreviewMode) => void;
  panelId: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const selected = Math.max(
    0,
    tabs.findIndex((tab) => tab.mode === mode),
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    let next: number;
    if (event.key === 'ArrowRight') next = (selected + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (selected - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    const tab = tabs[next];
    if (tab === undefined) return;
    onChange(tab.mode);
    refs.current[next]?.focus();
  }

  return (
    <div className="evp-tabs" role="tablist" aria-label="Show the item as" onKeyDown={onKeyDown}>
      {tabs.map((tab, index) => (
        <button
          key={tab.mode}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          role="tab"
          id={tabIdOf(panelId, tab.mode)}
          className="evp-tabs__tab"
          aria-selected={index === selected}
          aria-controls={panelId}
          tabIndex={index === selected ? 0 : -1}
          onClick={() => onChange(tab.mode)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** The id of a mode's tab, so the panel can be labelled by the selected one. */
export function tabIdOf(panelId: string, mode: PreviewMode): string {
  return `${panelId}-tab-${mode}`;
}
