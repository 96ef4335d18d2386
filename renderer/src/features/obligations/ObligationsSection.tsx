import { useId } from 'react';
import { TabList, tabIdOf, type Tab } from '../../components/TabList';
import { useObligationsStore, type ObligationsTab } from '../../stores/obligations-store';
import { RegisterPanel } from '../register/RegisterPanel';
import { StatusReportButton } from '../report/StatusReportButton';
import { RulePackView } from '../rules/RulePackView';
import { SeverityPanel } from '../severity/SeverityPanel';
import { HarmDecisions } from './HarmDecisions';
import { ObligationsBoard } from './ObligationsBoard';

const TABS: readonly Tab<ObligationsTab>[] = [
  { id: 'board', label: 'Notifications' },
  { id: 'severity', label: 'Severity' },
  { id: 'register', label: 'Breach register' },
  { id: 'rules', label: 'Rule pack' },
];

/**
 * Who must be told what, by when (the board); the severity assessment; the Art. 33(5) register;
 * the rule pack the board is evaluated from.
 */
export function ObligationsSection() {
  const tab = useObligationsStore((state) => state.tab);
  const showTab = useObligationsStore((state) => state.showTab);
  const panelId = useId();

  return (
    <div className="obl-section">
      <div className="obl-section__head">
        <TabList tabs={TABS} selected={tab} onSelect={showTab} panelId={panelId} label="Obligations views" />
        <StatusReportButton small />
      </div>
      <div id={panelId} role="tabpanel" className="obl-tabpanel" aria-labelledby={tabIdOf(panelId, tab)}>
        {tab === 'board' && (
          <>
            <ObligationsBoard />
            <HarmDecisions />
          </>
        )}
        {tab === 'severity' && <SeverityPanel />}
        {tab === 'register' && <RegisterPanel />}
        {tab === 'rules' && <RulePackView />}
      </div>
    </div>
  );
}
