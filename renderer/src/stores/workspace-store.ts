import { create } from 'zustand';
import type { CasePatch, OpenCase } from '../../../shared/domain/case';
import { call, messageOf } from '../api/client';
import type { SectionId } from '../app/sections';

type CaseField = keyof CasePatch;
/** What a save problem belongs to: a case-record field, or a key of another section ("facts.summary"). */
export type SaveKey = CaseField | `${string}.${string}`;

interface WorkspaceState {
  /** False until the first `case.current` answer, so the welcome screen does not flash. */
  ready: boolean;
  current: OpenCase | null;
  section: SectionId;
  /** Bumped on every section change, so the main pane knows to move focus to its heading. */
  sectionVisit: number;
  pendingSaves: number;
  /** Why a field's latest edit is not in the case file (invalid value or a failed write). */
  problems: Partial<Record<SaveKey, string>>;
  /** Text typed but not saved (invalid, or its write failed), kept while its section is not shown. */
  drafts: Partial<Record<CaseField, string>>;
  load: () => Promise<void>;
  adopt: (next: OpenCase | null) => void;
  showSection: (section: SectionId) => void;
  setProblem: (field: SaveKey, reason: string | null) => void;
  keepDraft: (field: CaseField, text: string | null) => void;
  saveField: (field: CaseField, patch: CasePatch) => Promise<boolean>;
  /**
   * Runs a write of another section under the same save state: counted as pending while it runs;
   * resolves null, or the sentence saying why it failed. With a key, the failure is also kept
   * (shown in the top bar) until a later write of that key succeeds; without one (adding or
   * removing an item), the caller shows it where the user acted.
   */
  track: (key: SaveKey | null, write: () => Promise<unknown>) => Promise<string | null>;
}

function without<K extends string>(
  problems: Partial<Record<K, string>>,
  field: K,
): Partial<Record<K, string>> {
  const rest = { ...problems };
  delete rest[field];
  return rest;
}

export const useWorkspaceStore = create<WorkspaceState>()((set, get) => ({
  ready: false,
  current: null,
  section: 'overview',
  sectionVisit: 0,
  pendingSaves: 0,
  problems: {},
  drafts: {},

  async load() {
    try {
      get().adopt(await call('case.current', {}));
    } catch {
      get().adopt(null);
    }
  },

  adopt(next) {
    const previous = get().current;
    if (next !== null && previous !== null && next.path === previous.path) {
      // A refresh of the same open case (after a key change, or the "opened" event that follows an
      // open) keeps what opening it said: `case.current` repeats the file's own notices only.
      const notices = [...new Set([...previous.notices, ...next.notices])];
      set({ current: { ...next, notices }, ready: true });
      return;
    }
    set({ current: next, ready: true, section: 'overview', pendingSaves: 0, problems: {}, drafts: {} });
  },

  showSection(section) {
    set((state) => ({ section, sectionVisit: state.sectionVisit + 1 }));
  },

  setProblem(field, reason) {
    set((state) => ({
      problems: reason === null ? without(state.problems, field) : { ...state.problems, [field]: reason },
    }));
  },

  keepDraft(field, text) {
    set((state) => ({
      drafts: text === null ? without(state.drafts, field) : { ...state.drafts, [field]: text },
    }));
  },

  async saveField(field, patch) {
    const path = get().current?.path;
    if (path === undefined) return false;
    set((state) => ({ pendingSaves: state.pendingSaves + 1 }));
    try {
      const record = await call('case.update', { patch });
      const current = get().current;
      if (current?.path === path)
        set((state) => ({ current: { ...current, record }, problems: without(state.problems, field) }));
      return true;
    } catch (error) {
      if (get().current?.path === path) get().setProblem(field, messageOf(error));
      return false;
    } finally {
      if (get().current?.path === path)
        set((state) => ({ pendingSaves: Math.max(0, state.pendingSaves - 1) }));
    }
  },

  async track(key, write) {
    const path = get().current?.path;
    if (path === undefined) return 'No case file is open.';
    set((state) => ({ pendingSaves: state.pendingSaves + 1 }));
    try {
      await write();
      if (key !== null && get().current?.path === path) get().setProblem(key, null);
      return null;
    } catch (error) {
      const reason = messageOf(error);
      if (key !== null && get().current?.path === path) get().setProblem(key, reason);
      return reason;
    } finally {
      if (get().current?.path === path)
        set((state) => ({ pendingSaves: Math.max(0, state.pendingSaves - 1) }));
    }
  },
}));

type SaveKind = 'saved' | 'saving' | 'failed';

/** What the top bar says about the case file: a primitive, so the selector stays stable. */
export function selectSaveText(state: WorkspaceState): string {
  const reason = Object.values(state.problems)[0];
  if (reason !== undefined) return `Not saved: ${reason}`;
  return state.pendingSaves > 0 ? 'Saving…' : 'Saved';
}

export function selectSaveKind(state: WorkspaceState): SaveKind {
  if (Object.values(state.problems).length > 0) return 'failed';
  return state.pendingSaves > 0 ? 'saving' : 'saved';
}
