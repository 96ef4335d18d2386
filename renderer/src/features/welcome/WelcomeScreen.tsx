import { useEffect, useId, useState } from 'react';
import { chooseAndOpenCase, openDemoCase } from '../../app/case-actions';
import { Button } from '../../components/Button';
import { StatusBanner } from '../../components/StatusBanner';
import { MOD_LABEL } from '../../lib/platform';
import { useRecentStore } from '../../stores/recent-store';
import { useUiStore } from '../../stores/ui-store';
import { WelcomeBundleActions } from '../bundles/WelcomeBundleActions';
import { RecentList } from './RecentList';

/** No case open: start one, open one, or pick up a recent case file. */
export function WelcomeScreen() {
  const openDialog = useUiStore((state) => state.openDialog);
  const actionError = useUiStore((state) => state.actionError);
  const busy = useUiStore((state) => state.busy);
  const loadRecent = useRecentStore((state) => state.load);
  const demoNoteId = useId();
  const rulePackNoteId = useId();
  const [buildingDemo, setBuildingDemo] = useState(false);

  useEffect(() => {
    void loadRecent();
  }, [loadRecent]);

  async function openDemo(): Promise<void> {
    setBuildingDemo(true);
    try {
      await openDemoCase();
    } finally {
      setBuildingDemo(false);
    }
  }

  return (
    <main className="welcome" aria-labelledby="welcome-heading">
      <header className="welcome__header">
        <p className="welcome__brand" aria-hidden="true">
          <span className="brand-mark">B</span>
        </p>
        <h1 id="welcome-heading" className="welcome__title">
          Breachdesk
        </h1>
        <p className="welcome__tagline">
          A workbench for personal-data breach incidents. Each incident is one case file on this computer;
          nothing leaves it.
        </p>
      </header>

      <section className="welcome__actions" aria-label="Start">
        <Button variant="primary" onClick={() => openDialog('newCase')} aria-keyshortcuts="Control+N Meta+N">
          New case…
        </Button>
        <Button onClick={() => void chooseAndOpenCase()} disabled={busy} aria-keyshortcuts="Control+O Meta+O">
          Open case…
        </Button>
        <Button
          onClick={() => void openDemo()}
          disabled={busy}
          aria-describedby={demoNoteId}
          aria-busy={buildingDemo || undefined}
        >
          {buildingDemo ? 'Building the demo case…' : 'Open demo case'}
        </Button>
      </section>
      <p className="welcome__note" id={demoNoteId} aria-live="polite">
        {buildingDemo
          ? 'Writing the sample incident, its timeline and its generated evidence files; this takes a few seconds.'
          : 'The demo case is a worked sample incident (a fictional music-streaming service, 2020) with its facts, people affected, parties, timeline and generated evidence files; you choose where its case file is saved.'}
      </p>

      <WelcomeBundleActions />

      <section className="welcome__actions" aria-label="Reference">
        <Button onClick={() => openDialog('rulePack')} aria-describedby={rulePackNoteId}>
          Rule pack…
        </Button>
      </section>
      <p className="welcome__note" id={rulePackNoteId}>
        The jurisdictions the obligations engine covers, with their rules, citations and what is ⚠ to be
        verified.
      </p>

      {actionError !== null && (
        <StatusBanner tone="fail" title={actionError} label="Could not open the case file" />
      )}

      <RecentList />

      <p className="welcome__hint">
        <kbd>{MOD_LABEL}+N</kbd> new case · <kbd>{MOD_LABEL}+O</kbd> open · <kbd>?</kbd> all shortcuts
      </p>
    </main>
  );
}
