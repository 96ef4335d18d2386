import { create } from 'zustand';
import type { LetterRecord, LetterView } from '../../../shared/domain/letters';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { LetterDocument } from '../../../shared/letters/document';
import { call, messageOf } from '../api/client';
import { resetOnCaseChange } from '../lib/track-save';
import { useWorkspaceStore, type SaveKey } from './workspace-store';

export type LetterTemplateSummary = ChannelOutput<'letters.templates'>[number];
type CreateLetterInput = ChannelInput<'letters.create'>;
type LetterStatusInput = ChannelInput<'letters.setStatus'>;
export type ObligationBoardRow = ChannelOutput<'obligations.board'>['rows'][number];

/** Where a failed save of the letter body is kept (and shown in the top bar). */
export const LETTER_SAVE_KEY: SaveKey = 'letters.body';

type SaveOutcome =
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; version: number }
  | { kind: 'failed'; reason: string };

interface LettersState {
  letters: LetterRecord[] | null;
  templates: LetterTemplateSummary[] | null;
  selectedId: string | null;
  /** The selected letter as the editor needs it (record, latest version, live values, checks). */
  view: LetterView | null;
  error: string | null;
  viewError: string | null;
  /** Loads the list and the templates, then the selected letter. */
  load: () => Promise<void>;
  /** Reloads the selected letter (its values and checks follow the case). */
  loadView: () => Promise<void>;
  select: (id: string | null) => void;
  /** Each write resolves null, or the sentence saying why it failed. */
  create: (input: CreateLetterInput) => Promise<string | null>;
  /** The obligations the case owes, which a new letter can answer; rejects with the failure. */
  answerableObligations: () => Promise<ObligationBoardRow[]>;
  /** Saves the editor's document as a new version on top of `baseVersion`. */
  save: (id: string, baseVersion: number, doc: LetterDocument) => Promise<SaveOutcome>;
  setStatus: (input: LetterStatusInput) => Promise<string | null>;
  freeze: (id: string) => Promise<string | null>;
  /** Renames the letter or changes its recipient; resolves null, or why it failed. */
  update: (
    id: string,
    change: { title: string; recipient: { name: string; address: string } },
  ) => Promise<string | null>;
  reset: () => void;
}

// Answers to requests made before a reset (another case opened) are dropped.
let generation = 0;
// Only the answer to the latest request for the letter view is applied.
let viewRequest = 0;

const track = (key: SaveKey | null, write: () => Promise<unknown>) =>
  useWorkspaceStore.getState().track(key, write);

function upsertRecord(letters: LetterRecord[] | null, record: LetterRecord): LetterRecord[] {
  const list = letters ?? [];
  return list.some((l) => l.id === record.id)
    ? list.map((l) => (l.id === record.id ? record : l))
    : [...list, record];
}

export const useLettersStore = create<LettersState>()((set, get) => {
  /** Takes a fresh view unless a newer version of the same letter is already shown. */
  function adoptView(view: LetterView): void {
    const shown = get().view;
    if (shown !== null && shown.letter.id === view.letter.id && shown.version.version > view.version.version)
      return;
    set((state) => ({
      view: view.letter.id === state.selectedId ? view : state.view,
      letters: upsertRecord(state.letters, view.letter),
      viewError: null,
    }));
  }

  return {
    letters: null,
    templates: null,
    selectedId: null,
    view: null,
    error: null,
    viewError: null,

    async load() {
      if (useWorkspaceStore.getState().current === null) return;
      const mine = generation;
      try {
        const [letters, templates] = await Promise.all([
          call('letters.list', {}),
          get().templates === null ? call('letters.templates', {}) : Promise.resolve(get().templates),
        ]);
        if (mine !== generation) return;
        const selectedId = get().selectedId;
        const keep = letters.some((l) => l.id === selectedId);
        set({
          letters,
          templates,
          error: null,
          selectedId: keep ? selectedId : (letters[0]?.id ?? null),
          view: keep ? get().view : null,
        });
      } catch (error) {
        if (mine === generation) set({ error: messageOf(error) });
        return;
      }
      await get().loadView();
    },

    async loadView() {
      const id = get().selectedId;
      if (id === null) return;
      const mine = generation;
      const request = ++viewRequest;
      try {
        const view = await call('letters.get', { id });
        if (mine === generation && request === viewRequest && get().selectedId === id) adoptView(view);
      } catch (error) {
        if (mine === generation && request === viewRequest && get().selectedId === id)
          set({ viewError: messageOf(error) });
      }
    },

    select(id) {
      if (id === get().selectedId) return;
      set({ selectedId: id, view: null, viewError: null });
      void get().loadView();
    },

    create(input) {
      const mine = generation;
      return track(null, async () => {
        const view = await call('letters.create', input);
        if (mine !== generation) return;
        viewRequest += 1;
        set((state) => ({
          letters: upsertRecord(state.letters, view.letter),
          selectedId: view.letter.id,
          view,
          viewError: null,
        }));
      });
    },

    async answerableObligations() {
      const board = await call('obligations.board', {});
      return board.rows.filter((row) => row.obligation !== null);
    },

    async save(id, baseVersion, doc) {
      const mine = generation;
      let saved: LetterView | null = null;
      const failure = await track(LETTER_SAVE_KEY, async () => {
        saved = await call('letters.save', { id, baseVersion, doc });
      });
      if (mine !== generation) return { kind: 'failed', reason: 'Another case file was opened.' };
      if (failure === null && saved !== null) {
        const view: LetterView = saved;
        viewRequest += 1;
        adoptView(view);
        return { kind: 'saved', version: view.version.version };
      }
      // A newer version saved elsewhere (another window, the CLI) is a conflict, not a failed write.
      try {
        const latest = await call('letters.get', { id });
        if (latest.letter.latestVersion > baseVersion) {
          useWorkspaceStore.getState().setProblem(LETTER_SAVE_KEY, null);
          viewRequest += 1;
          if (mine === generation) adoptView(latest);
          return { kind: 'conflict', version: latest.version.version };
        }
      } catch {
        // The first failure is the one to report.
      }
      return { kind: 'failed', reason: failure ?? 'The letter could not be saved; try again.' };
    },

    setStatus(input) {
      const mine = generation;
      return track(null, async () => {
        const view = await call('letters.setStatus', input);
        if (mine !== generation) return;
        viewRequest += 1;
        adoptView(view);
      });
    },

    update(id, change) {
      const mine = generation;
      return track(null, async () => {
        const view = await call('letters.update', { id, ...change });
        if (mine !== generation) return;
        viewRequest += 1;
        adoptView(view);
      });
    },

    freeze(id) {
      const mine = generation;
      return track(null, async () => {
        const view = await call('letters.freeze', { id });
        if (mine !== generation) return;
        viewRequest += 1;
        adoptView(view);
      });
    },

    reset() {
      generation += 1;
      viewRequest += 1;
      set({ letters: null, templates: null, selectedId: null, view: null, error: null, viewError: null });
    },
  };
});

resetOnCaseChange(() => useLettersStore.getState().reset());

/** The live value of a merge field in the selected letter: a string, or null when missing. */
export function selectMergeValue(field: string): (state: LettersState) => string | null {
  return (state) => {
    const values = state.view?.values as Record<string, string | null | undefined> | undefined;
    const value = values?.[field];
    return value === undefined || value === null || value === '' ? null : value;
  };
}
