import { useRef, type KeyboardEvent } from 'react';

export interface Tab<T extends string> {
  id: T;
  label: string;
}

interface TabListProps<T extends string> {
  tabs: readonly Tab<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** The id of the tabpanel the tabs control; the panel is labelled by `tabIdOf(panelId, selected)`. */
  panelId: string;
  label: string;
  /** Smaller tabs on a surface (inside a card) rather than on the page canvas. */
  compact?: boolean;
}

/** A tablist with one tab stop: arrows, Home and End move and select (WAI-ARIA tabs pattern). */
export function TabList<T extends string>({
  tabs,
  selected,
  onSelect,
  panelId,
  label,
  compact,
}: TabListProps<T>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = Math.max(
    0,
    tabs.findIndex((tab) => tab.id === selected),
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    let next: number;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    const tab = tabs[next];
    if (tab === undefined) return;
    onSelect(tab.id);
    refs.current[next]?.focus();
  }

  return (
    <div
      className={compact === true ? 'tabs tabs--compact' : 'tabs'}
      role="tablist"
      aria-label={label}
      onKeyDown={onKeyDown}
    >
      {tabs.map((tab, i) => (
        <button
          key={tab.id}
          ref={(element) => {
            refs.current[i] = element;
          }}
          type="button"
          role="tab"
          id={tabIdOf(panelId, tab.id)}
          className="tabs__tab"
          aria-selected={i === index}
          aria-controls={panelId}
          tabIndex={i === index ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** The id of a tab, so its panel can be labelled by the selected one. */
export function tabIdOf(panelId: string, id: string): string {
  return `${panelId}-tab-${id}`;
}
