import { create } from 'zustand';
import type { EventInput, TimelineEvent } from '../../../shared/domain/events';
import type { Party } from '../../../shared/domain/parties';
import type { CsvImportResult } from '../../../shared/domain/populations';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { call, messageOf } from '../api/client';
import { resetOnCaseChange, trackSave } from '../lib/track-save';
import {
  NO_FILTER,
  PAGE_SIZE,
  eventAt,
  findLoaded,
  isFiltered,
  locateEvent,
  pageOf,
  requestFilter,
  withEvent,
  withPage,
  type Pages,
  type TimelineFilter,
} from './timeline-paging';

export type EventPatch = ChannelInput<'events.update'>['patch'];

interface TimelineState {
  filter: TimelineFilter;
  /** Events matching the filter; null until the first page has answered. */
  total: number | null;
  pages: Pages;
  /** Bumped when the case's events changed; older pages are reloaded when shown. */
  version: number;
  /** Bumped when the filter changes, so the list starts again at the top. */
  filterSeq: number;
  listError: string | null;
  selectedId: string | null;
  selected: TimelineEvent | null;
  selectError: string | null;
  /** The row the keyboard is on (and the selected one, once its page has loaded). */
  activeIndex: number | null;
  /** The list scrolls this row into view whenever `seq` changes. */
  scrollTo: { index: number; seq: number } | null;
  /** True while the right-hand pane shows the "new event" form. */
  composing: boolean;
  tags: string[];
  parties: Party[];
  setFilter: (patch: Partial<TimelineFilter>) => void;
  ensureRange: (first: number, last: number) => void;
  refresh: () => void;
  loadChoices: () => Promise<void>;
  activate: (index: number) => void;
  /** Shows an event, loaded or not; `reveal` also clears the filter and scrolls the list to it. */
  select: (id: string | null, options?: { reveal?: boolean }) => Promise<void>;
  setComposing: (composing: boolean) => void;
  create: (input: EventInput) => Promise<TimelineEvent>;
  update: (id: string, patch: EventPatch) => Promise<TimelineEvent>;
  remove: (id: string) => Promise<void>;
  importCsv: (csv: string) => Promise<CsvImportResult>;
  reset: () => void;
}

// Answers to requests made for another case (caseGeneration) or another filter (listGeneration) are dropped.
let caseGeneration = 0;
let listGeneration = 0;
let scrollSeq = 0;
const inFlight = new Map<number, number>();

const INITIAL = {
  filter: NO_FILTER,
  total: null,
  pages: new Map(),
  version: 0,
  filterSeq: 0,
  listError: null,
  selectedId: null,
  selected: null,
  selectError: null,
  activeIndex: null,
  scrollTo: null,
  composing: false,
  tags: [],
  parties: [],
} satisfies Partial<TimelineState>;

export const useTimelineStore = create<TimelineState>()((set, get) => {
  async function loadPage(page: number): Promise<void> {
    const mine = listGeneration;
    const { version, filter } = get();
    if (inFlight.get(page) === version) return;
    inFlight.set(page, version);
    try {
      const answer = await call('events.list', {
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        filter: requestFilter(filter),
      });
      if (mine !== listGeneration) return;
      set((state) => ({
        pages: withPage(state.pages, page, { events: answer.events, version }),
        total: answer.total,
        listError: null,
      }));
      const { activeIndex, selectedId, pages } = get();
      const active = activeIndex === null ? undefined : eventAt(pages, activeIndex);
      if (active !== undefined && selectedId === null) void get().select(active.id);
    } catch (error) {
      if (mine === listGeneration) set({ listError: messageOf(error) });
    } finally {
      if (mine === listGeneration && inFlight.get(page) === version) inFlight.delete(page);
    }
  }

  function scrollTo(index: number): void {
    scrollSeq += 1;
    set({ activeIndex: index, scrollTo: { index, seq: scrollSeq } });
  }

  async function reveal(event: TimelineEvent): Promise<void> {
    const mine = listGeneration;
    const loaded = findLoaded(get().pages, event.id);
    if (loaded !== null) return scrollTo(loaded.index);
    try {
      const filter = requestFilter(get().filter);
      const total = get().total ?? (await call('events.list', { limit: 1, filter })).total;
      const index = await locateEvent(event, filter, get().pages, total);
      if (index !== null && mine === listGeneration && get().selectedId === event.id) scrollTo(index);
    } catch {
      // The event is shown on the right either way; only its place in the list stays unknown.
    }
  }

  return {
    ...INITIAL,

    setFilter(patch) {
      listGeneration += 1;
      inFlight.clear();
      set((state) => ({
        filter: { ...state.filter, ...patch },
        pages: new Map(),
        total: null,
        version: state.version + 1,
        filterSeq: state.filterSeq + 1,
        listError: null,
        activeIndex: null,
      }));
    },

    ensureRange(first, last) {
      const { pages, version, total } = get();
      const end = total === null ? first : Math.min(last, total - 1);
      for (let page = pageOf(Math.max(0, first)); page <= pageOf(Math.max(0, end)); page += 1) {
        const held = pages.get(page);
        if (held === undefined || held.version < version) void loadPage(page);
      }
    },

    refresh() {
      set((state) => ({ version: state.version + 1 }));
      void get().loadChoices();
    },

    async loadChoices() {
      const mine = caseGeneration;
      try {
        const [tags, parties] = await Promise.all([call('events.tags', {}), call('parties.list', {})]);
        if (mine === caseGeneration) set({ tags, parties });
      } catch (error) {
        if (mine === caseGeneration) set({ listError: messageOf(error) });
      }
    },

    activate(index) {
      const event = eventAt(get().pages, index);
      set({ activeIndex: index, composing: false });
      if (event !== undefined) void get().select(event.id);
      else set({ selectedId: null, selected: null });
    },

    async select(id, options = {}) {
      if (id === null) {
        set({ selectedId: null, selected: null, selectError: null, activeIndex: null });
        return;
      }
      const mine = caseGeneration;
      // An event opened from elsewhere must be findable in the list, whatever the filter hid.
      if (options.reveal === true && isFiltered(get().filter)) get().setFilter(NO_FILTER);
      const loaded = findLoaded(get().pages, id);
      const previous = get().selected;
      set({
        selectedId: id,
        selected: loaded?.event ?? (previous?.id === id ? previous : null),
        selectError: null,
        composing: false,
        ...(loaded === null ? {} : { activeIndex: loaded.index }),
      });
      let event = loaded?.event;
      if (event === undefined) {
        try {
          event = await call('events.get', { id });
        } catch (error) {
          if (mine === caseGeneration && get().selectedId === id) set({ selectError: messageOf(error) });
          return;
        }
        if (mine !== caseGeneration || get().selectedId !== id) return;
        set({ selected: event });
      }
      if (options.reveal === true) await reveal(event);
    },

    setComposing(composing) {
      set({ composing });
    },

    async create(input) {
      const event = await trackSave(() => call('events.create', input));
      get().refresh();
      await get().select(event.id, { reveal: true });
      return event;
    },

    async update(id, patch) {
      const event = await trackSave(() => call('events.update', { id, patch }));
      set((state) => ({
        pages: withEvent(state.pages, event),
        selected: state.selectedId === id ? event : state.selected,
      }));
      if (patch.at !== undefined || patch.tags !== undefined || patch.partyIds !== undefined) {
        get().refresh();
        if (patch.at !== undefined && get().selectedId === id) void reveal(event);
      }
      return event;
    },

    async remove(id) {
      await trackSave(() => call('events.remove', { id }));
      if (get().selectedId === id) set({ selectedId: null, selected: null, activeIndex: null });
      get().refresh();
    },

    async importCsv(csv) {
      const result = await trackSave(() => call('events.importCsv', { csv }));
      if (result.imported > 0) get().refresh();
      return result;
    },

    reset() {
      caseGeneration += 1;
      listGeneration += 1;
      inFlight.clear();
      set({ ...INITIAL, pages: new Map() });
    },
  };
});

resetOnCaseChange(() => useTimelineStore.getState().reset());
