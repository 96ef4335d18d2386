import { useId, useState, type KeyboardEvent } from 'react';
import { searchJurisdictions, type Jurisdiction } from '../../../../shared/jurisdictions/jurisdictions';

interface JurisdictionComboboxProps {
  selected: Jurisdiction | null;
  onSelect: (jurisdiction: Jurisdiction | null) => void;
  error?: string | null;
}

/**
 * A searchable jurisdiction picker (ARIA combobox with a list box): type part of a name or a code
 * ("cal", "US-CA", "fr"), move with the arrow keys, pick with Enter or a click.
 */
export function JurisdictionCombobox({ selected, onSelect, error }: JurisdictionComboboxProps) {
  const id = useId();
  const [text, setText] = useState(selected?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = open ? searchJurisdictions(text, 12) : [];
  const activeMatch = matches[Math.min(active, matches.length - 1)];
  const invalid = error !== undefined && error !== null;

  function choose(jurisdiction: Jurisdiction): void {
    setText(jurisdiction.name);
    setOpen(false);
    onSelect(jurisdiction);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.max(0, Math.min(matches.length - 1, index + step)));
    } else if (event.key === 'Enter' && open && activeMatch !== undefined) {
      event.preventDefault();
      choose(activeMatch);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  return (
    <div className={invalid ? 'field field--invalid combobox' : 'field combobox'}>
      <label className="field__label" htmlFor={`${id}-input`}>
        Jurisdiction
      </label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        className="field__control"
        autoComplete="off"
        spellCheck={false}
        placeholder="e.g. California or US-CA"
        aria-autocomplete="list"
        aria-expanded={open && matches.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && activeMatch !== undefined ? `${id}-${activeMatch.code}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
          if (selected !== null) onSelect(null);
        }}
        onFocus={() => setOpen(text !== '' && selected === null)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label="Matching jurisdictions"
        className="combobox__list"
        hidden={!open || matches.length === 0}
      >
        {matches.map((jurisdiction) => (
          <li
            key={jurisdiction.code}
            id={`${id}-${jurisdiction.code}`}
            role="option"
            aria-selected={jurisdiction === activeMatch}
            className="combobox__option"
            // Keep focus in the input; the click still picks the option.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(jurisdiction)}
          >
            <span>{jurisdiction.name}</span>
            <code className="combobox__code">{jurisdiction.code}</code>
          </li>
        ))}
      </ul>
      {open && text.trim() !== '' && matches.length === 0 && (
        <p className="field__hint" role="status">
          No jurisdiction matches “{text.trim()}”.
        </p>
      )}
      {invalid && (
        <p className="field__error" id={`${id}-error`}>
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
    </div>
  );
}
