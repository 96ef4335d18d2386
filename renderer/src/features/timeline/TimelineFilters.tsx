import { useEffect, useState } from 'react';
import { SelectField, TextField } from '../../components/Field';
import { useTimelineStore } from '../../stores/timeline-store';

/** Typing pauses this long before the list is filtered (each change is a full-text query). */
const TEXT_DELAY_MS = 250;

/** Text (full-text search), tag and party filters over the timeline. */
export function TimelineFilters() {
  const filter = useTimelineStore((state) => state.filter);
  const tags = useTimelineStore((state) => state.tags);
  const parties = useTimelineStore((state) => state.parties);
  const setFilter = useTimelineStore((state) => state.setFilter);
  const [text, setText] = useState(filter.text);
  const [shownFilter, setShownFilter] = useState(filter.text);

  // A filter cleared elsewhere (an event opened from search) empties the box as well.
  if (filter.text !== shownFilter) {
    setShownFilter(filter.text);
    setText(filter.text);
  }

  useEffect(() => {
    if (text === filter.text) return;
    const timer = window.setTimeout(() => setFilter({ text }), TEXT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, filter.text, setFilter]);

  const tagOptions = [{ value: '', label: 'All tags' }, ...tags.map((tag) => ({ value: tag, label: tag }))];
  if (filter.tag !== '' && !tags.includes(filter.tag))
    tagOptions.push({ value: filter.tag, label: filter.tag });
  const partyOptions = [
    { value: '', label: 'All parties' },
    ...parties.map((party) => ({ value: party.id, label: party.name })),
  ];

  return (
    <div className="tl-filters" role="search" aria-label="Filter the timeline">
      <TextField
        label="Filter by text"
        type="search"
        value={text}
        placeholder="Words in title, detail or source"
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
      <SelectField
        label="Tag"
        value={filter.tag}
        options={tagOptions}
        onChange={(event) => setFilter({ tag: event.target.value })}
      />
      <SelectField
        label="Party"
        value={filter.partyId}
        options={partyOptions}
        onChange={(event) => setFilter({ partyId: event.target.value })}
      />
    </div>
  );
}
