import { useId } from 'react';
import { SelectField } from '../../../components/Field';
import { useRosterStore } from './roster-store';

export type BadRowChoice = 'skip' | 'stop';

const NONE = '';

/** Whether the file only limits another dataset (its scope), and what to do with rows that cannot be read. */
export function ScopeAndBadRows({
  scopeOf,
  onScopeOf,
  onBadRow,
  onBadRowChange,
}: {
  scopeOf: string | null;
  onScopeOf: (id: string | null) => void;
  onBadRow: BadRowChoice;
  onBadRowChange: (choice: BadRowChoice) => void;
}) {
  const datasets = useRosterStore((state) => state.stats?.datasets ?? []);
  const name = useId();
  const options = [
    { value: NONE, label: 'None: this file lists people' },
    ...datasets.filter((d) => d.scopeOf === null).map((d) => ({ value: d.id, label: d.name })),
  ];
  return (
    <div className="roster-options">
      <SelectField
        label="This file is the scope of"
        options={options}
        value={scopeOf ?? NONE}
        hint="A scope file names who was actually reached (the accounts in the attacker's export, say): of the chosen dataset, only the people it names are counted as affected."
        onChange={(event) => onScopeOf(event.target.value === NONE ? null : event.target.value)}
      />
      <fieldset className="roster-fieldset">
        <legend className="field__label">Rows that cannot be read</legend>
        <label className="check">
          <input
            type="radio"
            name={name}
            checked={onBadRow === 'skip'}
            onChange={() => onBadRowChange('skip')}
          />
          <span>Skip and list them</span>
        </label>
        <label className="check">
          <input
            type="radio"
            name={name}
            checked={onBadRow === 'stop'}
            onChange={() => onBadRowChange('stop')}
          />
          <span>Stop the import</span>
        </label>
      </fieldset>
    </div>
  );
}
