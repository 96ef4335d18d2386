import { useEffect, useRef, useState } from 'react';
import { Button } from '../components/Button';
import type { OpenCase } from '../../../shared/domain/case';
import { StatusBanner } from '../components/StatusBanner';
import { AuditSection } from '../features/audit/AuditSection';
import { EvidenceSection } from '../features/evidence/EvidenceSection';
import { FactsSection } from '../features/facts/FactsSection';
import { LettersSection } from '../features/letters/LettersSection';
import { ObligationsSection } from '../features/obligations/ObligationsSection';
import { OverviewSection } from '../features/overview/OverviewSection';
import { PartiesSection } from '../features/parties/PartiesSection';
import { PeopleSection } from '../features/people/PeopleSection';
import { PlaceholderSection } from '../features/placeholder/PlaceholderSection';
import { TasksNotesSection } from '../features/tasks-notes/TasksNotesSection';
import { TimelineSection } from '../features/timeline/TimelineSection';
import { useDemoViewStore, type DemoView } from '../stores/demo-view-store';
import { useUiStore } from '../stores/ui-store';
import { useWorkspaceStore } from '../stores/workspace-store';
import { sectionById, type Section } from './sections';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

/** An open case: top bar, section list on the left, the chosen section in the main pane. */
export function Workspace({ openCase }: { openCase: OpenCase }) {
  const sectionId = useWorkspaceStore((state) => state.section);
  const visit = useWorkspaceStore((state) => state.sectionVisit);
  const actionError = useUiStore((state) => state.actionError);
  const heading = useRef<HTMLHeadingElement>(null);
  const section = sectionById(sectionId);

  // After a section change (click or Alt+digit) the keyboard continues from the section's heading.
  useEffect(() => {
    if (visit > 0) heading.current?.focus();
  }, [visit]);

  return (
    <div className="workspace">
      <TopBar openCase={openCase} />
      <Sidebar current={sectionId} />
      <main className="workspace__main" aria-labelledby="section-heading">
        {actionError !== null && (
          <StatusBanner tone="fail" title={actionError} label="Could not open the case file" />
        )}
        <OpeningNotices key={openCase.path} notices={openCase.notices} />
        {openCase.demoAsOf !== null && <DemoAsOfBanner view={openCase.demoAsOf} />}
        <h2 id="section-heading" className="section-heading" tabIndex={-1} ref={heading}>
          {section.label}
        </h2>
        <SectionBody section={section} openCase={openCase} />
      </main>
    </div>
  );
}

/**
 * What opening the file had to say (a change rolled back after a crash, the demo case being
 * unencrypted), until the user has read it and dismissed it.
 */
function OpeningNotices({ notices }: { notices: readonly string[] }) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || notices.length === 0) return null;
  return (
    <StatusBanner
      tone="info"
      mark="i"
      label="Notes on opening the case file"
      title={notices[0]}
      actions={
        <Button variant="secondary" onClick={() => setDismissed(true)}>
          Dismiss
        </Button>
      }
    >
      {notices.slice(1).map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
    </StatusBanner>
  );
}

/** "17 Nov 2020" and "17 Nov 2020, 16:00 Stockholm time": the demo's moment in the case's zone. */
function demoMoment(view: DemoView): { day: string; time: string } {
  const at = new Date(view.at);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: view.zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(at);
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone: view.zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  const place = view.zone.split('/').pop()?.replaceAll('_', ' ') ?? view.zone;
  return { day, time: `${day}, ${clock} ${place} time` };
}

/**
 * The demo case is shown as of its own day 2, so its clocks read as in a live incident; one
 * button switches every countdown to the real clock and back. Never shown for another case.
 */
function DemoAsOfBanner({ view }: { view: DemoView }) {
  const showToday = useDemoViewStore((state) => state.showToday);
  const setShowToday = useDemoViewStore((state) => state.setShowToday);
  const { day, time } = demoMoment(view);
  return (
    <StatusBanner
      tone="info"
      mark="i"
      label="Demo case"
      title={showToday ? 'Demo: shown as of today' : `Demo: shown as of ${day}`}
      actions={
        <Button variant="secondary" onClick={() => setShowToday(!showToday)}>
          {showToday ? `Show as of ${day}` : 'Show as of today'}
        </Button>
      }
    >
      <p>
        {showToday
          ? `Deadlines count from today, so the demo's 2020 clocks are long overdue. The case's facts are the same either way.`
          : `Deadlines and countdowns read as on the incident's second day (${time}), as they would during a live response. The case's facts are the same either way.`}
      </p>
    </StatusBanner>
  );
}

function SectionBody({ section, openCase }: { section: Section; openCase: OpenCase }) {
  if (section.id === 'overview') return <OverviewSection openCase={openCase} />;
  if (section.id === 'audit') return <AuditSection />;
  if (section.id === 'timeline') return <TimelineSection />;
  if (section.id === 'evidence') return <EvidenceSection />;
  if (section.id === 'facts') return <FactsSection />;
  if (section.id === 'people') return <PeopleSection />;
  if (section.id === 'parties') return <PartiesSection />;
  if (section.id === 'tasks') return <TasksNotesSection />;
  if (section.id === 'obligations') return <ObligationsSection />;
  if (section.id === 'letters') return <LettersSection />;
  // Every section is built; a section added later without its body says so in one sentence.
  const unbuilt: { upcoming?: string } = section;
  return <PlaceholderSection sentence={unbuilt.upcoming ?? 'This section arrives in a later release.'} />;
}
