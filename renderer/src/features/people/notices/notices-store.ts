import { create } from 'zustand';
import type { LetterRecord } from '../../../../../shared/domain/letters';
import type {
  CodesImportResult,
  NoticeFormat,
  NoticePlan,
  NoticeRun,
  NoticeSettings,
  NoticeStatusView,
  TrackResult,
} from '../../../../../shared/domain/notices';
import { call, messageOf } from '../../../api/client';
import { useJobStore } from '../../../jobs/job-store';
import { resetOnCaseChange } from '../../../lib/track-save';
import { useWorkspaceStore, type SaveKey } from '../../../stores/workspace-store';

export type TrackKind = 'bounces' | 'returned';

/** A change to the settings; the offer's fields are merged into the offer as it stands. */
export type SettingsPatch = Partial<Omit<NoticeSettings, 'offer'>> & {
  offer?: Partial<NoticeSettings['offer']>;
};

/** How the last "Write notices…" ended, shown under the plan until the next one starts. */
export type WriteEnd =
  | { kind: 'done'; run: NoticeRun; again: boolean }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

interface NoticesState {
  format: NoticeFormat;
  plan: NoticePlan | null;
  planError: string | null;
  status: NoticeStatusView | null;
  statusError: string | null;
  /** The settings as edited: a change shows at once, and is saved in order after the ones before it. */
  settings: NoticeSettings | null;
  /** The case's letters, to tell a notice whose letter waits for approval from one with none. */
  letters: LetterRecord[] | null;
  writeEnd: WriteEnd | null;
  trackResult: { kind: TrackKind; result: TrackResult } | null;
  codesResult: CodesImportResult | null;
  load: () => Promise<void>;
  loadPlan: () => Promise<void>;
  loadStatus: () => Promise<void>;
  setFormat: (format: NoticeFormat) => void;
  /** Saves a change to the settings at once; resolves null, or the sentence saying why it failed. */
  updateSettings: (key: SaveKey | null, patch: SettingsPatch) => Promise<string | null>;
  /** Asks for a new or empty folder, then writes the run there (or the earlier run `runId` again). */
  write: (runId?: string) => Promise<string | null>;
  track: (kind: TrackKind) => Promise<string | null>;
  importCodes: () => Promise<string | null>;
  recordSubstitute: (postedOn: string, ruleId: string) => Promise<string | null>;
  reset: () => void;
}

// Answers for a case that is no longer open are dropped: each open case starts a new generation.
let generation = 0;
// Only the latest plan asked for is shown (a format change or an edit asks again).
let planRequest = 0;
// Settings writes run one after another, each on top of the one before (two quick edits never undo each other).
let settingsQueue: Promise<unknown> = Promise.resolve();
let settingsWrites = 0;

/** The open case's notices to people: the plan for the chosen format, where everyone stands, and the settings. */
export const useNoticesStore = create<NoticesState>()((set, get) => ({
  format: 'eml',
  plan: null,
  planError: null,
  status: null,
  statusError: null,
  settings: null,
  letters: null,
  writeEnd: null,
  trackResult: null,
  codesResult: null,

  async load() {
    await Promise.all([get().loadStatus(), get().loadPlan()]);
  },

  async loadPlan() {
    const mine = generation;
    const request = ++planRequest;
    const format = get().format;
    try {
      const [plan, letters] = await Promise.all([call('notices.plan', { format }), call('letters.list', {})]);
      if (mine === generation && request === planRequest) set({ plan, letters, planError: null });
    } catch (error) {
      if (mine === generation && request === planRequest) set({ planError: messageOf(error) });
    }
  },

  async loadStatus() {
    const mine = generation;
    try {
      const status = await call('notices.status', {});
      if (mine !== generation) return;
      // An edit still on its way wins over the settings read before it was saved.
      set(
        settingsWrites > 0
          ? { status, statusError: null }
          : { status, statusError: null, settings: status.settings },
      );
    } catch (error) {
      if (mine === generation) set({ statusError: messageOf(error) });
    }
  },

  setFormat(format) {
    if (format === get().format) return;
    set({ format, plan: null });
    void get().loadPlan();
  },

  updateSettings(key, patch) {
    const mine = generation;
    const current = get().settings;
    if (current === null) return Promise.resolve('The settings are still loading; try again in a moment.');
    const merge = (base: NoticeSettings): NoticeSettings => ({
      ...base,
      ...patch,
      offer: { ...base.offer, ...patch.offer },
    });
    set({ settings: merge(current) });
    settingsWrites += 1;
    const write = settingsQueue.then(() =>
      useWorkspaceStore.getState().track(key, async () => {
        const latest = get().settings ?? current;
        // Only the fields this edit changed, with the offer as it stands now (the contract takes it whole).
        const { offer, ...rest } = patch;
        const body: Partial<NoticeSettings> = offer === undefined ? rest : { ...rest, offer: latest.offer };
        const saved = await call('notices.updateSettings', body);
        if (mine === generation && settingsWrites === 1) set({ settings: saved });
      }),
    );
    settingsQueue = write;
    return write.then(async (failure) => {
      settingsWrites -= 1;
      if (failure !== null && mine === generation && settingsWrites === 0) {
        // Show what is saved, not the edit that failed.
        try {
          set({ settings: await call('notices.settings', {}) });
        } catch {
          // The failure already said what went wrong.
        }
      }
      return failure;
    });
  },

  async write(runId) {
    const mine = generation;
    let out: string | null;
    try {
      out = (await call('dialog.chooseNoticesFolder', {})).path;
    } catch (error) {
      return messageOf(error);
    }
    if (out === null || mine !== generation) return null;
    const format = runId === undefined ? get().format : undefined;
    const end = await useJobStore.getState().run({
      lane: 'notices',
      kind: 'notices-generate',
      label: runId === undefined ? 'Writing the notices' : 'Writing the run again',
      channel: 'notices.generate',
      input: runId === undefined ? { out, format } : { out, runId },
      writes: true,
      started: () => set({ writeEnd: null }),
    });
    if (mine !== generation) return null;
    if (end.kind === 'busy') return end.message;
    set({
      writeEnd:
        end.kind === 'done'
          ? { kind: 'done', run: end.value.run, again: runId !== undefined }
          : end.kind === 'cancelled'
            ? { kind: 'cancelled' }
            : { kind: 'failed', message: end.message },
    });
    // A run written says so (contentChanged 'notices'); one that ended otherwise may have changed the plan.
    if (end.kind !== 'done') void get().load();
    return null;
  },

  async track(kind) {
    const mine = generation;
    try {
      const { paths } = await call('dialog.chooseTrackingFiles', {});
      if (paths.length === 0 || mine !== generation) return null;
      let result: TrackResult | null = null;
      const failure = await useWorkspaceStore.getState().track(null, async () => {
        result = await call('notices.track', { paths, kind });
      });
      if (failure !== null) return failure;
      if (mine === generation && result !== null) set({ trackResult: { kind, result } });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  },

  async importCodes() {
    const mine = generation;
    try {
      const { path } = await call('dialog.chooseCodesFile', {});
      if (path === null || mine !== generation) return null;
      let result: CodesImportResult | null = null;
      const failure = await useWorkspaceStore.getState().track(null, async () => {
        result = await call('notices.importCodes', { path });
      });
      if (failure !== null) return failure;
      if (mine === generation && result !== null) set({ codesResult: result });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  },

  recordSubstitute(postedOn, ruleId) {
    const mine = generation;
    return useWorkspaceStore.getState().track(null, async () => {
      const status = await call('notices.recordSubstitute', { postedOn, ruleIds: [ruleId] });
      if (mine === generation) set({ status });
    });
  },

  reset() {
    generation += 1;
    planRequest += 1;
    set({
      settings: null,
      format: 'eml',
      plan: null,
      planError: null,
      status: null,
      statusError: null,
      letters: null,
      writeEnd: null,
      trackResult: null,
      codesResult: null,
    });
  },
}));

resetOnCaseChange(() => {
  useNoticesStore.getState().reset();
  // Another case: a run main may still finish belongs to the case it started in.
  useJobStore.getState().release('notices');
});
