import type { Facts } from '../../../shared/domain/facts';
import { REGULATED_ROLES, type RegulatedRole } from '../../../shared/domain/facts';
import {
  REGULATED_ROLE_NAMES,
  countriesOfEstablishment,
} from '../../../shared/obligations/organisation-scope';
import {
  REGIME_DECISION_INFO,
  REGIME_DECISIONS,
  type RegimeDecision,
} from '../../../shared/obligations/regime-decisions';
import { instantInZoneText, zonedTimeFromLocal } from '../../../shared/time/zoned-time';
import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

/** "a,b, c" → ["a", "b", "c"]; "" → [] (clears the list). */
function listOf(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function rolesOf(text: string): RegulatedRole[] {
  const roles = listOf(text);
  const unknown = roles.filter((role) => !(REGULATED_ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) {
    throw new CliFailure(
      `Unknown regulated role ${unknown.join(', ')}: use ${REGULATED_ROLES.join(', ')}.`,
      EXIT.invalid,
    );
  }
  return roles.filter((role): role is RegulatedRole => (REGULATED_ROLES as readonly string[]).includes(role));
}

function describeOrganisation(facts: Facts): string[] {
  const org = facts.organisation;
  const roles = org.regulatedRoles.map((role) => `${role} (${REGULATED_ROLE_NAMES[role]})`);
  if (org.financialInstitution) roles.push('GLBA financial institution (financialInstitution)');
  const countries = countriesOfEstablishment(org);
  return [
    `Regulated roles: ${roles.length === 0 ? 'none recorded' : roles.join('; ')}`,
    `Main establishment: ${org.establishment === '' ? 'not recorded' : org.establishment}`,
    `Countries of establishment: ${countries.length === 0 ? 'none recorded' : countries.join(', ')}`,
  ];
}

export const factsOrganisationCommand: Command = {
  name: 'facts organisation',
  summary: "Show or set the organisation's regulated roles and countries of establishment",
  help: `Usage: breachdesk facts organisation FILE [--roles LIST] [--established-in LIST] [--glba yes|no] [--json]

The sector rules read these: NIS2 and DORA (essential or important entity, financial entity,
established in an EU member state), HIPAA (covered entity or business associate), the SEC (a
registrant), the UK PECR (a public electronic communications provider), the Swiss ISA (critical
infrastructure), the FTC Safeguards Rule (a GLBA financial institution, --glba).
--roles replaces the list (comma-separated; "" clears it): ${REGULATED_ROLES.join(', ')}.
--established-in replaces the countries of establishment (ISO codes, e.g. DE,FR or CA-QC; the
main establishment counts too). Without options, prints what is recorded.

Example:
  breachdesk facts organisation incident.bdcase --roles nis2_essential,sec_registrant --established-in DE,IE`,
  options: {
    ...JSON_OPTION,
    roles: { type: 'string' },
    'established-in': { type: 'string' },
    glba: { type: 'string' },
  },
  positionals: 1,
  run: ({ positionals, values }) => {
    const organisation: Record<string, unknown> = {};
    if (typeof values.roles === 'string') organisation.regulatedRoles = rolesOf(values.roles);
    if (typeof values['established-in'] === 'string')
      organisation.establishedIn = listOf(values['established-in']).map((code) => code.toUpperCase());
    if (typeof values.glba === 'string') {
      if (values.glba !== 'yes' && values.glba !== 'no')
        throw new CliFailure('--glba takes yes or no.', EXIT.usage);
      organisation.financialInstitution = values.glba === 'yes';
    }
    return withCase(positionals[0] ?? '', async (host) => {
      const facts =
        Object.keys(organisation).length === 0
          ? await host.call('facts.get', {})
          : await host.call('facts.update', { patch: { organisation } });
      if (values.json === true) printJson(facts.organisation);
      else process.stdout.write(`${describeOrganisation(facts).join('\n')}\n`);
      return EXIT.ok;
    });
  },
};

function decisionOf(text: string): RegimeDecision {
  const found = REGIME_DECISIONS.find((key) => key === text);
  if (found === undefined) {
    throw new CliFailure(`Unknown decision "${text}": use ${REGIME_DECISIONS.join(', ')}.`, EXIT.invalid);
  }
  return found;
}

function describeDecisions(facts: Facts): string[] {
  return REGIME_DECISIONS.map((key) => {
    const recorded = facts.decisions[key];
    const info = REGIME_DECISION_INFO[key];
    return recorded === undefined
      ? `${key}: undecided (${info.label})`
      : `${key}: ${recorded.answer} on ${instantInZoneText(recorded.at.utc, recorded.at.zone)} (${info.label})${recorded.basis === '' ? '' : `; basis: ${recorded.basis}`}`;
  });
}

export const factsDecideCommand: Command = {
  name: 'facts decide',
  summary: 'Record a regime decision (SEC materiality, NIS2 significant, DORA major…) with its date',
  help: `Usage: breachdesk facts decide FILE [DECISION --answer yes|no --at TIME --zone ZONE [--basis TEXT] | DECISION --clear] [--json]

Records a decision a regime's notice turns on, with the time it was made (wall-clock TIME in
ZONE, e.g. "2026-11-25 16:00" America/New_York) and its basis. Where the law runs its clock from
the decision (the SEC's 4 business days from the materiality determination, DORA's 4 hours from
the classification as major), the deadline runs from this time. --clear takes it back: the
notices wait for the decision again ("decision needed"). Without DECISION, lists every decision.
DECISION is one of: ${REGIME_DECISIONS.join(', ')}.

Example:
  breachdesk facts decide incident.bdcase sec_materiality --answer yes \\
    --at "2026-11-25 16:00" --zone America/New_York --basis "Disclosure committee minutes"`,
  options: {
    ...JSON_OPTION,
    answer: { type: 'string' },
    at: { type: 'string' },
    zone: { type: 'string' },
    basis: { type: 'string' },
    clear: { type: 'boolean' },
  },
  positionals: [1, 2],
  run: ({ positionals, values }) => {
    const key = positionals[1] === undefined ? null : decisionOf(positionals[1]);
    const patch = key === null ? null : decisionPatch(key, values);
    return withCase(positionals[0] ?? '', async (host) => {
      const facts =
        patch === null
          ? await host.call('facts.get', {})
          : await host.call('facts.update', { patch: { decisions: patch } });
      if (values.json === true) printJson(facts.decisions);
      else process.stdout.write(`${describeDecisions(facts).join('\n')}\n`);
      return EXIT.ok;
    });
  },
};

function decisionPatch(
  key: RegimeDecision,
  values: Record<string, string | boolean | string[] | undefined>,
): Record<string, unknown> {
  if (values.clear === true) return { [key]: null };
  const { answer, at, zone, basis } = values;
  if (answer !== 'yes' && answer !== 'no') throw new CliFailure('--answer takes yes or no.', EXIT.usage);
  if (typeof at !== 'string' || typeof zone !== 'string')
    throw new CliFailure(
      'facts decide: --at and --zone are required (when the decision was made).',
      EXIT.usage,
    );
  const time = zonedTimeFromLocal(at, zone);
  if (time === null) throw new CliFailure(`"${at}" in zone "${zone}" is not a time.`, EXIT.invalid);
  return { [key]: { answer, at: time, basis: typeof basis === 'string' ? basis : '' } };
}
