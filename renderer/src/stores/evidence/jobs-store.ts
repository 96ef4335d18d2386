import { create } from 'zustand';
import type {
  EvidenceItem,
  EvidenceVerification,
  IntakeMetadata,
  IntakeResult,
} from '../../../../shared/domain/evidence';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { plural } from '../../../../shared/text/plural';
import { call, messageOf, pathForFile } from '../../api/client';
import { useJobStore } from '../../jobs/job-store';
import type { JobChannel, JobEnd, JobRequest } from '../../jobs/job-types';
import { resetOnCaseChange } from '../../lib/track-save';
import { useCustodyStore } from './custody-store';
import { useEvidenceStore } from './list-store';

/** The evidence jobs (the bundle jobs run in their own lane). */
type EvidenceJobKind = 'intake' | 'verify' | 'export';

/** What the last long job came to, shown above the list until the next one starts or it is dismissed. */
export type JobOutcome =
  | { kind: 'intake'; result: IntakeResult }
  | { kind: 'verify'; result: EvidenceVerification }
  | { kind: 'export'; name: string; expected: string; result: ChannelOutput<'evidence.export'> }
  | { kind: 'cancelled'; job: EvidenceJobKind }
  | { kind: 'failed'; job: EvidenceJobKind; message: string };

interface EvidenceJobsState {
  /** Paths chosen or dropped, waiting for the intake dialog's metadata. */
  intakePaths: string[] | null;
  outcome: JobOutcome | null;
  /** Why choosing files, starting a job or cancelling it failed, shown by the toolbar. */
  actionError: string | null;

  chooseFiles: (folders: boolean) => Promise<void>;
  setIntakePaths: (paths: string[] | null) => void;
  /** Offers dropped files to the intake dialog; false when none of their places on disk is known. */
  dropFiles: (files: readonly File[]) => boolean;
  intake: (paths: string[], metadata: IntakeMetadata) => Promise<void>;
  verifyAll: () => Promise<void>;
  exportItem: (item: EvidenceItem) => Promise<void>;
  cancelJob: () => Promise<void>;
  dismissOutcome: () => void;
  reset: () => void;
}

let generation = 0;

/** True while an evidence job runs (one at a time). */
export function evidenceJobRunning(): boolean {
  return useJobStore.getState().running.evidence !== undefined;
}

/** Adding files, verifying every item and exporting one, through the job runner's evidence lane. */
export const useEvidenceJobsStore = create<EvidenceJobsState>()((set) => {
  /**
   * Runs one evidence job and turns its end into the outcome shown above the list (the result,
   * "cancelled", or the failure's sentence). Resolves the result, or null when there is none.
   */
  async function runJob<C extends JobChannel>(
    kind: EvidenceJobKind,
    request: Omit<JobRequest<C>, 'lane' | 'kind' | 'started'>,
    done: (result: ChannelOutput<C>) => JobOutcome,
  ): Promise<ChannelOutput<C> | null> {
    const mine = generation;
    const ended: JobEnd<ChannelOutput<C>> = await useJobStore.getState().run({
      ...request,
      lane: 'evidence',
      kind,
      started: () => set({ outcome: null, actionError: null }),
    });
    if (ended.kind === 'busy') {
      set({ actionError: ended.message });
      return null;
    }
    if (mine !== generation) return ended.kind === 'done' ? ended.value : null;
    if (ended.kind === 'done') set({ outcome: done(ended.value) });
    else if (ended.kind === 'cancelled') set({ outcome: { kind: 'cancelled', job: kind } });
    else set({ outcome: { kind: 'failed', job: kind, message: ended.message } });
    return ended.kind === 'done' ? ended.value : null;
  }

  return {
    intakePaths: null,
    outcome: null,
    actionError: null,

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

    dropFiles(files) {
      const paths = files.map(pathForFile).filter((path) => path !== '');
      if (paths.length === 0) return false;
      set({ intakePaths: [...new Set(paths)] });
      return true;
    },

    async intake(paths, metadata) {
      set({ intakePaths: null });
      const result = await runJob(
        'intake',
        {
          label: `Adding ${plural(paths.length, 'path', 'paths')} to the evidence locker`,
          channel: 'evidence.add',
          input: { paths, metadata },
          writes: true,
        },
        (value) => ({ kind: 'intake', result: value }),
      );
      if (result === null) return;
      const first = result.added[0]?.id ?? result.alreadyPresent[0]?.id;
      if (first !== undefined) useEvidenceStore.setState({ selectedId: first, focus: null });
      await useEvidenceStore.getState().load();
    },

    async verifyAll() {
      const count = useEvidenceStore.getState().items?.length;
      await runJob(
        'verify',
        {
          label: count === undefined ? 'Verifying every item' : `Verifying ${plural(count, 'item', 'items')}`,
          channel: 'evidence.verify',
          input: {},
        },
        (result) => ({ kind: 'verify', result }),
      );
      const selected = useEvidenceStore.getState().selectedId;
      if (selected !== null) await useCustodyStore.getState().loadCustody(selected);
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
      // The native save dialog has already asked before replacing an existing file.
      await runJob(
        'export',
        {
          label: `Exporting ${item.name}`,
          channel: 'evidence.export',
          input: { id: item.id, path, overwrite: true },
        },
        (result) => ({ kind: 'export', name: item.name, expected: item.sha256, result }),
      );
      if (useEvidenceStore.getState().selectedId === item.id)
        await useCustodyStore.getState().loadCustody(item.id);
    },

    async cancelJob() {
      const failure = await useJobStore.getState().cancel('evidence');
      if (failure !== null) set({ actionError: failure });
    },

    dismissOutcome() {
      set({ outcome: null });
    },

    reset() {
      generation += 1;
      useJobStore.getState().release('evidence');
      set({ intakePaths: null, outcome: null, actionError: null });
    },
  };
});

resetOnCaseChange(() => useEvidenceJobsStore.getState().reset());
