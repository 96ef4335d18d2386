import { create } from 'zustand';
import type { JobProgress } from '../../../../shared/domain/evidence';
import type { ErrorCode } from '../../../../shared/ipc/errors';
import { call, codeOf, messageOf, onEvent } from '../../api/client';
import { resetOnCaseChange } from '../../lib/track-save';
import { newJobId } from '../../stores/evidence-store';
import type { JobView } from '../evidence/JobPanel';
import { requestCancel } from '../../lib/cancel-job';

export type BundleJobKind = Extract<JobProgress['job'], `bundle-${string}`>;

/** The bundle dialog open now (one at a time, over the welcome screen or the workspace). */
export type BundleFlow =
  | { kind: 'export' }
  /** Verify a chosen bundle; `importable` offers "Import as new case…" once it passes. */
  | { kind: 'verify'; path: string; importable: boolean }
  | { kind: 'merge'; path: string }
  | { kind: 'conflicts' }
  | { kind: 'keys' };

export interface BundleJob extends JobView {
  id: string;
  kind: BundleJobKind;
}

/** How a long job ended: its value, a cancel, or the failure's sentence. */
export type JobEnd<T> =
  | { kind: 'done'; value: T }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: ErrorCode | null; message: string };

interface BundleState {
  flow: BundleFlow | null;
  job: BundleJob | null;
  /** Why asking the running job to stop failed. */
  cancelError: string | null;
  /** Why choosing a bundle failed, shown beside the button that asked (welcome screen, overview card). */
  actionError: string | null;
  /** Opens a dialog; ignored while another bundle dialog is open (menu and shortcut may both fire). */
  show: (flow: BundleFlow) => void;
  /** Replaces the open dialog with another (an export's "Verify it now"); ignored while a job runs. */
  switchTo: (flow: BundleFlow) => void;
  /** Closes the dialog; ignored while its job runs (Cancel stops the job first). */
  close: () => void;
  /** Asks for a bundle with the native dialog, then opens `then` for it; cancelling changes nothing. */
  chooseBundle: (then: (path: string) => BundleFlow) => Promise<void>;
  runJob: <T>(kind: BundleJobKind, label: string, work: (jobId: string) => Promise<T>) => Promise<JobEnd<T>>;
  cancelJob: () => Promise<void>;
  setActionError: (message: string | null) => void;
}

/** Where the keyboard was when the first dialog of a flow opened; it goes back there at the end. */
let returnFocus: HTMLElement | null = null;

export const useBundleStore = create<BundleState>()((set, get) => ({
  flow: null,
  job: null,
  cancelError: null,
  actionError: null,

  show(flow) {
    if (get().flow !== null) return;
    returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    set({ flow, actionError: null });
  },

  switchTo(flow) {
    if (get().job !== null) return;
    set({ flow, actionError: null });
  },

  close() {
    if (get().job !== null) return;
    set({ flow: null });
    // A dialog that replaced another (export → verify) cannot know where the flow began.
    const target = returnFocus;
    returnFocus = null;
    window.requestAnimationFrame(() => {
      if (target?.isConnected === true && document.activeElement === document.body) target.focus();
    });
  },

  async chooseBundle(then) {
    if (get().flow !== null) return;
    try {
      const { path } = await call('dialog.chooseBundle', {});
      if (path !== null) get().show(then(path));
    } catch (error) {
      set({ actionError: messageOf(error) });
    }
  },

  async runJob(kind, label, work) {
    if (get().job !== null) {
      return {
        kind: 'failed',
        code: null,
        message: 'Another bundle job is running; wait for it or cancel it.',
      };
    }
    const id = newJobId();
    set({ job: { id, kind, label, progress: null, cancelling: false }, cancelError: null });
    const off = onEvent('job.progress', (progress) => {
      const job = get().job;
      if (progress.jobId === id && job?.id === id) set({ job: { ...job, progress } });
    });
    try {
      return { kind: 'done', value: await work(id) };
    } catch (error) {
      const code = codeOf(error);
      return code === 'CANCELLED'
        ? { kind: 'cancelled' }
        : { kind: 'failed', code, message: messageOf(error) };
    } finally {
      off();
      if (get().job?.id === id) set({ job: null });
    }
  },

  cancelJob() {
    return requestCancel(
      () => get().job,
      (job) => set({ job }),
      (cancelError) => set({ cancelError }),
    );
  },

  setActionError(actionError) {
    set({ actionError });
  },
}));

// Export, merge and conflicts belong to the open case: another case (or none) closes their dialog.
// A job still running goes on in main; its end is no longer shown.
resetOnCaseChange(() => {
  const flow = useBundleStore.getState().flow;
  if (flow !== null && (flow.kind === 'export' || flow.kind === 'merge' || flow.kind === 'conflicts'))
    useBundleStore.setState({ flow: null });
});
