import { create } from 'zustand';
import { resetOnCaseChange } from '../../lib/track-save';

export type PeopleTab = 'counts' | 'roster' | 'notices';

/**
 * Which tab People & data shows. A store rather than component state, so a search result for
 * people counted from the roster can open the Roster tab before the section draws.
 */
export const usePeopleView = create<{ tab: PeopleTab; showTab: (tab: PeopleTab) => void }>()((set) => ({
  tab: 'counts',
  showTab: (tab) => set({ tab }),
}));

// Another case opens on its counts, as a first look at People & data does.
resetOnCaseChange(() => usePeopleView.setState({ tab: 'counts' }));
