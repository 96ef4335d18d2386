import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PARTY_KINDS, PARTY_KIND_LABELS, type Party } from '../../../../shared/domain/parties';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { optionsOf, pick } from '../../lib/options';
import { usePartiesStore } from '../../stores/parties-store';

const KIND_OPTIONS = optionsOf(PARTY_KINDS, PARTY_KIND_LABELS);

/** Name, kind and role of a new party; the rest is filled in on its page once it exists. */
export function NewPartyForm({ onDone, cancellable }: { onDone: () => void; cancellable: boolean }) {
  const create = usePartiesStore((state) => state.create);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Party['kind']>('partner');
  const [role, setRole] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (cancellable) first.current?.focus();
  }, [cancellable]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (name.trim() === '') return setNameError('Name cannot be empty');
    setBusy(true);
    const problem = await create({ name: name.trim(), kind, role: role.trim() });
    setBusy(false);
    setFailure(problem);
    if (problem === null) onDone();
  }

  return (
    <section className="panel" aria-labelledby="new-party-heading">
      <h3 id="new-party-heading" className="panel__title">
        New party
      </h3>
      <p className="panel__intro">
        Anyone the incident involves: who received the data, who processes it for you, who must be told.
      </p>
      <form className="form-stack" onSubmit={(event) => void submit(event)} aria-label="New party">
        <TextField
          ref={first}
          label="Name"
          value={name}
          maxLength={200}
          autoComplete="off"
          error={nameError}
          onChange={(event) => {
            setName(event.target.value);
            setNameError(null);
          }}
        />
        <SelectField
          label="Kind"
          value={kind}
          options={KIND_OPTIONS}
          onChange={(event) => setKind(pick(PARTY_KINDS, event.target.value) ?? 'other')}
        />
        <TextField
          label="Role in this incident"
          value={role}
          maxLength={500}
          autoComplete="off"
          hint="For example: received account data; lead supervisory authority; outside counsel."
          onChange={(event) => setRole(event.target.value)}
        />
        {failure !== null && (
          <p className="inline-error" role="alert">
            {failure}
          </p>
        )}
        <div className="inv-actions">
          <Button type="submit" variant="primary" disabled={busy}>
            Create party
          </Button>
          {cancellable && <Button onClick={onDone}>Cancel</Button>}
        </div>
      </form>
    </section>
  );
}
