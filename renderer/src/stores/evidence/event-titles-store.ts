import { create } from 'zustand';
import type { TimelineEvent } from '../../../../shared/domain/events';
import { call } from '../../api/client';
import { resetOnCaseChange } from '../../lib/track-save';

interface EventTitlesState {
  /** Titles of the events linked from items and pending files, by event id. */
  eventTitles: Record<string, string>;
  /** Titles of these events, fetched once each. */
  learnEventTitles: (ids: readonly string[]) => Promise<void>;
  /** Keeps the title of an event just linked, so it shows without asking main. */
  rememberTitle: (event: TimelineEvent) => void;
  /** The first events whose text matches the query, to offer as links; rejects with the failure. */
  findEvents: (query: string) => Promise<TimelineEvent[]>;
  reset: () => void;
}

const FOUND_LIMIT = 8;
// Answers to requests made before a reset (another case opened) are dropped.
let generation = 0;

/** The timeline events evidence links to: their titles, and finding more to link. */
export const useEventTitlesStore = create<EventTitlesState>()((set, get) => ({
  eventTitles: {},

  async learnEventTitles(ids) {
    const mine = generation;
    const known = get().eventTitles;
    const missing = [...new Set(ids)].filter((id) => known[id] === undefined).slice(0, 200);
    if (missing.length === 0) return;
    const events = await Promise.all(missing.map((id) => call('events.get', { id }).catch(() => null)));
    if (mine !== generation) return;
    const titles: Record<string, string> = {};
    for (const event of events) if (event !== null) titles[event.id] = event.title;
    set((state) => ({ eventTitles: { ...state.eventTitles, ...titles } }));
  },

  rememberTitle(event) {
    set((state) => ({ eventTitles: { ...state.eventTitles, [event.id]: event.title } }));
  },

  async findEvents(query) {
    const page = await call('events.list', { limit: FOUND_LIMIT, filter: { text: query } });
    return page.events;
  },

  reset() {
    generation += 1;
    set({ eventTitles: {} });
  },
}));

resetOnCaseChange(() => useEventTitlesStore.getState().reset());
