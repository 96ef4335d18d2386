import { useCallback, useEffect } from 'react';
import { useContentChanged } from '../../lib/use-content-changed';
import { usePeopleStore } from '../../stores/people-store';
import { CsvImportPanel } from './CsvImportPanel';
import { DataElementsPanel } from './DataElementsPanel';
import { PopulationsPanel } from './PopulationsPanel';

/** Which kinds of personal data were involved, and how many people in each jurisdiction. */
export function PeopleSection() {
  const loadElements = usePeopleStore((state) => state.loadElements);
  const loadPopulations = usePeopleStore((state) => state.loadPopulations);
  const error = usePeopleStore((state) => state.error);

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
      <DataElementsPanel />
      <PopulationsPanel />
      <CsvImportPanel />
    </div>
  );
}
