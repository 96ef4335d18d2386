import { create } from 'zustand';
import { call, messageOf } from '../../api/client';
import { useJobStore } from '../../jobs/job-store';
import { resetOnCaseChange } from '../../lib/track-save';

/** The bundle dialog open now (one at a time, over the welcome screen or the workspace). */
type BundleFlow =
  | { kind: 'export' }
  /** Verify a chosen bundle; `importable` offers "Import as new case…" once it passes. */
  | { kind: 'verify'; path: string; importable: boolean }
  | { kind: 'merge'; path: string }
  | { kind: 'conflicts' }
  | { kind: 'keys' };

interface BundleState {
  flow: BundleFlow | null;
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
  setActionError: (message: string | null) => void;
}

/** True while a bundle job runs: its dialog cannot close or give way to another until it ends. */
function bundleJobRunning(): boolean {
  return useJobStore.getState().running.bundles !== undefined;
}

/** Where the keyboard was when the first dialog of a flow opened; it goes back there at the end. */
let returnFocus: HTMLElement | null = null;

export const useBundleStore = create<BundleState>()((set, get) => ({
  flow: null,
  actionError: null,

  show(flow) {
    if (get().flow !== null) return;
    returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    set({ flow, actionError: null });
  },

  switchTo(flow) {
    if (bundleJobRunning()) return;
    set({ flow, actionError: null });
  },

  close() {
    if (bundleJobRunning()) return;
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
