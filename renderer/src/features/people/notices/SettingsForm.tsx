import { useId, useState } from 'react';
import { DATA_ELEMENT_VOCABULARY, type DataElementTerm } from '../../../../../shared/domain/data-elements';
import type { NoticeSettings, NoticeStatusView } from '../../../../../shared/domain/notices';
import { formatCount } from '../../../../../shared/text/count';
import { plural } from '../../../../../shared/text/plural';
import { AutosaveTextField } from '../../../components/AutosaveTextField';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { useNoticesStore, type SettingsPatch } from './notices-store';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** How the case's notices are sent; every change is saved at once (and audited by main). */
export function SettingsForm({
  settings,
  codes,
}: {
  settings: NoticeSettings;
  codes: NoticeStatusView['codes'];
}) {
  const update = useNoticesStore((state) => state.updateSettings);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function save(patch: SettingsPatch): Promise<boolean> {
    const failure = await update(null, patch);
    setError(failure);
    return failure === null;
  }

  async function saveText(
    key: 'notices.senderName' | 'notices.senderAddress' | 'notices.offer.service',
    patch: SettingsPatch,
  ): Promise<boolean> {
    return (await update(key, patch)) === null;
  }

  return (
    <section className="panel notices-block" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="panel__subtitle">
        How notices are sent
      </h4>
      <div className="notices-settings">
        <fieldset className="choice-group">
          <legend className="field__label">Channel</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.emailAllowed}
              onChange={(event) => void save({ emailAllowed: event.target.checked })}
            />
            <span>Notice by e-mail is allowed</span>
          </label>
          <p className="field__hint">Off: everyone with a postal address gets a letter, the others none.</p>
          <label className="check">
            <input
              type="radio"
              name={`${id}-prefer`}
              checked={settings.prefer === 'email'}
              onChange={() => void save({ prefer: 'email' })}
            />
            <span>Prefer e-mail when a person has both</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${id}-prefer`}
              checked={settings.prefer === 'post'}
              onChange={() => void save({ prefer: 'post' })}
            />
            <span>Prefer post when a person has both</span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.credentialsAreOrgEmail}
              aria-describedby={`${id}-credentials`}
              onChange={(event) => void save({ credentialsAreOrgEmail: event.target.checked })}
            />
            <span>The breached credentials are for e-mail accounts we provide</span>
          </label>
          <p id={`${id}-credentials`} className="field__hint">
            California Civil Code §1798.82: the notice must not go to a mailbox whose credentials were
            breached, so those people get a letter instead.
          </p>
        </fieldset>
        <div className="notices-sender">
          <AutosaveTextField
            label="Sender name"
            saveKey="notices.senderName"
            stored={settings.senderName}
            maxLength={300}
            hint="Empty: the organisation's contact name."
            save={(senderName) => saveText('notices.senderName', { senderName })}
          />
          <AutosaveTextField
            label="Sender address"
            saveKey="notices.senderAddress"
            type="email"
            stored={settings.senderAddress}
            maxLength={300}
            hint="Empty: the organisation's contact e-mail."
            validate={(text) =>
              text.trim() === '' || EMAIL.test(text.trim())
                ? null
                : 'The sender address is not an e-mail address.'
            }
            save={(senderAddress) =>
              saveText('notices.senderAddress', { senderAddress: senderAddress.trim() })
            }
          />
        </div>
      </div>
      <OfferSettings settings={settings} codes={codes} save={save} saveText={saveText} />
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function OfferSettings({
  settings,
  codes,
  save,
  saveText,
}: {
  settings: NoticeSettings;
  codes: NoticeStatusView['codes'];
  save: (patch: SettingsPatch) => Promise<boolean>;
  saveText: (key: 'notices.offer.service', patch: SettingsPatch) => Promise<boolean>;
}) {
  const { offer } = settings;
  const [chosen, setChosen] = useState(offer.elements.length > 0);
  const id = useId();
  const withOffer = (change: SettingsPatch['offer']): SettingsPatch => ({ offer: change });

  function toggle(term: DataElementTerm, on: boolean): void {
    const elements = on ? [...offer.elements, term] : offer.elements.filter((e) => e !== term);
    void save(withOffer({ elements }));
  }

  return (
    <fieldset className="choice-group notices-offer">
      <legend className="field__label">Offer</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={offer.enabled}
          onChange={(event) => void save(withOffer({ enabled: event.target.checked }))}
        />
        <span>Offer credit monitoring or identity protection with the notice</span>
      </label>
      {offer.enabled && (
        <>
          <div className="notices-sender">
            <AutosaveTextField
              label="Service"
              saveKey="notices.offer.service"
              stored={offer.service}
              maxLength={300}
              hint="What is offered, as the letter names it."
              save={(service) => saveText('notices.offer.service', withOffer({ service }))}
            />
            <TextField
              type="date"
              label="Enrol by"
              value={offer.enrolBy ?? ''}
              hint="YYYY-MM-DD: the last day a person can enrol."
              onChange={(event) =>
                void save(withOffer({ enrolBy: event.target.value === '' ? null : event.target.value }))
              }
            />
          </div>
          <div className="choice-group">
            <label className="check">
              <input
                type="radio"
                name={`${id}-to`}
                checked={!chosen}
                onChange={() => {
                  setChosen(false);
                  if (offer.elements.length > 0) void save(withOffer({ elements: [] }));
                }}
              />
              <span>Offered to everyone notified</span>
            </label>
            <label className="check">
              <input type="radio" name={`${id}-to`} checked={chosen} onChange={() => setChosen(true)} />
              <span>Offered to people whose exposed data includes any of…</span>
            </label>
          </div>
          {chosen && (
            <fieldset className="notices-elements">
              <legend className="offscreen">Exposed data that brings the offer</legend>
              {DATA_ELEMENT_VOCABULARY.filter((v) => v.term !== 'custom').map((v) => (
                <label key={v.term} className="check">
                  <input
                    type="checkbox"
                    checked={offer.elements.includes(v.term)}
                    onChange={(event) => toggle(v.term, event.target.checked)}
                  />
                  <span>{v.label}</span>
                </label>
              ))}
            </fieldset>
          )}
          <ActivationCodes codes={codes} />
        </>
      )}
    </fieldset>
  );
}

/** Activation codes as counts only: they are personal data once given, and never shown. */
function ActivationCodes({ codes }: { codes: NoticeStatusView['codes'] }) {
  const importCodes = useNoticesStore((state) => state.importCodes);
  const result = useNoticesStore((state) => state.codesResult);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function choose(): Promise<void> {
    setBusy(true);
    setError(await importCodes());
    setBusy(false);
  }

  return (
    <div className="notices-codes">
      <dl className="roster-counts num" aria-label="Activation codes">
        <div>
          <dt>Codes</dt>
          <dd>{formatCount(codes.total)}</dd>
        </div>
        <div>
          <dt>Given</dt>
          <dd>{formatCount(codes.assigned)}</dd>
        </div>
        <div>
          <dt>Available</dt>
          <dd>{formatCount(codes.available)}</dd>
        </div>
      </dl>
      <Button small disabled={busy} onClick={() => void choose()}>
        {busy ? 'Reading the codes…' : 'Import activation codes…'}
      </Button>
      <p className="field__hint">A CSV of code and expiry; the codes stay in the case and are never shown.</p>
      {result !== null && (
        <p className="muted" role="status">
          Imported {plural(result.imported, 'code')}
          {result.duplicates > 0 && `, ${plural(result.duplicates, 'duplicate')} left out`}
          {result.badRows.length > 0 && `, ${plural(result.badRows.length, 'row')} not read`}.
        </p>
      )}
      {result !== null && result.badRows.length > 0 && (
        <ul className="import-errors" aria-label="Code rows not read">
          {result.badRows.slice(0, 100).map((row) => (
            <li key={`${row.line}:${row.message}`}>
              <span className="import-errors__line">Line {formatCount(row.line)}</span> {row.message}
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
