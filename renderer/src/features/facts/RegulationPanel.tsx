import { REGULATED_ROLES, type Facts, type RegulatedRole } from '../../../../shared/domain/facts';
import { isJurisdictionCode } from '../../../../shared/jurisdictions/jurisdictions';
import { REGULATED_ROLE_NAMES } from '../../../../shared/obligations/organisation-scope';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { saveOrganisation } from './factsSave';

/** What each role brings into play, shown under its box: a person should know why it is asked. */
const ROLE_HELP: Readonly<Record<RegulatedRole, string>> = {
  nis2_essential:
    'An entity of a sector of NIS2 Annex I (energy, transport, banking, health, digital infrastructure…) named essential by its Member State: significant incidents are reported to the CSIRT or competent authority in stages (24 h, 72 h, one month).',
  nis2_important:
    'An entity of NIS2 Annex I or II classed as important (postal, waste, chemicals, food, manufacturing, digital providers…): it reports significant incidents as essential entities do.',
  dora_financial_entity:
    'A bank, insurer, investment firm, payment or crypto-asset service provider… under DORA: major ICT-related incidents go to its competent authority (initial, intermediate and final reports).',
  hipaa_covered_entity:
    'A health plan, clearinghouse, or provider that bills electronically: breaches of unsecured PHI are owed to people, to HHS and (over 500 in a state) to the media.',
  hipaa_business_associate:
    'Handles protected health information for a covered entity: it tells the covered entity within 60 days of discovery.',
  sec_registrant:
    'Files reports under the Exchange Act (§13(a) or §15(d)): a material cybersecurity incident goes on Form 8-K Item 1.05 within 4 business days of the materiality determination.',
  uk_pecr_provider:
    'Provides a public electronic communications service in the UK (telecoms, ISP): PECR breaches go to the ICO on its own form.',
  ch_critical_infrastructure:
    'Operates critical infrastructure in Switzerland (ISA Art. 74b: energy, water, transport, hospitals, banks…): cyber-attacks go to the NCSC/BACS within 24 hours.',
};

/** "DE, fr,CA-QC" → ["DE", "FR", "CA-QC"]; one sentence naming what is not a code. */
function parseCountries(text: string): { codes: string[]; problem: string | null } {
  const codes = text
    .split(/[,\s]+/)
    .map((part) => part.trim().toUpperCase())
    .filter((part) => part !== '');
  const unknown = codes.filter((code) => !isJurisdictionCode(code) && !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code));
  return {
    codes: [...new Set(codes)],
    problem:
      unknown.length === 0
        ? null
        : `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not an ISO 3166 code (use codes such as DE, IE or CA-QC).`,
  };
}

/**
 * The sector roles and countries of establishment the laws abroad and by sector are written for
 * (NIS2, DORA, HIPAA, the SEC…). All optional: a rule that needs one says so on the board.
 */
export function RegulationPanel({ facts }: { facts: Facts }) {
  const { organisation } = facts;
  const toggle = (role: RegulatedRole, on: boolean) => {
    const roles = REGULATED_ROLES.filter((r) => (r === role ? on : organisation.regulatedRoles.includes(r)));
    void saveOrganisation('facts.organisation.regulatedRoles', { regulatedRoles: roles });
  };
  return (
    <section
      className="panel"
      aria-labelledby="facts-regulation-heading"
      data-field="facts.organisation.regulatedRoles"
    >
      <h3 id="facts-regulation-heading" className="panel__title">
        Sector and establishment
      </h3>
      <p className="panel__intro">
        Optional. Some laws apply to a kind of organisation rather than to whose data was exposed. Tick what
        the organisation is; the board then shows those laws&apos; reports, and says which it does not owe and
        why.
      </p>
      <fieldset className="role-list">
        <legend>Regulated roles</legend>
        {REGULATED_ROLES.map((role) => (
          <label className="check check--described" key={role}>
            <input
              type="checkbox"
              checked={organisation.regulatedRoles.includes(role)}
              onChange={(event) => toggle(role, event.target.checked)}
            />
            <span>
              {REGULATED_ROLE_NAMES[role]}
              <span className="field__hint">{ROLE_HELP[role]}</span>
            </span>
          </label>
        ))}
        <label className="check check--described">
          <input
            type="checkbox"
            checked={organisation.financialInstitution}
            onChange={(event) =>
              void saveOrganisation('facts.organisation.financialInstitution', {
                financialInstitution: event.target.checked,
              })
            }
          />
          <span>
            A financial institution under the Gramm-Leach-Bliley Act
            <span className="field__hint">
              A non-bank lender, broker, tax preparer… under the FTC: a notification event of 500 or more
              consumers goes to the FTC within 30 days (the FTC Safeguards Rule).
            </span>
          </span>
        </label>
      </fieldset>
      <div data-field="facts.organisation.establishedIn">
        <AutosaveTextField
          label="Countries of establishment"
          saveKey="facts.organisation.establishedIn"
          stored={organisation.establishedIn.join(', ')}
          maxLength={2000}
          placeholder="DE, IE, CA-QC"
          hint="ISO codes of every country (or province, e.g. CA-QC) where the organisation has an establishment: NIS2 and DORA reports go to each Member State of establishment; Québec's law to enterprises there. The main establishment (above) counts too."
          validate={(text) => parseCountries(text).problem}
          save={(text) =>
            saveOrganisation('facts.organisation.establishedIn', {
              establishedIn: parseCountries(text).codes,
            })
          }
        />
      </div>
    </section>
  );
}
