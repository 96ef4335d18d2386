import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface LockMenuItem<T extends string> {
  id: T;
  label: string;
}

interface LockMenuProps<T extends string> {
  id: string;
  items: readonly LockMenuItem<T>[];
  onPick: (item: T) => void;
  /** Closes the menu; with `refocus`, the keyboard goes back to the button that opened it. */
  onClose: (refocus: boolean) => void;
}

/** The lock state's menu: arrows, Home and End move, Enter picks, Escape and Tab close. */
export function LockMenu<T extends string>({ id, items, onPick, onClose }: LockMenuProps<T>) {
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (index + 1) % buttons.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  }

  return (
    <div
      ref={menu}
      id={id}
      className="lock-menu"
      role="menu"
      aria-label="Case file encryption"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!event.currentTarget.parentElement?.contains(event.relatedTarget)) onClose(false);
      }}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          className="lock-menu__item"
          tabIndex={-1}
          onClick={() => onPick(item.id)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
