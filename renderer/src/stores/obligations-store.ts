import { create } from 'zustand';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { call, messageOf } from '../api/client';
import { resetOnCaseChange } from '../lib/track-save';
import { useWorkspaceStore } from './workspace-store';

export type ObligationsBoard = ChannelOutput<'obligations.board'>;
export type StatusInput = ChannelInput<'obligations.setStatus'>['status'];
export type ObligationsTab = 'board' | 'severity' | 'register' | 'rules';

interface ObligationsState {
  board: ObligationsBoard | null;
  /** The "law as of" date the user chose; null: the default (the day the breach was discovered). */
  asOf: string | null;
  error: string | null;
  /** Rule ids whose detail is open. */
  expanded: string[];
  tab: ObligationsTab;
  /**
   * Set by "Make the risk decision" on the board: the severity view then takes the user to its
   * decision form (focus on it) and clears this, so the request is served once.
   */
  decisionRequested: boolean;
  /** Loads the board (concurrent calls share one request, and one more runs if asked meanwhile). */
  load: () => Promise<void>;
  setAsOf: (asOf: string | null) => Promise<void>;
  /** Records a status, then reloads; resolves null, or the sentence saying why it failed. */
  /** Records a notice's status, or one stage's of a staged report. */
  setStatus: (ruleId: string, status: StatusInput, stageId?: string) => Promise<string | null>;
  toggle: (ruleId: string) => void;
  showTab: (tab: ObligationsTab) => void;
  /** Opens the severity view at its risk decision, the decision a "decision needed" notice waits for. */
  requestDecision: () => void;
  decisionShown: () => void;
  reset: () => void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

let generation = 0;
let running: Promise<void> | null = null;
let again = false;

export const useObligationsStore = create<ObligationsState>()((set, get) => {
  async function fetchOnce(): Promise<void> {
    const mine = generation;
    const asOf = get().asOf;
    try {
      const board = await call('obligations.board', asOf === null ? {} : { asOf });
      if (mine === generation && asOf === get().asOf) set({ board, error: null });
    } catch (error) {
      if (mine === generation && asOf === get().asOf) set({ error: messageOf(error) });
    }
  }

  return {
    board: null,
    asOf: null,
    error: null,
    expanded: [],
    tab: 'board',
    decisionRequested: false,

    load() {
      if (useWorkspaceStore.getState().current === null) return Promise.resolve();
      if (running !== null) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await fetchOnce();
        } while (again);
      })().finally(() => {
        running = null;
      });
      return running;
    },

    setAsOf(asOf) {
      const next = asOf === null || !DATE.test(asOf) ? null : asOf;
      if (next === get().asOf) return Promise.resolve();
      set({ asOf: next });
      return get().load();
    },

    setStatus(ruleId, status, stageId) {
      const mine = generation;
      const asOf = get().asOf;
      return useWorkspaceStore.getState().track(null, async () => {
        await call('obligations.setStatus', {
          ruleId,
          status,
          ...(asOf === null ? {} : { asOf }),
          ...(stageId === undefined ? {} : { stageId }),
        });
        if (mine === generation) await get().load();
      });
    },

    toggle(ruleId) {
      set((state) => ({
        expanded: state.expanded.includes(ruleId)
          ? state.expanded.filter((id) => id !== ruleId)
          : [...state.expanded, ruleId],
      }));
    },

    showTab(tab) {
      set({ tab });
    },

    requestDecision() {
      set({ tab: 'severity', decisionRequested: true });
    },

    decisionShown() {
      set({ decisionRequested: false });
    },

    reset() {
      generation += 1;
      again = false;
      set({ board: null, asOf: null, error: null, expanded: [], tab: 'board', decisionRequested: false });
    },
  };
});

resetOnCaseChange(() => useObligationsStore.getState().reset());
