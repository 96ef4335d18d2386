import { useId, useState, type FormEvent } from 'react';
import type { RosterLookupKey, RosterPerson } from '../../../../../shared/domain/roster';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { call, messageOf } from '../../../api/client';
import { PersonCard } from './PersonCard';

const KEYS: readonly { value: RosterLookupKey; label: string }[] = [
  { value: 'email', label: 'E-mail' },
  { value: 'account', label: 'Account id' },
  { value: 'phone', label: 'Phone' },
];

type Answer = { people: RosterPerson[] } | { error: string } | null;

/**
 * Answers "was this person affected?" for one exact e-mail, account id or phone number. The value
 * typed stays in this form only: it is neither stored nor logged.
 */
export function PersonLookup() {
  const id = useId();
  const [key, setKey] = useState<RosterLookupKey>('email');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function find(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (value.trim() === '') return setProblem('Type the exact value to look up.');
    setProblem(null);
    setBusy(true);
    try {
      setAnswer({ people: await call('roster.find', { key, value: value.trim() }) });
    } catch (error) {
      setAnswer({ error: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="roster-block" aria-labelledby={id}>
      <h4 id={id} className="panel__subtitle">
        Look up a person
      </h4>
      <form className="inline-form" aria-label="Look up a person" onSubmit={(event) => void find(event)}>
        <SelectField
          label="Look up by"
          options={KEYS}
          value={key}
          onChange={(event) => {
            const picked = KEYS.find((option) => option.value === event.target.value);
            if (picked !== undefined) setKey(picked.value);
          }}
        />
        <TextField
          label="Exact value"
          autoComplete="off"
          spellCheck={false}
          value={value}
          error={problem}
          onChange={(event) => setValue(event.target.value)}
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Looking up…' : 'Look up'}
        </Button>
      </form>
      <LookupAnswer answer={answer} />
    </section>
  );
}

function LookupAnswer({ answer }: { answer: Answer }) {
  if (answer === null) return null;
  if ('error' in answer) {
    return (
      <p className="inline-error" role="alert">
        {answer.error}
      </p>
    );
  }
  if (answer.people.length === 0) {
    return (
      <p className="muted" role="status">
        No one in the roster has this value.
      </p>
    );
  }
  return (
    <ul className="roster-people" aria-label="People found">
      {answer.people.map((person, index) => (
        <PersonCard key={person.id} person={person} number={index + 1} />
      ))}
    </ul>
  );
}
