import { TZDate } from '@date-fns/tz';
import { dataElementLabel, type DataElement, type DataElementTerm } from '../domain/data-elements';
import type { Facts } from '../domain/facts';
import type { Population } from '../domain/populations';
import { elementsKey, rosterGroupKey, type RosterGroup } from '../domain/roster';
import { jurisdictionName } from '../jurisdictions/jurisdictions';
import { US_SUBDIVISIONS } from '../jurisdictions/us-states';
import type {
  DecisionNeeded,
  EngineResult,
  HarmFinding,
  NotTriggered,
  Obligation,
  ObligationStage,
  OpenDecision,
  RiskLevel,
} from './obligation';
import { awaitedDecision, openDecisionOf } from './decisions';
import { REGIME_DECISION_INFO } from './regime-decisions';
import { factsNeededOf, placedCounts, rosterJurisdiction, type EngineProbe } from './facts-needed';
import { deadlineOf, stageDeadlineOf } from './deadlines';
import { countriesOfEstablishment, organisationRefusal, withArticle } from './organisation-scope';
import type { Rule, RulePack, Trigger } from './rule-pack';

/** What the engine reads of a case. */
export interface EngineCase {
  facts: Facts;
  dataElements: readonly DataElement[];
  /**
   * People counted by hand, one row per jurisdiction: a row overrides the roster there, and
   * everyone in it counts, tested against the case's data elements.
   */
  populations: readonly Population[];
  /**
   * People found in the exposed datasets, grouped by jurisdiction and by their own exposed
   * elements: each rule counts only those whose own data meets its definition of personal
   * information (jurisdictions without a hand-entered row).
   */
  roster: readonly RosterGroup[];
  /**
   * People whose notice could not reach them (no usable contact details, or it bounced or came
   * back), by jurisdiction: where a law allows substitute notice for insufficient contact
   * details, these open it.
   */
  unreached?: Readonly<Record<string, number>>;
  /** The GDPR risk level a person confirmed, or null while nobody has. */
  risk: RiskLevel | null;
  /**
   * The level the severity calculator suggests in the newest saved assessment, while no decision
   * is confirmed; null when no assessment is saved. Shown beside an open decision, never applied.
   */
  suggestedRisk: RiskLevel | null;
  /**
   * Each US jurisdiction's risk-of-harm finding a person recorded (by ISO code, e.g. "US-AK");
   * a jurisdiction without one has no decision, which is never taken as "no harm".
   */
  harmFindings: Readonly<Record<string, HarmFinding>>;
  /** When each notice was sent, by rule id: deadlines tied to another notice run from these. */
  sentAt: Readonly<Record<string, string>>;
}

/**
 * Who must be told what, by when: a pure function of the case, the rule pack and the date whose
 * law applies. Every rule of the pack comes back once, in one of three states: owed, waiting for
 * a decision nobody has made (with what it turns on), or not owed with the reason, so the answer
 * can be checked line by line.
 */
export function evaluateObligations(input: EngineCase, pack: RulePack, asOf: string): EngineResult {
  const obligations: Obligation[] = [];
  const decisionNeeded: DecisionNeeded[] = [];
  const notTriggered: NotTriggered[] = [];
  const titles = new Map(pack.rules.map((rule) => [rule.id, rule.title]));
  const reading = readingOf(input, pack);
  for (const rule of pack.rules) {
    const refusal = notInForce(rule, asOf) ?? whyNot(rule, input, reading);
    if (refusal !== null) {
      notTriggered.push({
        ruleId: rule.id,
        title: rule.title,
        jurisdiction: rule.jurisdiction,
        reason: refusal,
        citation: rule.citation,
        verification: rule.verification,
      });
      continue;
    }
    const awaited = awaitedDecision(rule, input);
    if (awaited !== null) {
      decisionNeeded.push(decisionNeededOf(rule, input, reading, awaited));
      continue;
    }
    obligations.push(obligationOf(rule, input, reading, titles));
  }
  obligations.sort(byDue);
  const inForce = pack.rules.filter((rule) => notInForce(rule, asOf) === null);
  const { factsNeeded, pending } = factsNeededOf(
    inForce,
    input,
    pack,
    {
      owed: new Set(obligations.map((o) => o.ruleId)),
      deciding: new Set(decisionNeeded.map((d) => d.ruleId)),
    },
    probeOf(input, reading, titles),
  );
  return {
    asOf,
    packId: pack.id,
    packVersion: pack.version,
    obligations,
    decisionNeeded,
    notTriggered,
    uncovered: uncoveredOf(placedCounts(input.populations, input.roster), pack),
    factsNeeded,
    pending,
  };
}

/** The engine's own reading of a rule, lent to facts-needed.ts. */
function probeOf(input: EngineCase, reading: Reading, titles: Map<string, string>): EngineProbe {
  const { pack } = reading;
  return {
    residents: (trigger) => countsOf(trigger, input, reading).residents,
    meetsThreshold,
    information: (trigger) => informationOf(trigger, input, reading),
    establishmentRefusal: (trigger) => establishmentRefusal(trigger, input.facts.organisation.establishment),
    deadline: (rule) => deadlineOf(rule, input, titles),
    recipient: (rule) => recipientOf(rule, input, pack),
  };
}

/** People counted where no single law can be told: said as such, with what is missing. */
const UNPLACED: Readonly<Record<string, string>> = {
  ZZ: 'Where these people live is not recorded: no law can be applied to them until their country (and US state) is known.',
  US: "These people live in the United States but their state is not recorded: no state's law can be applied to them until it is known (federal rules count them).",
};

/**
 * Jurisdictions with affected people that no rule of the pack reads: said, with what the pack
 * knows of them (a territory without a breach law), so nobody takes silence for "nothing owed".
 */
function uncoveredOf(
  populations: readonly { jurisdiction: string; count: number }[],
  pack: RulePack,
): EngineResult['uncovered'] {
  const read = new Set(
    // Federal rules read every US state, but they do not make a state without a law of its own
    // "covered": its residents stay listed, with what the pack knows of the place.
    pack.rules.flatMap((rule) =>
      rule.trigger.residentsOf.flatMap((code) => (code === 'US' ? ['US'] : residentCodes(code, pack))),
    ),
  );
  return populations
    .filter((p) => p.count > 0 && (!read.has(p.jurisdiction) || UNPLACED[p.jurisdiction] !== undefined))
    .map((p) => {
      const unplaced = UNPLACED[p.jurisdiction];
      if (unplaced !== undefined) return { jurisdiction: p.jurisdiction, residents: p.count, note: unplaced };
      const known = pack.withoutBreachLaw[p.jurisdiction];
      return {
        jurisdiction: p.jurisdiction,
        residents: p.count,
        note:
          known === undefined
            ? `The rule pack has no rules for ${placeName(p.jurisdiction)}: check its law yourself.`
            : `${known.verification === 'unverified' ? '⚠ ' : ''}${known.note.replace(/^⚠\s*/, '')}`,
      };
    });
}

const US_CODES: readonly string[] = ['US', ...Object.keys(US_SUBDIVISIONS)];

/**
 * The jurisdiction codes a rule's `residentsOf` entry stands for: "GDPR" every state of the
 * pack's GDPR list, "US" every US state and territory (and people whose state is unknown).
 */
function residentCodes(code: string, pack: RulePack): readonly string[] {
  if (code === 'GDPR') return pack.gdprJurisdictions;
  if (code === 'US') return US_CODES;
  return [code];
}

/** The default "as of" date: the day the breach was discovered, where it was discovered. */
export function defaultAsOf(facts: Facts, today: string): string {
  const discovered = facts.discoveredAt ?? facts.awareAt;
  if (discovered === null) return today;
  const date = new TZDate(Date.parse(discovered.utc), discovered.zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function notInForce(rule: Rule, asOf: string): string | null {
  if (rule.effectiveFrom !== null && asOf < rule.effectiveFrom) {
    return `Not in force on ${asOf}: applies from ${rule.effectiveFrom}.`;
  }
  if (rule.effectiveTo !== null && asOf >= rule.effectiveTo) {
    return `Not in force on ${asOf}: replaced from ${rule.effectiveTo}.`;
  }
  return null;
}

/** The reason a rule in force does not apply to this case, or null when it does. */
function whyNot(rule: Rule, input: EngineCase, reading: Reading): string | null {
  const { trigger } = rule;
  const { organisation } = input.facts;
  if (!trigger.roles.includes(organisation.role)) {
    return `Written for a ${trigger.roles.map(roleName).join(' or ')}; the organisation is recorded as ${roleName(organisation.role)}.`;
  }
  const scope = organisationRefusal(trigger, organisation);
  if (scope !== null) return scope;
  const establishment = establishmentRefusal(trigger, organisation.establishment);
  if (establishment !== null) return establishment;
  const people = trigger.personalDataNeeded ? peopleRefusal(rule, input, reading) : null;
  if (people !== null) return people;
  return decisionRefusal(rule, input);
}

/** Why the people and their data do not bring a rule into play, or null when they do. */
function peopleRefusal(rule: Rule, input: EngineCase, reading: Reading): string | null {
  const { trigger } = rule;
  const counts = countsOf(trigger, input, reading);
  const { residents } = counts;
  const where = whereOf(rule);
  const inRoster = counts.fromRoster + counts.rosterNotCounted;
  if (residents === 0 && counts.largest !== null) {
    return `No single state or jurisdiction has ${countText(trigger)} people who count under ${rule.law}: the most is ${count(counts.largest.people)} in ${placeName(counts.largest.code)}.`;
  }
  if (inRoster === 0) {
    if (residents === 0) return `No affected people recorded in ${where}.`;
    if (!meetsThreshold(trigger, residents)) {
      return `${count(residents)} people in ${where}: this notice needs ${thresholdText(trigger)}.`;
    }
    const refusal = informationRefusal(rule, personalInformation(trigger, input.dataElements));
    if (refusal !== null) return refusal;
  } else if (residents === 0) {
    return rosterRefusal(rule, input, counts);
  } else if (!meetsThreshold(trigger, residents)) {
    const byHand =
      counts.handEntered === 0
        ? ''
        : ` (and ${count(counts.handEntered)} entered by hand, ${count(residents)} in all)`;
    return `${count(counts.fromRoster)} of ${count(inRoster)} people in ${where} in the roster had exposed data that counts under ${rule.law}${byHand}: this notice needs ${thresholdText(trigger)}.`;
  }
  return null;
}

/** Why a recorded decision (risk, harm, a regime's own) takes the rule out, or null. */
function decisionRefusal(rule: Rule, input: EngineCase): string | null {
  const { trigger } = rule;
  const regime = trigger.decision;
  if (regime !== null) {
    const recorded = input.facts.decisions[regime.key];
    const info = REGIME_DECISION_INFO[regime.key];
    const outOfScope = regime.kind === 'condition' ? 'no' : 'yes';
    if (recorded?.answer === outOfScope) {
      return `The ${info.label} recorded on ${recorded.at.utc.slice(0, 10)} answers "${recorded.answer}" to: ${info.question} (${info.citation}).`;
    }
  }
  if (trigger.harm !== null && input.harmFindings[rule.jurisdiction] === 'harm_not_likely') {
    return `The harm decision recorded for ${placeName(rule.jurisdiction)} is that harm is not likely (the law's test: ${trigger.harm.test}, ${trigger.harm.citation}).`;
  }
  if (trigger.risk === 'not_unlikely' && input.risk === 'unlikely') {
    return 'The breach is recorded as unlikely to result in a risk to people (confirmed severity decision).';
  }
  // With no decision at all, a high-risk rule is not "not owed": awaitedDecision says so instead.
  if (trigger.risk === 'high' && input.risk !== null && input.risk !== 'high') {
    return 'The confirmed severity decision is that the risk to people is not high.';
  }
  return null;
}

/** Why the recorded data of the case does not count for a rule, or null when it does. */
function informationRefusal(rule: Rule, information: Information): string | null {
  const { trigger } = rule;
  if (information.state === 'none') {
    return trigger.personalInformation === null
      ? 'No compromised personal data is recorded yet (People & data).'
      : `None of the recorded data counts as personal information under ${rule.law} (it needs ${combinationsText(trigger)}).`;
  }
  if (information.state === 'encrypted') {
    return trigger.keyCompromiseException
      ? `The data that would count (${information.labels.join(', ')}) was encrypted and the key is not recorded as compromised.`
      : `The data that would count (${information.labels.join(', ')}) was encrypted, and ${rule.law} makes no exception for a compromised key.`;
  }
  return null;
}

/** People in the roster, none of whom counts: how many, and what the law needs. */
function rosterRefusal(rule: Rule, input: EngineCase, counts: Counts): string {
  const { trigger } = rule;
  const where = whereOf(rule);
  const people = count(counts.rosterNotCounted);
  const are = counts.rosterNotCounted === 1 ? 'is' : 'are';
  const key = trigger.keyCompromiseException
    ? 'and the key is not recorded as compromised'
    : `and ${rule.law} makes no exception for a compromised key`;
  const needs =
    trigger.personalInformation === null ? 'some exposed personal data' : combinationsText(trigger);
  const roster =
    counts.rosterEncrypted === counts.rosterNotCounted
      ? `${people} ${counts.rosterNotCounted === 1 ? 'person' : 'people'} in ${where} ${are} in the roster, but the data of theirs that would count under ${rule.law} was encrypted, ${key}.`
      : `${people} ${counts.rosterNotCounted === 1 ? 'person' : 'people'} in ${where} ${are} in the roster, but none had exposed data that counts under ${rule.law} (it needs ${needs}).${counts.rosterEncrypted === 0 ? '' : ` For ${count(counts.rosterEncrypted)} of them the data that would count was encrypted, ${key}.`}`;
  if (counts.handRows === 0) return roster;
  const byHand = informationRefusal(rule, personalInformation(trigger, input.dataElements)) ?? '';
  return `${roster} The ${count(counts.handRows)} entered by hand do not count either: ${byHand}`;
}

function decisionNeededOf(
  rule: Rule,
  input: EngineCase,
  reading: Reading,
  decision: OpenDecision,
): DecisionNeeded {
  return {
    ruleId: rule.id,
    title: rule.title,
    jurisdiction: rule.jurisdiction,
    law: rule.law,
    recipient: recipientOf(rule, input, reading.pack),
    residents: countsOf(rule.trigger, input, reading).residents,
    rosterGroups: [...countsOf(rule.trigger, input, reading).groupKeys],
    decision,
    citation: rule.citation,
    verification: rule.verification,
  };
}

function establishmentRefusal(trigger: Trigger, establishment: string): string | null {
  if (trigger.establishment === null) return null;
  const { in: within, notIn } = trigger.establishment;
  const here = establishment === '' ? 'not recorded' : establishment;
  if (within !== undefined && !within.includes(establishment)) {
    return `Applies where the main establishment is in ${within.join(', ')}; it is ${here}.`;
  }
  if (notIn !== undefined && notIn.includes(establishment)) {
    return `The main establishment is in ${establishment}, where the authority's own practice applies instead.`;
  }
  return null;
}

/** What the engine reads once per evaluation: the roster by jurisdiction and the case's data. */
interface Reading {
  pack: RulePack;
  /** Roster people by jurisdiction ("ZZ" for unknown residency), less those a hand row overrides. */
  groups: ReadonlyMap<string, readonly { key: string; elements: readonly DataElement[]; people: number }[]>;
  /** The case's data and every element the roster exposed: read for rules no person reaches. */
  anyData: readonly DataElement[];
  counts: Map<Trigger, Counts>;
}

/** A rule's count of people and where it comes from. */
interface Counts {
  /** People who count: hand-entered (whose data counts) and roster people whose own data counts. */
  residents: number;
  /**
   * For a threshold counted per jurisdiction: the jurisdiction with the most people who count
   * (null otherwise, or with nobody), `residents` then holding only those of jurisdictions over it.
   */
  largest: { code: string; people: number } | null;
  /** Hand-entered people counted (all of the rule's hand rows when its recorded data counts). */
  handEntered: number;
  /** Every hand-entered person in the rule's jurisdictions, counted or not. */
  handRows: number;
  fromRoster: number;
  rosterNotCounted: number;
  /** Of those not counted, people whose data would count but was encrypted. */
  rosterEncrypted: number;
  /** The combinations that made roster people count ("e-mail address with password"). */
  labels: readonly string[];
  /** The roster groups whose people count, as `rosterGroupKey` names them. */
  groupKeys: readonly string[];
}

function readingOf(input: EngineCase, pack: RulePack): Reading {
  const byTerm = new Map<DataElementTerm, DataElement[]>();
  for (const element of input.dataElements)
    byTerm.set(element.term, [...(byTerm.get(element.term) ?? []), element]);
  const exposed = new Map<DataElementTerm, readonly DataElement[]>();
  // A term of the roster without a row of the case counts as exposed, unencrypted.
  const elementsOf = (term: DataElementTerm): readonly DataElement[] => {
    const known = byTerm.get(term) ?? exposed.get(term);
    if (known !== undefined) return known;
    const made = [{ id: '', term, customLabel: null, encrypted: false, keyCompromised: false, note: '' }];
    exposed.set(term, made);
    return made;
  };
  const overridden = new Set(input.populations.map((p) => p.jurisdiction));
  const groups = new Map<string, { key: string; elements: readonly DataElement[]; people: number }[]>();
  for (const group of input.roster) {
    const jurisdiction = rosterJurisdiction(group.jurisdiction);
    if (group.people <= 0 || overridden.has(jurisdiction)) continue;
    const entry = {
      key: elementsKey(group.elements),
      elements: [...new Set(group.elements)].flatMap(elementsOf),
      people: group.people,
    };
    groups.set(jurisdiction, [...(groups.get(jurisdiction) ?? []), entry]);
  }
  return {
    pack,
    groups,
    anyData: [...input.dataElements, ...[...exposed.values()].flat()],
    counts: new Map(),
  };
}

/**
 * Who counts for a rule: everyone of its hand-entered rows (tested, as before, against the case's
 * data), and the roster people of its other jurisdictions whose own exposed data counts.
 */
function countsOf(trigger: Trigger, input: EngineCase, reading: Reading): Counts {
  const cached = reading.counts.get(trigger);
  if (cached !== undefined) return cached;
  const codes = new Set(trigger.residentsOf.flatMap((code) => residentCodes(code, reading.pack)));
  let handRows = 0;
  for (const p of input.populations) if (codes.has(p.jurisdiction)) handRows += p.count;
  let fromRoster = 0;
  let rosterNotCounted = 0;
  let rosterEncrypted = 0;
  const labels = new Set<string>();
  const groupKeys: string[] = [];
  const seen = new Map<string, Information>();
  const rosterByCode = new Map<string, number>();
  for (const code of codes) {
    for (const group of reading.groups.get(code) ?? []) {
      let information = seen.get(group.key);
      if (information === undefined) {
        information = personalInformation(trigger, group.elements);
        seen.set(group.key, information);
      }
      if (information.state === 'counts') {
        fromRoster += group.people;
        rosterByCode.set(code, (rosterByCode.get(code) ?? 0) + group.people);
        groupKeys.push(rosterGroupKey(code, group.key));
        labels.add(information.labels.join(' with ').toLowerCase());
      } else {
        rosterNotCounted += group.people;
        if (information.state === 'encrypted') rosterEncrypted += group.people;
      }
    }
  }
  const inRoster = fromRoster + rosterNotCounted;
  // Without roster people, the count is the hand rows' as it always was (the data is tested
  // after the threshold, with its own reason); with them, hand rows count only if the data does.
  const handEntered =
    inRoster === 0 || handRows === 0
      ? handRows
      : personalInformation(trigger, input.dataElements).state === 'counts'
        ? handRows
        : 0;
  const counts: Counts = {
    residents: handEntered + fromRoster,
    largest: null,
    handEntered,
    handRows,
    fromRoster,
    rosterNotCounted,
    rosterEncrypted,
    labels: [...labels],
    groupKeys,
  };
  const perPlace = trigger.residents.perJurisdiction
    ? perJurisdiction(trigger, input, codes, handEntered, rosterByCode)
    : null;
  const result = perPlace === null ? counts : { ...counts, ...perPlace };
  reading.counts.set(trigger, result);
  return result;
}

/**
 * For a threshold the law counts per state ("more than 500 residents of a State", HIPAA's media
 * notice): only the people of jurisdictions that each meet it count, and the largest is kept to
 * say why none does.
 */
function perJurisdiction(
  trigger: Trigger,
  input: EngineCase,
  codes: ReadonlySet<string>,
  handEntered: number,
  rosterByCode: ReadonlyMap<string, number>,
): Pick<Counts, 'residents' | 'largest'> {
  const byCode = new Map(rosterByCode);
  if (handEntered > 0)
    for (const p of input.populations)
      if (codes.has(p.jurisdiction)) byCode.set(p.jurisdiction, (byCode.get(p.jurisdiction) ?? 0) + p.count);
  let residents = 0;
  let largest: Counts['largest'] = null;
  for (const [code, people] of byCode) {
    if (meetsCount(trigger, people)) residents += people;
    if (largest === null || people > largest.people) largest = { code, people };
  }
  return { residents, largest };
}

/** Whether the data counts for a rule, as facts-needed reads it. */
function informationOf(trigger: Trigger, input: EngineCase, reading: Reading): Information['state'] {
  const counts = countsOf(trigger, input, reading);
  if (counts.fromRoster + counts.rosterNotCounted > 0) {
    if (counts.residents > 0) return 'counts';
    return counts.rosterEncrypted > 0 ? 'encrypted' : 'none';
  }
  return personalInformation(trigger, counts.handRows > 0 ? input.dataElements : reading.anyData).state;
}

function provenance(counts: Counts): Obligation['population'] {
  return {
    handEntered: counts.handEntered,
    fromRoster: counts.fromRoster,
    rosterNotCounted: counts.rosterNotCounted,
  };
}

function meetsThreshold(trigger: Trigger, residents: number): boolean {
  // Per jurisdiction, `residents` already holds only the jurisdictions over the threshold.
  if (trigger.residents.perJurisdiction) return residents > 0;
  return meetsCount(trigger, residents);
}

function meetsCount(trigger: Trigger, residents: number): boolean {
  const { comparison, count: threshold } = trigger.residents;
  if (comparison === 'gte') return residents >= threshold;
  if (comparison === 'gt') return residents > threshold;
  if (comparison === 'lt') return residents > 0 && residents < threshold;
  return residents > 0;
}

function thresholdText(trigger: Trigger): string {
  const text = countText(trigger);
  return trigger.residents.perJurisdiction ? `${text} in one state or jurisdiction` : text;
}

function countText(trigger: Trigger): string {
  const { comparison, count: threshold } = trigger.residents;
  if (comparison === 'gte') return `at least ${count(threshold)}`;
  if (comparison === 'gt') return `more than ${count(threshold)}`;
  if (comparison === 'lt') return `at least one and fewer than ${count(threshold)}`;
  return 'at least one';
}

type Information =
  { state: 'counts'; labels: string[] } | { state: 'encrypted'; labels: string[] } | { state: 'none' };

/**
 * Whether some combination the law names is fully present: first counting every element, then
 * only those not protected by encryption with an uncompromised key.
 */
function personalInformation(trigger: Trigger, elements: readonly DataElement[]): Information {
  const unprotected = (e: DataElement) =>
    !trigger.encryptionSafeHarbour || !e.encrypted || (trigger.keyCompromiseException && e.keyCompromised);
  if (trigger.personalInformation === null) {
    if (elements.length === 0) return { state: 'none' };
    const exposed = elements.filter(unprotected);
    return exposed.length === 0
      ? { state: 'encrypted', labels: elements.map(label) }
      : { state: 'counts', labels: exposed.map(label) };
  }
  const present = (usable: (e: DataElement) => boolean): DataElementTerm[] | null => {
    const terms = new Set(elements.filter(usable).map((e) => e.term));
    return trigger.personalInformation?.find((combination) => combination.every((t) => terms.has(t))) ?? null;
  };
  const any = present(() => true);
  if (any === null) return { state: 'none' };
  const exposed = present(unprotected);
  const labels = (terms: DataElementTerm[]) => terms.map((t) => dataElementLabel(t, null));
  return exposed === null
    ? { state: 'encrypted', labels: labels(any) }
    : { state: 'counts', labels: labels(exposed) };
}

function combinationsText(trigger: Trigger): string {
  return (trigger.personalInformation ?? [])
    .map((combination) => combination.map((t) => dataElementLabel(t, null).toLowerCase()).join(' with '))
    .join('; or ');
}

function obligationOf(
  rule: Rule,
  input: EngineCase,
  reading: Reading,
  titles: Map<string, string>,
): Obligation {
  const { pack } = reading;
  const counts = countsOf(rule.trigger, input, reading);
  const { residents } = counts;
  const stages = stagesOf(rule, input, titles);
  return {
    ruleId: rule.id,
    title: rule.title,
    jurisdiction: rule.jurisdiction,
    law: rule.law,
    recipient: recipientOf(rule, input, pack),
    why: rule.trigger.personalDataNeeded ? whyItApplies(rule, input, counts) : whyOrganisation(rule, input),
    residents,
    population: provenance(counts),
    rosterGroups: [...counts.groupKeys],
    // A staged report is due by its first stage not yet sent: the board sorts by what is next.
    deadline:
      (stages.find((stage) => stage.sentAt === null) ?? stages.at(-1))?.deadline ??
      deadlineOf(rule, input, titles),
    order: rule.order.map((o) => ({ ...o, title: titles.get(o.ruleId) ?? o.ruleId })),
    requiredContent: rule.requiredContent,
    prohibitedContent: rule.prohibitedContent,
    template: rule.template,
    regime: rule.regime,
    form: rule.form,
    stages,
    citation: rule.citation,
    sources: rule.sources,
    verification: rule.verification,
    openDecision: openDecisionOf(rule, input),
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: rule.effectiveTo,
    lastReviewed: rule.lastReviewed,
    note: rule.note,
    substituteNotice: substituteNoticeOf(rule, residents, unreachedOf(rule.trigger, input, pack)),
  };
}

/** Each stage of a staged report, in the pack's order, with its deadline and when it was sent. */
function stagesOf(rule: Rule, input: EngineCase, titles: Map<string, string>): ObligationStage[] {
  return rule.stages.map((stage) => ({
    id: stage.id,
    title: stage.title,
    deadline: stageDeadlineOf(rule, stage.deadline, input, titles),
    sentAt: input.sentAt[`${rule.id}/${stage.id}`] ?? null,
    requiredContent: stage.requiredContent,
    template: stage.template ?? rule.template,
    form: stage.form,
  }));
}

/**
 * Why an incident-reporting rule (no people needed) applies: the organisation's role and
 * establishment, and the decision it turns on.
 */
function whyOrganisation(rule: Rule, input: EngineCase): string {
  const { trigger } = rule;
  const { organisation } = input.facts;
  const roles = (trigger.regulatedRoles ?? []).filter((role) => organisation.regulatedRoles.includes(role));
  const who =
    roles.length === 0
      ? 'The organisation'
      : `The organisation is recorded as ${roles.map(withArticle).join(' and ')}`;
  const where =
    trigger.establishedIn === null
      ? ''
      : ` established in ${countriesOfEstablishment(organisation).map(placeName).join(', ')}`;
  const decision = trigger.decision === null ? undefined : input.facts.decisions[trigger.decision.key];
  const decided =
    trigger.decision === null || decision === undefined
      ? ''
      : `, and the ${REGIME_DECISION_INFO[trigger.decision.key].label} recorded on ${decision.at.utc.slice(0, 10)} answers "${decision.answer}"`;
  return `${who}${where}${decided}: ${rule.law} applies whatever personal data was exposed.`;
}

/** People of the rule's jurisdictions whose notice did not reach them. */
function unreachedOf(trigger: Trigger, input: EngineCase, pack: RulePack): number {
  const unreached = input.unreached;
  if (unreached === undefined) return 0;
  let total = 0;
  for (const code of new Set(trigger.residentsOf.flatMap((c) => residentCodes(c, pack))))
    total += unreached[code] ?? 0;
  return total;
}

/** Whether substitute notice is open here, from the counts the case holds (people, people not reached). */
function substituteNoticeOf(
  rule: Rule,
  residents: number,
  unreached: number,
): Obligation['substituteNotice'] {
  const condition = rule.substituteNotice;
  if (condition === null) return null;
  if (condition.insufficientContact && unreached > 0) {
    return {
      available: 'yes',
      text: `Substitute notice (${condition.methods}) is allowed: ${count(unreached)} ${unreached === 1 ? 'person' : 'people'} could not be reached (no usable contact details, or the notice came back).`,
      citation: condition.citation,
    };
  }
  const others = [
    ...(condition.costOver === null ? [] : [`notice would cost more than $${count(condition.costOver)}`]),
    ...(condition.insufficientContact ? ['contact details are insufficient'] : []),
  ];
  const otherwise = others.length === 0 ? '' : others.join(' or ');
  const byPeople = condition.peopleOver !== null && residents > condition.peopleOver;
  const people =
    condition.peopleOver === null
      ? ''
      : `${count(residents)} ${residents === 1 ? 'person' : 'people'} to notify ${byPeople ? 'is more than' : 'is not more than'} ${count(condition.peopleOver)}`;
  const text = byPeople
    ? `Substitute notice (${condition.methods}) is allowed: ${people}.`
    : otherwise === ''
      ? `Substitute notice is not allowed on these counts: ${people}.`
      : `Substitute notice (${condition.methods}) is allowed only if ${otherwise}${people === '' ? '' : `; ${people}`}.`;
  return {
    available: byPeople ? 'yes' : otherwise === '' ? 'no' : 'if_cost_or_contact',
    text,
    citation: condition.citation,
  };
}

function recipientOf(rule: Rule, input: EngineCase, pack: RulePack): Obligation['recipient'] {
  const { establishment } = input.facts.organisation;
  const authority =
    pack.authorities[establishment] ??
    (establishment === ''
      ? 'the lead supervisory authority (not named: no main establishment in the EU/EEA is recorded)'
      : 'the lead supervisory authority');
  return { ...rule.recipient, name: rule.recipient.name.replaceAll('{leadAuthority}', authority) };
}

function whyItApplies(rule: Rule, input: EngineCase, counts: Counts): string {
  const { trigger } = rule;
  const { residents } = counts;
  const where = whereOf(rule);
  const who = `${count(residents)} affected ${residents === 1 ? 'person' : 'people'} in ${where}`;
  const threshold = trigger.residents.comparison === 'any' ? '' : ` (${thresholdText(trigger)} needed)`;
  const information = personalInformation(trigger, input.dataElements);
  const unencrypted = trigger.encryptionSafeHarbour
    ? trigger.keyCompromiseException
      ? 'unencrypted (or with the key) '
      : 'unencrypted '
    : '';
  const data =
    trigger.personalInformation === null
      ? 'personal data was compromised'
      : `${information.state === 'none' ? '' : information.labels.join(' with ').toLowerCase()} ${unencrypted}count as personal information under ${rule.law}`;
  const harm =
    trigger.harm !== null && input.harmFindings[rule.jurisdiction] === 'harm_likely'
      ? `; a person determined that harm is likely (${trigger.harm.citation})`
      : '';
  const risk =
    trigger.risk === 'high'
      ? '; a high risk to people is confirmed'
      : trigger.risk === 'not_unlikely'
        ? input.risk === null
          ? '; no decision says a risk is unlikely'
          : `; the confirmed risk level is "${input.risk}"`
        : '';
  const inRoster = counts.fromRoster + counts.rosterNotCounted;
  if (inRoster === 0) return `${who}${threshold}, and ${data.replace(/\s+/g, ' ').trim()}${risk}${harm}.`;
  const meets =
    trigger.personalInformation === null
      ? 'is personal data'
      : `meets the definition of personal information under ${rule.law} (${counts.labels.join('; or ')}${unencrypted === '' ? '' : `, ${unencrypted.replace(/[()]/g, '').trim()}`})`;
  const roster = `${count(counts.fromRoster)} of ${count(inRoster)}`;
  const byHand =
    trigger.personalInformation === null || information.state === 'none'
      ? ''
      : ` with the recorded data (${information.labels.join(' with ').toLowerCase()})`;
  const sentence =
    counts.handEntered === 0
      ? `${roster} residents of ${where} in the roster count${threshold}: their exposed data ${meets}`
      : `${who}${threshold}: ${count(counts.handEntered)} entered by hand${byHand}, and ${roster} in the roster whose own exposed data ${meets}`;
  return `${sentence}${risk}${harm}.`;
}

/** Soonest deadline first; waiting and undetermined ones after, by their suggested target. */
function byDue(a: Obligation, b: Obligation): number {
  const key = (o: Obligation) => o.deadline.due ?? o.deadline.suggested ?? '9999';
  const rank = (o: Obligation) => (o.deadline.due !== null ? 0 : 1);
  return rank(a) - rank(b) || key(a).localeCompare(key(b)) || a.ruleId.localeCompare(b.ruleId);
}

function roleName(role: string): string {
  return role.replace('_', ' ');
}

function whereOf(rule: Rule): string {
  return rule.trigger.residentsOf.includes('GDPR') ? 'the EU/EEA' : placeName(rule.jurisdiction);
}

function placeName(code: string): string {
  return code === 'EU' ? 'the EU/EEA' : jurisdictionName(code);
}

function label(element: DataElement): string {
  return dataElementLabel(element.term, element.customLabel);
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
