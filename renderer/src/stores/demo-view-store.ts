import { create } from 'zustand';
import type { OpenCase } from '../../../shared/domain/case';
import { resetOnCaseChange } from '../lib/track-save';
import { useWorkspaceStore } from './workspace-store';

export type DemoView = NonNullable<OpenCase['demoAsOf']>;

interface DemoViewState {
  /**
   * "Show as of today" was chosen for the demo case now open: its clocks follow the real clock.
   * Reset whenever a case is opened, so the demo always opens as of its own day 2.
   */
  showToday: boolean;
  setShowToday: (showToday: boolean) => void;
}

export const useDemoViewStore = create<DemoViewState>()((set) => ({
  showToday: false,
  setShowToday(showToday) {
    set({ showToday });
  },
}));

resetOnCaseChange(() => useDemoViewStore.setState({ showToday: false }));

/**
 * The moment the open case is shown as of, when that is not the real clock: the demo case's own
 * day 2 unless "Show as of today" was chosen; null for every other case (the service marks only
 * the demo). The one source of "now" for countdowns, with `useNow` and `appNow`.
 */
export function selectViewAsOf(current: OpenCase | null, showToday: boolean): DemoView | null {
  return current === null || showToday ? null : current.demoAsOf;
}

/** "Now" outside React (a store, an event handler): the demo's moment, else the real clock. */
export function appNow(): number {
  const view = selectViewAsOf(useWorkspaceStore.getState().current, useDemoViewStore.getState().showToday);
  return view === null ? Date.now() : Date.parse(view.at);
}
