import type { DataElement } from '../domain/data-elements';
import type { Facts } from '../domain/facts';
import type { Population } from '../domain/populations';
import { UNKNOWN_RESIDENCY, type RosterGroup } from '../domain/roster';
import type { FactKey, FactNeeded, Obligation, PendingObligation, RiskLevel } from './obligation';
import { organisationRefusal } from './organisation-scope';
import type { Clock, Rule, RulePack, Trigger } from './rule-pack';

/** What facts-needed reads of a case (the engine's case has these fields). */
interface FactsInput {
  facts: {
    discoveredAt: unknown;
    awareAt: unknown;
    organisation: Facts['organisation'];
    decisions: Facts['decisions'];
  };
  dataElements: readonly DataElement[];
  populations: readonly Population[];
  roster: readonly RosterGroup[];
  risk: RiskLevel | null;
  harmFindings: Readonly<Record<string, string>>;
}

/** What the engine lends facts-needed, so that the two read a rule the same way. */
export interface EngineProbe {
  residents: (trigger: Trigger) => number;
  meetsThreshold: (trigger: Trigger, residents: number) => boolean;
  /** 'none' or 'encrypted' when the recorded data does not count for the rule. */
  information: (trigger: Trigger) => 'counts' | 'encrypted' | 'none';
  establishmentRefusal: (trigger: Trigger) => string | null;
  deadline: (rule: Rule) => Obligation['deadline'];
  recipient: (rule: Rule) => Obligation['recipient'];
}

/** The code a roster group is counted under: "ZZ" (unknown) for people whose residency is unknown. */
export function rosterJurisdiction(jurisdiction: string): string {
  return jurisdiction === UNKNOWN_RESIDENCY ? 'ZZ' : jurisdiction;
}

/**
 * People by jurisdiction, as counted: each hand-entered row, then the roster's people of every
 * jurisdiction without one (a hand row overrides the roster there).
 */
export function placedCounts(
  populations: readonly Population[],
  roster: readonly RosterGroup[],
): { jurisdiction: string; count: number }[] {
  const placed = populations.map((p) => ({ jurisdiction: p.jurisdiction, count: p.count }));
  const overridden = new Set(placed.map((p) => p.jurisdiction));
  const fromRoster = new Map<string, number>();
  for (const group of roster) {
    const jurisdiction = rosterJurisdiction(group.jurisdiction);
    if (group.people > 0 && !overridden.has(jurisdiction)) {
      fromRoster.set(jurisdiction, (fromRoster.get(jurisdiction) ?? 0) + group.people);
    }
  }
  return [...placed, ...[...fromRoster].map(([jurisdiction, count]) => ({ jurisdiction, count }))];
}

/** Each fact: what it is called, where it is entered, and why the law needs it. */
const FACTS: Record<FactKey, { label: string; field: string; why: string }> = {
  awareAt: {
    label: 'Awareness time',
    field: 'facts.awareAt',
    why: 'The GDPR 72 hours (Art. 33) and the deadlines of several US states run from the moment the organisation became aware of the breach; no clock can start until it is recorded.',
  },
  discoveredAt: {
    label: 'Discovery time',
    field: 'facts.discoveredAt',
    why: "Most US states' deadlines run from the discovery of the breach; they cannot be counted until it is recorded.",
  },
  establishment: {
    label: 'Main establishment',
    field: 'facts.organisation.establishment',
    why: 'The country of the main establishment in the EU/EEA decides the GDPR lead supervisory authority (and whether the CNIL’s two-step practice applies); until it is recorded the authority to notify cannot be named. An organisation with no establishment there has no lead authority: it deals with the authority of each country where affected people live.',
  },
  populations: {
    label: 'People affected, by jurisdiction',
    field: 'people.populations',
    why: 'Every notice depends on where the affected people live and how many there are: no law can be applied until they are recorded by country (and US state).',
  },
  dataElements: {
    label: 'Data involved',
    field: 'people.dataElements',
    why: 'Whether a notice is owed turns on what data was compromised (and whether it was encrypted); no rule can be evaluated until the data elements are recorded.',
  },
};

const ORDER: readonly FactKey[] = ['awareAt', 'establishment', 'populations', 'dataElements', 'discoveredAt'];

/**
 * The facts a rule cannot be evaluated without, for every rule the recorded facts do not already
 * rule out; and, for the rules keyed to the organisation's own establishment (the GDPR Art. 33
 * notice), the deadline that would apply once the people and data are recorded, so the clock is
 * shown as soon as awareness and the establishment are known.
 */
export function factsNeededOf(
  rules: readonly Rule[],
  input: FactsInput,
  pack: RulePack,
  settled: { owed: ReadonlySet<string>; deciding: ReadonlySet<string> },
  probe: EngineProbe,
): { factsNeeded: FactNeeded[]; pending: PendingObligation[] } {
  const waiting = new Map<FactKey, Rule[]>();
  const pending: PendingObligation[] = [];
  const placed = placedCounts(input.populations, input.roster);
  for (const rule of rules) {
    const answered = settled.owed.has(rule.id) || settled.deciding.has(rule.id);
    const missing = answered ? missingForAnswered(rule, input, pack) : missingFor(rule, input, placed, probe);
    if (missing === null || missing.length === 0) continue;
    for (const fact of missing) waiting.set(fact, [...(waiting.get(fact) ?? []), rule]);
    if (
      !answered &&
      awaitsOnlyPeopleOrData(missing) &&
      rule.trigger.establishment !== null &&
      rule.deadline.kind === 'period'
    ) {
      pending.push({
        ruleId: rule.id,
        title: rule.title,
        jurisdiction: rule.jurisdiction,
        recipient: probe.recipient(rule),
        deadline: probe.deadline(rule),
        waitingOn: missing,
      });
    }
  }
  const factsNeeded = ORDER.filter((fact) => waiting.has(fact)).map((fact) => ({
    fact,
    label: FACTS[fact].label,
    why: whyOf(fact, placed),
    field: FACTS[fact].field,
    rules: (waiting.get(fact) ?? []).map((rule) => ({ ruleId: rule.id, title: rule.title })),
  }));
  return { factsNeeded, pending };
}

function awaitsOnlyPeopleOrData(missing: readonly FactKey[]): boolean {
  return missing.every((fact) => fact === 'populations' || fact === 'dataElements');
}

/** The sentence of a fact, naming the people already counted where their place is the gap. */
function whyOf(fact: FactKey, placed: readonly Placed[]): string {
  if (fact !== 'populations') return FACTS[fact].why;
  const unplaced = placed
    .filter((p) => p.count > 0 && (p.jurisdiction === 'ZZ' || p.jurisdiction === 'US'))
    .reduce((sum, p) => sum + p.count, 0);
  if (unplaced === 0 || !hasPeople(placed)) return FACTS.populations.why;
  return `${unplaced.toLocaleString('en-US')} affected ${unplaced === 1 ? 'person is' : 'people are'} recorded without a country or US state: the laws of where they live cannot be applied until it is known.`;
}

type Placed = { jurisdiction: string; count: number };

function hasPeople(placed: readonly Placed[]): boolean {
  return placed.some((p) => p.count > 0);
}

/** Whether any data is recorded: the case's elements, or elements exposed for roster people. */
function hasData(input: FactsInput): boolean {
  return input.dataElements.length > 0 || input.roster.some((g) => g.people > 0 && g.elements.length > 0);
}

/** An owed or deciding rule still waits on its clock's start and on the lead authority. */
function missingForAnswered(rule: Rule, input: FactsInput, pack: RulePack): FactKey[] {
  const missing: FactKey[] = [];
  if (
    rule.recipient.name.includes('{leadAuthority}') &&
    pack.authorities[input.facts.organisation.establishment] === undefined
  ) {
    missing.push('establishment');
  }
  const clock = clockOf(rule);
  if (clock !== null && clockFact(clock, input) !== null) missing.push(clockFact(clock, input) as FactKey);
  return missing;
}

/**
 * For a rule the engine did not find owed: null when a recorded fact rules it out (or a person's
 * decision does); otherwise the facts it waits on (empty when it is ruled out by nothing missing).
 */
function missingFor(
  rule: Rule,
  input: FactsInput,
  placed: readonly Placed[],
  probe: EngineProbe,
): FactKey[] | null {
  const { trigger } = rule;
  const { organisation } = input.facts;
  if (!trigger.roles.includes(organisation.role)) return null;
  if (organisationRefusal(trigger, organisation) !== null) return null;
  const regime = trigger.decision;
  const decided = regime === null ? undefined : input.facts.decisions[regime.key];
  if (regime !== null && decided?.answer === (regime.kind === 'condition' ? 'no' : 'yes')) return null;
  const missing: FactKey[] = [];
  if (trigger.establishment !== null) {
    if (organisation.establishment === '') missing.push('establishment');
    else if (probe.establishmentRefusal(trigger) !== null) return null;
  }
  // Incident-reporting rules (NIS2, DORA, the SEC) need no people or data: only their clock.
  if (trigger.personalDataNeeded) {
    const gap = peopleOrDataGap(trigger, input, placed, probe, rule);
    if (gap === null) return null;
    missing.push(...gap);
  }
  if (trigger.harm !== null && input.harmFindings[rule.jurisdiction] === 'harm_not_likely') return null;
  if (trigger.risk === 'not_unlikely' && input.risk === 'unlikely') return null;
  if (trigger.risk === 'high' && input.risk !== null && input.risk !== 'high') return null;
  if (missing.length === 0) return missing;
  const clock = clockOf(rule);
  const fact = clock === null ? null : clockFact(clock, input);
  return fact === null ? missing : [...missing, fact];
}

/** The people and data a rule still waits on; null when those recorded rule it out. */
function peopleOrDataGap(
  trigger: Trigger,
  input: FactsInput,
  placed: readonly Placed[],
  probe: EngineProbe,
  rule: Rule,
): FactKey[] | null {
  const missing: FactKey[] = [];
  if (!hasPeople(placed)) missing.push('populations');
  else if (!probe.meetsThreshold(trigger, probe.residents(trigger))) {
    if (!couldLiveThere(rule, placed)) return null;
    missing.push('populations');
  }
  if (!hasData(input)) missing.push('dataElements');
  else if (probe.information(trigger) !== 'counts') return null;
  return missing;
}

/** People recorded without a country could live anywhere; without a state, in any US state. */
function couldLiveThere(rule: Rule, placed: readonly Placed[]): boolean {
  const counted = (code: string) => placed.some((p) => p.jurisdiction === code && p.count > 0);
  if (counted('ZZ')) return true;
  return counted('US') && rule.trigger.residentsOf.some((code) => code.startsWith('US'));
}

/** The clock a rule's deadline (or its suggested target) runs from, if it runs from a fact. */
function clockOf(rule: Rule): Clock | null {
  const { deadline } = rule;
  if (deadline.kind === 'period') return deadline.clock;
  if (deadline.kind === 'undetermined') return deadline.suggested?.clock ?? null;
  return null;
}

/** The fact a clock runs from, when it is not recorded; null when it is. */
function clockFact(clock: Clock, input: FactsInput): FactKey | null {
  // A decision's date is not a fact to enter: the board asks for the decision itself.
  if (clock === 'decision') return null;
  if (clock === 'discovery') return input.facts.discoveredAt === null ? 'discoveredAt' : null;
  return input.facts.awareAt === null ? 'awareAt' : null;
}

/**
 * The facts needed and the pending clocks as plain lines (`breachdesk obligations` prints them
 * first): each fact with why, the rules waiting and where it is entered.
 */
export function factsNeededLines(
  factsNeeded: readonly FactNeeded[],
  pending: readonly PendingObligation[],
  instant: (utc: string) => string,
): string[] {
  if (factsNeeded.length === 0) return [];
  const where = (field: string) => (field.startsWith('people.') ? 'People & data' : 'Facts');
  return [
    `Facts needed (${factsNeeded.length}): until they are recorded, nothing below is final.`,
    ...factsNeeded.flatMap((f) => [
      `  ${f.label} (${where(f.field)}; field ${f.field}): ${f.why}`,
      `    Waiting on it: ${f.rules.length} ${f.rules.length === 1 ? 'rule' : 'rules'} (${f.rules
        .slice(0, 3)
        .map((r) => r.ruleId)
        .join(', ')}${f.rules.length > 3 ? ', …' : ''})`,
    ]),
    ...pending.map(
      (p) =>
        `  Pending: ${p.title} → ${p.recipient.name}: ${p.deadline.due === null ? p.deadline.wording : `would be due ${instant(p.deadline.due)}`}, once ${p.waitingOn.map((fact) => FACTS[fact].label.toLowerCase()).join(' and ')} bring it into scope.`,
    ),
    '',
  ];
}
