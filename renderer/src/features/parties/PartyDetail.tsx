import { useState } from 'react';
import { PARTY_KINDS, PARTY_KIND_LABELS, type Party } from '../../../../shared/domain/parties';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField } from '../../components/Field';
import { optionsOf, pick } from '../../lib/options';
import { usePartiesStore } from '../../stores/parties-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { PartyActions } from './PartyActions';

const KIND_OPTIONS = optionsOf(PARTY_KINDS, PARTY_KIND_LABELS);

type TextKey = 'name' | 'role' | 'contactName' | 'email' | 'phone' | 'address' | 'notes';

/** The selected party: every field saves itself; its actions below; Remove asks first. */
export function PartyDetail({ party }: { party: Party }) {
  const update = usePartiesStore((state) => state.update);
  const remove = usePartiesStore((state) => state.remove);
  const kindProblem = useWorkspaceStore((state) => state.problems[`parties.${party.id}.kind`]);
  const [confirming, setConfirming] = useState(false);

  const save = (key: TextKey) => async (text: string) =>
    (await update(`parties.${party.id}.${key}`, party.id, { [key]: key === 'name' ? text.trim() : text })) ===
    null;
  const field = (key: TextKey) => ({ saveKey: `parties.${party.id}.${key}` as const, stored: party[key] });
  const actions = party.actions.length;

  return (
    <>
      <section className="panel" aria-labelledby="party-detail-heading">
        <header className="detail__header">
          <div>
            <h3 id="party-detail-heading" className="panel__title">
              {party.name}
            </h3>
            <p className="muted small">{PARTY_KIND_LABELS[party.kind]} · changes are saved as you type</p>
          </div>
          <Button small onClick={() => setConfirming(true)}>
            Remove party…
          </Button>
        </header>
        <div className="party-grid">
          <AutosaveTextField
            className="span-2"
            label="Name"
            maxLength={200}
            validate={(text) => (text.trim() === '' ? 'Name cannot be empty' : null)}
            save={save('name')}
            {...field('name')}
          />
          <SelectField
            label="Kind"
            value={party.kind}
            options={KIND_OPTIONS}
            error={kindProblem}
            onChange={(event) => {
              const kind = pick(PARTY_KINDS, event.target.value);
              if (kind !== null) void update(`parties.${party.id}.kind`, party.id, { kind });
            }}
          />
          <AutosaveTextField
            className="span-all"
            label="Role in this incident"
            maxLength={500}
            save={save('role')}
            {...field('role')}
          />
          <AutosaveTextField
            label="Contact name"
            maxLength={200}
            save={save('contactName')}
            {...field('contactName')}
          />
          <AutosaveTextField
            label="E-mail"
            type="email"
            maxLength={200}
            save={save('email')}
            {...field('email')}
          />
          <AutosaveTextField
            label="Phone"
            type="tel"
            maxLength={100}
            save={save('phone')}
            {...field('phone')}
          />
          <AutosaveTextField
            className="span-all"
            label="Address"
            rows={2}
            maxLength={500}
            save={save('address')}
            {...field('address')}
          />
          <AutosaveTextField
            className="span-all"
            label="Notes"
            rows={3}
            maxLength={5000}
            save={save('notes')}
            {...field('notes')}
          />
        </div>
      </section>
      <PartyActions party={party} />
      {confirming && (
        <ConfirmDialog
          title={`Remove ${party.name}?`}
          confirmLabel="Remove party"
          onConfirm={() => remove(party.id)}
          onClose={() => setConfirming(false)}
        >
          <p>
            {party.name} will be removed from this case
            {actions === 0
              ? ''
              : `, with its ${actions === 1 ? 'recorded action' : `${actions} recorded actions`}`}
            . Timeline events that name it will no longer link to it. The removal is recorded in the audit
            log.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
