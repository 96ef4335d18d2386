import { useCallback, useEffect, useId } from 'react';
import { useContentChanged } from '../../../lib/use-content-changed';
import { PlanView } from './PlanView';
import { SettingsForm } from './SettingsForm';
import { StatusView } from './StatusView';
import { Tracking } from './Tracking';
import { WriteJob } from './WriteJob';
import { useNoticesStore } from './notices-store';
import './notices.css';

/**
 * Notices to every affected person: the plan before anything is written, how notices are sent,
 * writing a run (files the mail system or mail house sends; Breachdesk sends nothing), what came
 * back, and where everyone stands.
 */
export function NoticesPanel() {
  const load = useNoticesStore((state) => state.load);
  const status = useNoticesStore((state) => state.status);
  const statusError = useNoticesStore((state) => state.statusError);
  const settings = useNoticesStore((state) => state.settings);
  const id = useId();
  useEffect(() => void load(), [load]);
  // A letter approved, a roster imported, a decision made: each can change who gets which notice.
  const reload = useCallback(() => void load(), [load]);
  useContentChanged(['notices', 'roster', 'letters', 'obligations'], reload);

  return (
    <section className="panel notices" aria-labelledby={id}>
      <div className="roster__head">
        <h3 id={id} className="panel__title">
          Notices to people
        </h3>
      </div>
      <p className="muted notices-intro">
        Turns the roster into a notice to every affected person: e-mail files and print batches for your mail
        system or mail house to send. Breachdesk sends nothing itself.
      </p>
      <PlanView />
      <WriteJob />
      {statusError !== null && (
        <p className="inline-error" role="alert">
          {statusError}
        </p>
      )}
      {status === null && statusError === null && <p className="muted">Loading where everyone stands…</p>}
      {status !== null && settings !== null && <SettingsForm settings={settings} codes={status.codes} />}
      {status !== null && status.people > 0 && <Tracking />}
      {status !== null && status.people > 0 && <StatusView status={status} />}
    </section>
  );
}
