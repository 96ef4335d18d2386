import { useEffect, useId } from 'react';
import type { EvidenceItem, EvidencePatch } from '../../../../shared/domain/evidence';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { ZonedTimeField } from '../../components/ZonedTimeField';
import { useEvidenceDetailsStore } from '../../stores/evidence/details-store';
import { usePartiesStore } from '../../stores/parties-store';
import type { SaveKey } from '../../stores/workspace-store';
import { EventLinks } from './EventLinks';

type TextKey = 'source' | 'collectedBy' | 'description';

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 50;

export function tagsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ];
}

export function tagsProblem(text: string): string | null {
  const tags = tagsOf(text);
  if (tags.length > MAX_TAGS) return `At most ${MAX_TAGS} tags`;
  const long = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  return long === undefined ? null : `“${long.slice(0, 20)}…” is longer than ${MAX_TAG_LENGTH} characters`;
}

/** What people record about an item: where it came from, who collected it and when, tags and links. */
export function EvidenceMetadata({ item }: { item: EvidenceItem }) {
  const update = useEvidenceDetailsStore((state) => state.update);
  const key = (field: string): SaveKey => `evidence.${item.id}.${field}`;
  const write = (field: string, patch: EvidencePatch) => update(key(field), item.id, patch);
  const save = (field: TextKey) => async (text: string) => (await write(field, { [field]: text })) === null;
  const field = (name: TextKey) => ({ saveKey: key(name), stored: item[name] });

  return (
    <section className="panel ev-panel" aria-labelledby="ev-metadata-heading">
      <h3 id="ev-metadata-heading" className="panel__title">
        About this item
      </h3>
      <p className="muted small ev-panel__intro">Changes are saved to the case file as you type.</p>
      <div className="ev-meta-grid">
        <AutosaveTextField
          label="Source"
          maxLength={500}
          placeholder="e.g. partner-sync API gateway, exported by Ops"
          save={save('source')}
          {...field('source')}
        />
        <AutosaveTextField
          label="Collected by"
          maxLength={200}
          save={save('collectedBy')}
          {...field('collectedBy')}
        />
        <div className="span-all">
          <ZonedTimeField
            legend="Collected at"
            saveKey={key('collectedAt')}
            value={item.collectedAt}
            nullable
            save={async (collectedAt) => (await write('collectedAt', { collectedAt })) === null}
          />
        </div>
        <AutosaveTextField
          className="span-all"
          label="Description"
          rows={3}
          maxLength={20_000}
          save={save('description')}
          {...field('description')}
        />
        <AutosaveTextField
          className="span-all"
          label="Tags"
          maxLength={1200}
          hint="Separate tags with commas."
          saveKey={key('tags')}
          stored={item.tags.join(', ')}
          validate={tagsProblem}
          save={async (text) => (await write('tags', { tags: tagsOf(text) })) === null}
        />
      </div>
      <EventLinks
        eventIds={item.eventIds}
        onChange={(eventIds) => void write('eventIds', { eventIds })}
        label={`Timeline events linked to ${item.name}`}
      />
      <PartyLinks item={item} onChange={(partyIds) => void write('partyIds', { partyIds })} />
    </section>
  );
}

function PartyLinks({ item, onChange }: { item: EvidenceItem; onChange: (ids: string[]) => void }) {
  const parties = usePartiesStore((state) => state.parties);
  const loadParties = usePartiesStore((state) => state.load);
  useEffect(() => {
    if (parties === null) void loadParties();
  }, [parties, loadParties]);
  const sorted = [...(parties ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const missing = item.partyIds.filter((id) => !sorted.some((party) => party.id === id)).length;

  return (
    <fieldset className="ev-links">
      <legend className="field__label">Linked parties</legend>
      {sorted.length === 0 ? (
        <p className="field__hint">No parties are recorded yet; add them in the Parties section.</p>
      ) : (
        <div className="ev-links__checks">
          {sorted.map((party) => (
            <PartyCheck
              key={party.id}
              name={party.name}
              checked={item.partyIds.includes(party.id)}
              onToggle={(linked) => {
                const others = item.partyIds.filter((id) => id !== party.id);
                onChange(linked ? [...others, party.id] : others);
              }}
            />
          ))}
        </div>
      )}
      {missing > 0 && <p className="field__hint">{missing} linked party no longer in the case.</p>}
    </fieldset>
  );
}

function PartyCheck(props: { name: string; checked: boolean; onToggle: (linked: boolean) => void }) {
  const id = useId();
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onToggle(event.target.checked)}
      />
      <label htmlFor={id}>{props.name}</label>
    </div>
  );
}
