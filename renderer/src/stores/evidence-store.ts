import { create } from 'zustand';
import type {
  CustodyEntry,
  EvidenceItem,
  EvidencePatch,
  EvidenceVerification,
  IntakeMetadata,
  IntakeResult,
  JobProgress,
} from '../../../shared/domain/evidence';
import type { PendingEvidence } from '../../../shared/domain/pending-evidence';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { call, codeOf, messageOf, onEvent } from '../api/client';
import { PendingPatches, upsert } from '../lib/pending-patches';
import { resetOnCaseChange, trackSave } from '../lib/track-save';
import { useEvidenceFocusStore } from './evidence-focus-store';
import { useWorkspaceStore, type SaveKey } from './workspace-store';
import { requestCancel } from '../lib/cancel-job';
import { plural } from '../../../shared/text/plural';

/** The evidence jobs (the bundle jobs of features/bundles report through the same events). */
export type JobKind = Extract<JobProgress['job'], 'intake' | 'verify' | 'export'>;

/** The long job running now (one at a time): what it is, and its latest progress event. */
export interface RunningJob {
  id: string;
  kind: JobKind;
  /** What the panel says it is doing: "Adding 3 files", "Verifying 12 items". */
  label: string;
  progress: JobProgress | null;
  cancelling: boolean;
}

/** What the last long job came to, shown above the list until the next one starts or it is dismissed. */
export type JobOutcome =
  | { kind: 'intake'; result: IntakeResult }
  | { kind: 'verify'; result: EvidenceVerification }
  | { kind: 'export'; name: string; expected: string; result: ChannelOutput<'evidence.export'> }
  | { kind: 'cancelled'; job: JobKind }
  | { kind: 'failed'; job: JobKind; message: string };

/** Where an item was asked to be opened (search, the timeline), with the line of its text to show. */
export interface PreviewFocus {
  id: string;
  line: number | null;
}

interface EvidenceState {
  items: EvidenceItem[] | null;
  selectedId: string | null;
  filter: string;
  error: string | null;
  /** The custody record of the selected item, as last read. */
  custody: { id: string; entries: CustodyEntry[] } | null;
  custodyError: string | null;
  pending: PendingEvidence[];
  /** Titles of the events linked from items and pending files, by event id. */
  eventTitles: Record<string, string>;
  focus: PreviewFocus | null;
  /** Paths chosen or dropped, waiting for the intake dialog's metadata. */
  intakePaths: string[] | null;
  job: RunningJob | null;
  outcome: JobOutcome | null;
  /** Why choosing files or starting a job failed, shown by the toolbar. */
  actionError: string | null;

  load: () => Promise<void>;
  select: (id: string | null) => void;
  setFilter: (filter: string) => void;
  focusOn: (id: string, line: number | null) => void;
  loadCustody: (id: string) => Promise<void>;
  addCustody: (input: ChannelInput<'evidence.addCustody'>) => Promise<string | null>;
  update: (key: SaveKey, id: string, patch: EvidencePatch) => Promise<string | null>;
  /** Titles of these events, fetched once each. */
  learnEventTitles: (ids: readonly string[]) => Promise<void>;
  chooseFiles: (folders: boolean) => Promise<void>;
  setIntakePaths: (paths: string[] | null) => void;
  intake: (paths: string[], metadata: IntakeMetadata) => Promise<void>;
  verifyAll: () => Promise<void>;
  exportItem: (item: EvidenceItem) => Promise<void>;
  cancelJob: () => Promise<void>;
  dismissOutcome: () => void;
  reset: () => void;
}

/**
 * A v4 UUID for a job. crypto.randomUUID exists only in secure contexts (the app's own pages are;
 * a page served over plain http, as in the browser tests, is not), so fall back to random bytes.
 */
export function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let generation = 0;
const patches = new PendingPatches<EvidencePatch>();

const EMPTY_METADATA: IntakeMetadata = {
  source: '',
  collectedBy: '',
  collectedAt: null,
  description: '',
  tags: [],
  eventIds: [],
  partyIds: [],
};

export const useEvidenceStore = create<EvidenceState>()((set, get) => {
  /**
   * Runs one long job: follows its `job.progress` events while the call runs and turns the end
   * into an outcome (the result, "cancelled", or the failure's sentence). Resolves the result or null.
   */
  async function runJob<T>(
    kind: JobKind,
    label: string,
    work: (jobId: string) => Promise<T>,
    done: (result: T) => JobOutcome,
  ): Promise<T | null> {
    if (get().job !== null) {
      set({ actionError: 'Another evidence job is running; wait for it or cancel it first.' });
      return null;
    }
    const mine = generation;
    const id = newJobId();
    set({ job: { id, kind, label, progress: null, cancelling: false }, outcome: null, actionError: null });
    const off = onEvent('job.progress', (progress) => {
      const job = get().job;
      if (progress.jobId === id && job?.id === id) set({ job: { ...job, progress } });
    });
    try {
      const result = await work(id);
      if (mine === generation) set({ job: null, outcome: done(result) });
      return result;
    } catch (error) {
      if (mine === generation) {
        const outcome: JobOutcome =
          codeOf(error) === 'CANCELLED'
            ? { kind: 'cancelled', job: kind }
            : { kind: 'failed', job: kind, message: messageOf(error) };
        set({ job: null, outcome });
      }
      return null;
    } finally {
      off();
    }
  }

  return {
    items: null,
    selectedId: null,
    filter: '',
    error: null,
    custody: null,
    custodyError: null,
    pending: [],
    eventTitles: {},
    focus: null,
    intakePaths: null,
    job: null,
    outcome: null,
    actionError: null,

    async load() {
      const mine = generation;
      try {
        const [listed, pending] = await Promise.all([
          call('evidence.list', {}),
          call('evidence.pending', {}).catch(() => [] as PendingEvidence[]),
        ]);
        if (mine !== generation) return;
        const items = listed.map((item) => patches.apply(item));
        const selectedId = get().selectedId;
        const keep = items.some((item) => item.id === selectedId);
        set({ items, pending, error: null, selectedId: keep ? selectedId : (items[0]?.id ?? null) });
        void get().learnEventTitles([
          ...items.flatMap((item) => item.eventIds),
          ...pending.flatMap((file) => file.eventIds),
        ]);
        const selected = get().selectedId;
        if (selected !== null) void get().loadCustody(selected);
      } catch (error) {
        if (mine === generation) set({ items: get().items ?? [], error: messageOf(error) });
      }
    },

    select(selectedId) {
      const focus = get().focus;
      set({ selectedId, focus: focus !== null && focus.id === selectedId ? focus : null });
      if (selectedId !== null) void get().loadCustody(selectedId);
    },

    setFilter(filter) {
      set({ filter });
    },

    focusOn(id, line) {
      const item = get().items?.find((candidate) => candidate.id === id);
      const hidden = item !== undefined && !matchesFilter(item, get().filter);
      set({ selectedId: id, focus: { id, line }, ...(hidden ? { filter: '' } : {}) });
      void get().loadCustody(id);
    },

    async loadCustody(id) {
      const mine = generation;
      try {
        const entries = await call('evidence.custody', { id });
        if (mine === generation && get().selectedId === id)
          set({ custody: { id, entries }, custodyError: null });
      } catch (error) {
        if (mine === generation && get().selectedId === id) set({ custodyError: messageOf(error) });
      }
    },

    addCustody(input) {
      const mine = generation;
      return useWorkspaceStore.getState().track(null, async () => {
        const entry = await call('evidence.addCustody', input);
        const custody = get().custody;
        if (mine === generation && custody?.id === input.evidenceId)
          set({ custody: { id: custody.id, entries: [...custody.entries, entry] } });
      });
    },

    update(key, id, patch) {
      const mine = generation;
      const item = get().items?.find((candidate) => candidate.id === id);
      if (item === undefined) return Promise.resolve('This item is no longer in the case.');
      patches.add(id, patch);
      set((state) => ({ items: upsert(state.items, item, patches) }));
      return useWorkspaceStore.getState().track(key, async () => {
        try {
          const saved = await call('evidence.update', { id, patch });
          patches.delete(id, patch);
          if (mine === generation) set((state) => ({ items: upsert(state.items, saved, patches) }));
          void get().learnEventTitles(saved.eventIds);
        } catch (error) {
          patches.delete(id, patch);
          if (mine === generation) set((state) => ({ items: upsert(state.items, item, patches) }));
          throw error;
        }
      });
    },

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

    async chooseFiles(folders) {
      try {
        const { paths } = await call('dialog.chooseEvidence', { folders });
        if (paths.length > 0) set({ intakePaths: paths, actionError: null });
      } catch (error) {
        set({ actionError: messageOf(error) });
      }
    },

    setIntakePaths(intakePaths) {
      set({ intakePaths });
    },

    async intake(paths, metadata) {
      set({ intakePaths: null });
      const label = `Adding ${plural(paths.length, 'path', 'paths')} to the evidence locker`;
      const result = await runJob(
        'intake',
        label,
        (jobId) => trackSave(() => call('evidence.add', { jobId, paths, metadata })),
        (value) => ({ kind: 'intake', result: value }),
      );
      if (result === null) return;
      const first = result.added[0]?.id ?? result.alreadyPresent[0]?.id;
      if (first !== undefined) set({ selectedId: first, focus: null });
      await get().load();
    },

    async verifyAll() {
      const count = get().items?.length;
      await runJob(
        'verify',
        count === undefined ? 'Verifying every item' : `Verifying ${plural(count, 'item', 'items')}`,
        (jobId) => call('evidence.verify', { jobId }),
        (result) => ({ kind: 'verify', result }),
      );
      const selected = get().selectedId;
      if (selected !== null) await get().loadCustody(selected);
    },

    async exportItem(item) {
      let path: string | null;
      try {
        path = (await call('dialog.chooseExportPath', { suggestedName: item.name })).path;
      } catch (error) {
        set({ actionError: messageOf(error) });
        return;
      }
      if (path === null) return;
      const target = path;
      // The native save dialog has already asked before replacing an existing file.
      await runJob(
        'export',
        `Exporting ${item.name}`,
        (jobId) => call('evidence.export', { jobId, id: item.id, path: target, overwrite: true }),
        (result) => ({ kind: 'export', name: item.name, expected: item.sha256, result }),
      );
      if (get().selectedId === item.id) await get().loadCustody(item.id);
    },

    cancelJob() {
      return requestCancel(
        () => get().job,
        (job) => set({ job }),
        (actionError) => set({ actionError }),
      );
    },

    dismissOutcome() {
      set({ outcome: null });
    },

    reset() {
      generation += 1;
      patches.clear();
      set({
        items: null,
        selectedId: null,
        filter: '',
        error: null,
        custody: null,
        custodyError: null,
        pending: [],
        eventTitles: {},
        focus: null,
        intakePaths: null,
        job: null,
        outcome: null,
        actionError: null,
      });
    },
  };
});

/** Does the filter text appear in the item's name, path, kind, type, description, source or tags? */
export function matchesFilter(item: EvidenceItem, filter: string): boolean {
  const needle = filter.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return [
    item.name,
    item.originalPath,
    item.kind,
    item.mediaType,
    item.description,
    item.source,
    item.sha256,
    ...item.tags,
  ].some((text) => text.toLocaleLowerCase().includes(needle));
}

/** Metadata for a pending file's intake: its description and the events it supports. */
export function pendingMetadata(file: PendingEvidence): IntakeMetadata {
  return { ...EMPTY_METADATA, description: file.description, eventIds: file.eventIds };
}

export { EMPTY_METADATA };

resetOnCaseChange(() => useEvidenceStore.getState().reset());

// Search, the timeline and links ask for an item through the focus store: show it here, in its section.
useEvidenceFocusStore.subscribe((state) => {
  const focus = state.focus;
  if (focus === null) return;
  useEvidenceFocusStore.getState().clear();
  useEvidenceStore.getState().focusOn(focus.id, focus.line);
  const workspace = useWorkspaceStore.getState();
  if (workspace.section !== 'evidence') workspace.showSection('evidence');
});
