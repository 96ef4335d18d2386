import type { Facts } from '../../../../shared/domain/facts';
import type { ZonedTime } from '../../../../shared/time/zoned-time';
import { ZonedTimeField } from '../../components/ZonedTimeField';
import { saveFacts } from './factsSave';

type TimeKey = 'discoveredAt' | 'awareAt' | 'containedAt' | 'exposureStart' | 'exposureEnd';

const save = (key: TimeKey) => (time: ZonedTime | null) => saveFacts(`facts.${key}`, { [key]: time });

/** The moments the law counts from. Each may stay unknown (empty) or be marked approximate. */
export function DatesPanel({ facts }: { facts: Facts }) {
  const warning = windowWarning(facts.exposureStart, facts.exposureEnd);
  return (
    <section className="panel" aria-labelledby="facts-dates-heading">
      <h3 id="facts-dates-heading" className="panel__title">
        Key dates
      </h3>
      <p className="panel__intro">
        Enter each time as the people involved saw it on their clock, in their time zone. Leave a time empty
        while it is unknown; tick Approximate when it is an estimate.
      </p>
      <div className="dates-grid">
        <div data-field="facts.discoveredAt">
          <ZonedTimeField
            legend="Discovered at"
            saveKey="facts.discoveredAt"
            value={facts.discoveredAt}
            nullable
            hint="When someone first noticed that something was wrong."
            save={save('discoveredAt')}
          />
        </div>
        <div data-field="facts.awareAt">
          <ZonedTimeField
            legend="Aware at"
            saveKey="facts.awareAt"
            value={facts.awareAt}
            nullable
            hint={
              <>
                When the organisation became reasonably certain that personal data was compromised.{' '}
                <strong>The notification clocks start here</strong> (for example the 72 hours of GDPR Art.
                33).
              </>
            }
            save={save('awareAt')}
          />
        </div>
        <ZonedTimeField
          legend="Contained at"
          saveKey="facts.containedAt"
          value={facts.containedAt}
          nullable
          hint="When the exposure was stopped (a fix deployed, access revoked)."
          save={save('containedAt')}
        />
      </div>
      <h4 className="panel__subtitle">Exposure window</h4>
      <div className="dates-grid">
        <ZonedTimeField
          legend="Exposure start"
          saveKey="facts.exposureStart"
          value={facts.exposureStart}
          nullable
          hint="When the data first became exposed; a date or a month is enough."
          save={save('exposureStart')}
        />
        <ZonedTimeField
          legend="Exposure end"
          saveKey="facts.exposureEnd"
          value={facts.exposureEnd}
          nullable
          hint="When the exposure ended; empty if it is unknown or still going on."
          save={save('exposureEnd')}
        />
      </div>
      {warning !== null && (
        <p className="warn-note" role="note">
          <span aria-hidden="true">⚠ </span>
          {warning}
        </p>
      )}
    </section>
  );
}

function windowWarning(start: ZonedTime | null, end: ZonedTime | null): string | null {
  if (start === null || end === null) return null;
  return Date.parse(end.utc) < Date.parse(start.utc)
    ? 'The exposure window ends before it starts; check both times.'
    : null;
}
