import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { MERGE_FIELDS, type MergeFieldId } from '../../../../shared/letters/merge-fields';
import { selectMergeValue, useLettersStore } from '../../stores/letters-store';

interface MergeFieldMenuProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPick: (field: MergeFieldId) => void;
}

function Item({ id, label, onPick }: { id: MergeFieldId; label: string; onPick: () => void }) {
  const value = useLettersStore(selectMergeValue(id));
  return (
    <button type="button" role="menuitem" className="merge-menu__item" tabIndex={-1} onClick={onPick}>
      <span className="merge-menu__label">{label}</span>
      <span className={value === null ? 'merge-menu__value merge-menu__value--missing' : 'merge-menu__value'}>
        {value ?? 'no value in the case yet'}
      </span>
    </button>
  );
}

/** "Insert merge field": a menu of every field with its current value; arrows, Enter, Escape. */
export function MergeFieldMenu({ open, onOpenChange, onPick }: MergeFieldMenuProps) {
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);

  function close(refocus: boolean): void {
    onOpenChange(false);
    if (refocus) button.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (index + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    }
    // Left and right belong to the menu while it is open, not to the toolbar around it.
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') event.stopPropagation();
    if (next === null) return;
    event.preventDefault();
    items[next]?.focus();
  }

  return (
    <div className="merge-menu">
      <button
        ref={button}
        type="button"
        className="letter-tool"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => onOpenChange(!open)}
      >
        Insert merge field ▾
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="merge-menu__list"
          role="menu"
          aria-label="Merge fields"
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) close(false);
          }}
        >
          {MERGE_FIELDS.map((field) => (
            <Item
              key={field.id}
              id={field.id}
              label={field.label}
              onPick={() => {
                onOpenChange(false);
                onPick(field.id);
              }}
            />
          ))}
        </div>
      )}
    </div>
  );
}
