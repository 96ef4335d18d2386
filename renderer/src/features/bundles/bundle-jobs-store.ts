import { create } from 'zustand';
import type { NewCaseKey } from '../../app/case-actions';
import type {
  BundleEnvelope,
  BundleExportOptions,
  BundleExportResult,
  BundleMergeResult,
  BundleVerification,
} from '../../../../shared/domain/bundle';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, messageOf } from '../../api/client';
import { useJobStore } from '../../jobs/job-store';
import type { JobChannel, JobEnd, JobRequest, JobResult } from '../../jobs/job-types';
import { suggestedFileName } from '../../app/case-actions';
import { useConflictsStore } from './conflicts-store';
import { baseName, suggestedBundleName } from './format';
import { useSigningStore } from './signing-store';

/** A job that starts after a native save dialog: also "nothing chosen", or the dialog failed. */
type ChosenJobEnd<T> = JobEnd<T> | { kind: 'not-chosen' } | { kind: 'choose-failed'; message: string };

/** What the export options talk about: the evidence files and privileged notes in the open case. */
export interface CaseContents {
  evidenceFiles: number;
  evidenceBytes: number;
  privilegedNotes: number;
}

interface BundleJobsState {
  /** Why asking the running job to stop failed. */
  cancelError: string | null;
  /**
   * Asks where to save, then writes the open case's bundle there; with an envelope, sealed with
   * age beside the name chosen, as NAME.zip.age.
   */
  exportBundle: (
    caseTitle: string,
    options: BundleExportOptions,
    envelope?: BundleEnvelope,
  ) => Promise<ChosenJobEnd<BundleExportResult>>;
  /** `bundlePassphrase` opens a bundle sealed with age to a passphrase. */
  verifyBundle: (path: string, bundlePassphrase?: string) => Promise<JobEnd<BundleVerification>>;
  /** Asks where to save the new case file, then imports the bundle into it; resolves its path. */
  importBundle: (
    path: string,
    title: string,
    key: NewCaseKey,
    bundlePassphrase?: string,
  ) => Promise<ChosenJobEnd<ChannelOutput<'bundle.import'>>>;
  mergeBundle: (path: string, bundlePassphrase?: string) => Promise<JobEnd<BundleMergeResult>>;
  cancelJob: () => Promise<void>;
  readCaseContents: () => Promise<CaseContents>;
}

/** The bundle dialogs' long jobs, through the job runner's bundle lane, and what they need to ask main. */
export const useBundleJobsStore = create<BundleJobsState>()((set) => {
  function run<C extends JobChannel>(
    kind: JobRequest<C>['kind'],
    request: Omit<JobRequest<C>, 'lane' | 'kind' | 'started'>,
  ): Promise<JobResult<C>> {
    return useJobStore.getState().run({
      ...request,
      lane: 'bundles',
      kind,
      started: () => set({ cancelError: null }),
    });
  }

  /** The path the native save dialog gave, or how asking for it ended. */
  async function choose(ask: () => Promise<{ path: string | null }>): Promise<string | ChosenJobEnd<never>> {
    try {
      const { path } = await ask();
      return path ?? { kind: 'not-chosen' };
    } catch (error) {
      return { kind: 'choose-failed', message: messageOf(error) };
    }
  }

  return {
    cancelError: null,

    async exportBundle(caseTitle, options, envelope) {
      const chosen = await choose(() =>
        call('dialog.chooseBundlePath', { suggestedName: suggestedBundleName(caseTitle) }),
      );
      if (typeof chosen !== 'string') return chosen;
      // The native save dialog has already asked before replacing the file chosen; a sealed
      // bundle is written beside it as NAME.zip.age, which nobody was asked about replacing.
      const ended = await run('bundle-export', {
        label: `Exporting ${caseTitle}`,
        channel: 'bundle.export',
        input: {
          path: chosen,
          overwrite: envelope === undefined,
          ...options,
          ...(envelope === undefined ? {} : { envelope }),
        },
      });
      if (ended.kind === 'done') void useSigningStore.getState().load();
      return ended;
    },

    verifyBundle(path, bundlePassphrase) {
      return run('bundle-verify', {
        label: `Verifying ${baseName(path)}`,
        channel: 'bundle.verify',
        input: { path, ...(bundlePassphrase === undefined ? {} : { bundlePassphrase }) },
      });
    },

    async importBundle(path, title, key, bundlePassphrase) {
      const chosen = await choose(() =>
        call('dialog.chooseNewCasePath', { suggestedName: suggestedFileName(title) }),
      );
      if (typeof chosen !== 'string') return chosen;
      // The native save dialog has already asked before replacing an existing file.
      return run('bundle-import', {
        label: `Importing ${title}`,
        channel: 'bundle.import',
        input: {
          path,
          target: chosen,
          overwrite: true,
          ...key,
          ...(bundlePassphrase === undefined ? {} : { bundlePassphrase }),
        },
      });
    },

    async mergeBundle(path, bundlePassphrase) {
      const ended = await run('bundle-merge', {
        label: `Merging ${baseName(path)}`,
        channel: 'bundle.merge',
        input: { path, ...(bundlePassphrase === undefined ? {} : { bundlePassphrase }) },
        writes: true,
      });
      void useConflictsStore.getState().load();
      return ended;
    },

    async cancelJob() {
      const failure = await useJobStore.getState().cancel('bundles');
      if (failure !== null) set({ cancelError: failure });
    },

    async readCaseContents() {
      const [items, notes] = await Promise.all([call('evidence.list', {}), call('notes.list', {})]);
      return {
        evidenceFiles: items.length,
        evidenceBytes: items.reduce((sum, item) => sum + item.size, 0),
        privilegedNotes: notes.filter((note) => note.privileged).length,
      };
    },
  };
});
