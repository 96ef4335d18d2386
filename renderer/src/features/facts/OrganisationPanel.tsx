import { CONTACT_KINDS, ORGANISATION_ROLES, type Facts } from '../../../../shared/domain/facts';
import { EEA_COUNTRY_CODES } from '../../../../shared/jurisdictions/eea';
import { jurisdictionName } from '../../../../shared/jurisdictions/jurisdictions';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { SelectField } from '../../components/Field';
import { optionsOf, pick } from '../../lib/options';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { saveOrganisation } from './factsSave';

const ROLE_OPTIONS = optionsOf(ORGANISATION_ROLES, {
  controller: 'Controller',
  processor: 'Processor',
  joint_controller: 'Joint controller',
});
const CONTACT_OPTIONS = optionsOf(CONTACT_KINDS, {
  dpo: 'Data Protection Officer',
  contact_point: 'Contact point',
});

const ESTABLISHMENT_OPTIONS = [
  { value: '', label: 'Not in the EU/EEA, or not recorded' },
  ...EEA_COUNTRY_CODES.map((code) => ({ value: code, label: jurisdictionName(code) })).sort((a, b) =>
    a.label.localeCompare(b.label, 'en'),
  ),
];

type OrganisationText = 'address' | 'contactName' | 'contactEmail' | 'contactPhone';

const saveText = (key: OrganisationText) => (text: string) =>
  saveOrganisation(`facts.organisation.${key}`, { [key]: text });

/** The organisation as regulators see it: where it is, its role, and whom they can reach. */
export function OrganisationPanel({ facts }: { facts: Facts }) {
  const { organisation } = facts;
  const roleProblem = useWorkspaceStore((state) => state.problems['facts.organisation.role']);
  const kindProblem = useWorkspaceStore((state) => state.problems['facts.organisation.contactKind']);
  const establishmentProblem = useWorkspaceStore(
    (state) => state.problems['facts.organisation.establishment'],
  );
  return (
    <section className="panel" aria-labelledby="facts-organisation-heading">
      <h3 id="facts-organisation-heading" className="panel__title">
        Organisation
      </h3>
      <p className="panel__intro">The organisation&apos;s name is part of the case record (Overview).</p>
      <div className="facts-grid">
        <AutosaveTextField
          label="Address"
          saveKey="facts.organisation.address"
          stored={organisation.address}
          rows={3}
          maxLength={500}
          autoComplete="street-address"
          save={saveText('address')}
        />
        <div className="field-column">
          <SelectField
            label="Role in this incident"
            value={organisation.role}
            options={ROLE_OPTIONS}
            error={roleProblem}
            onChange={(event) => {
              const role = pick(ORGANISATION_ROLES, event.target.value);
              if (role !== null) void saveOrganisation('facts.organisation.role', { role });
            }}
          />
          <SelectField
            label="Contact for regulators"
            value={organisation.contactKind}
            options={CONTACT_OPTIONS}
            error={kindProblem}
            onChange={(event) => {
              const contactKind = pick(CONTACT_KINDS, event.target.value);
              if (contactKind !== null)
                void saveOrganisation('facts.organisation.contactKind', { contactKind });
            }}
          />
        </div>
        <div className="field-column">
          <div data-field="facts.organisation.establishment">
            <SelectField
              label="Main establishment (decides the GDPR lead authority)"
              value={organisation.establishment}
              options={ESTABLISHMENT_OPTIONS}
              error={establishmentProblem}
              onChange={(event) =>
                void saveOrganisation('facts.organisation.establishment', {
                  establishment: event.target.value,
                })
              }
            />
          </div>
        </div>
        <AutosaveTextField
          label="Contact name"
          saveKey="facts.organisation.contactName"
          stored={organisation.contactName}
          maxLength={200}
          autoComplete="name"
          save={saveText('contactName')}
        />
        <AutosaveTextField
          label="Contact e-mail"
          saveKey="facts.organisation.contactEmail"
          stored={organisation.contactEmail}
          type="email"
          maxLength={200}
          autoComplete="email"
          save={saveText('contactEmail')}
        />
        <AutosaveTextField
          label="Contact phone"
          saveKey="facts.organisation.contactPhone"
          stored={organisation.contactPhone}
          type="tel"
          maxLength={100}
          autoComplete="tel"
          save={saveText('contactPhone')}
        />
      </div>
    </section>
  );
}
