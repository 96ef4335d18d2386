import { useCallback, useEffect, useId } from 'react';
import { TabList, tabIdOf, type Tab } from '../../components/TabList';
import { usePeopleView, type PeopleTab } from './people-view';
import { useContentChanged } from '../../lib/use-content-changed';
import { usePeopleStore } from '../../stores/people-store';
import { CsvImportPanel } from './CsvImportPanel';
import { DataElementsPanel } from './DataElementsPanel';
import { PopulationsPanel } from './PopulationsPanel';
import { NoticesPanel } from './notices/NoticesPanel';
import { RosterPanel } from './roster/RosterPanel';

const TABS: readonly Tab<PeopleTab>[] = [
  { id: 'counts', label: 'Data and counts' },
  { id: 'roster', label: 'Roster' },
  { id: 'notices', label: 'Notices' },
];

/**
 * Which kinds of personal data were involved, and how many people in each jurisdiction: entered
 * by hand (first tab) or counted from the roster of exposed people (second tab).
 */
export function PeopleSection() {
  const loadElements = usePeopleStore((state) => state.loadElements);
  const loadPopulations = usePeopleStore((state) => state.loadPopulations);
  const error = usePeopleStore((state) => state.error);
  const tab = usePeopleView((state) => state.tab);
  const setTab = usePeopleView((state) => state.showTab);
  const panelId = useId();

  const reload = useCallback(() => {
    void loadElements();
    void loadPopulations();
  }, [loadElements, loadPopulations]);
  useEffect(reload, [reload]);
  useContentChanged(['dataElements'], loadElements);
  useContentChanged(['populations'], loadPopulations);

  return (
    <div className="people-section inv-section">
      {error !== null && (
        <p className="notice notice--fail" role="alert">
          {error}
        </p>
      )}
      <TabList tabs={TABS} selected={tab} onSelect={setTab} panelId={panelId} label="People and data views" />
      <div id={panelId} role="tabpanel" className="people-tabpanel" aria-labelledby={tabIdOf(panelId, tab)}>
        {tab === 'counts' ? (
          <>
            <DataElementsPanel />
            <PopulationsPanel />
            <CsvImportPanel />
          </>
        ) : tab === 'roster' ? (
          <RosterPanel />
        ) : (
          <NoticesPanel />
        )}
      </div>
    </div>
  );
}
