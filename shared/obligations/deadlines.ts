import type { Facts } from '../domain/facts';
import type { ZonedTime } from '../time/zoned-time';
import type { Obligation } from './obligation';
import { addPeriod, periodUnit, reckoningText, type Unit } from './periods';
import { REGIME_DECISION_INFO } from './regime-decisions';
import type { Clock, Deadline, Period, Rule, StageDeadline } from './rule-pack';

export type DeadlineOut = Obligation['deadline'];

/** What a deadline reads of a case: the facts (clock starts, decisions) and when notices were sent. */
export interface DeadlineInput {
  facts: Facts;
  /** Sent times by rule id, and by "ruleId/stageId" for the stages of a staged report. */
  sentAt: Readonly<Record<string, string>>;
}

/** A rule's deadline (its first stage's when it has stages), counted from the case's facts. */
export function deadlineOf(
  rule: Rule,
  input: DeadlineInput,
  titles: ReadonlyMap<string, string>,
): DeadlineOut {
  return countDeadline(rule, rule.deadline, input, titles);
}

/**
 * A stage's deadline: as a rule's, or a period after an earlier stage was sent (waiting until it
 * is). `stageTitles` names the stages for the wording of the reckoning.
 */
export function stageDeadlineOf(
  rule: Rule,
  deadline: StageDeadline,
  input: DeadlineInput,
  titles: ReadonlyMap<string, string>,
): DeadlineOut {
  if (deadline.kind !== 'after_stage') return countDeadline(rule, deadline, input, titles);
  const sent = input.sentAt[`${rule.id}/${deadline.stageId}`] ?? null;
  if (sent === null) return waiting('notice', deadline.wording);
  const stage = rule.stages.find((s) => s.id === deadline.stageId);
  const zone = input.facts.awareAt?.zone ?? input.facts.discoveredAt?.zone ?? 'UTC';
  const counted = reckon(
    { utc: sent, zone },
    deadline.period,
    `the ${stage?.title ?? deadline.stageId} was sent`,
  );
  return fixed(counted, 'notice', sent, deadline.wording);
}

function countDeadline(
  rule: Rule,
  deadline: Deadline,
  input: DeadlineInput,
  titles: ReadonlyMap<string, string>,
): DeadlineOut {
  if (deadline.kind === 'period') {
    const start = clockTime(deadline.clock, rule, input.facts);
    const own = start === null ? null : reckon(start, deadline.period, clockStart(deadline.clock, rule));
    const counted = start === null || own === null ? null : capped(rule, deadline, start, own, input);
    return {
      state: start === null ? 'waiting' : 'fixed',
      due: counted?.due ?? null,
      clock: deadline.clock,
      clockAt: start?.utc ?? null,
      wording:
        start === null
          ? `${deadline.wording} (${clockName(deadline.clock, rule)} is not recorded yet)`
          : deadline.wording,
      suggested: null,
      reckoning: counted?.text ?? null,
      unit: counted?.unit ?? null,
    };
  }
  if (deadline.kind === 'after_notice') {
    const followed = [deadline.ruleId].flat().find((id) => input.sentAt[id] !== undefined);
    const sent = followed === undefined ? null : (input.sentAt[followed] ?? null);
    if (sent === null) return waiting('notice', deadline.wording);
    if (deadline.period !== undefined) {
      const zone = input.facts.discoveredAt?.zone ?? 'UTC';
      const notice = `the notice it follows (“${titles.get(followed ?? '') ?? followed}”)`;
      return fixed(reckon({ utc: sent, zone }, deadline.period, notice), 'notice', sent, deadline.wording);
    }
    // No period: "no later than" that notice makes its sending the deadline; otherwise the law
    // sets none, and sending with it is the suggested target.
    const noLaterThan = rule.order.some((o) => o.relation === 'no_later_than');
    return {
      state: noLaterThan ? 'fixed' : 'undetermined',
      due: noLaterThan ? sent : null,
      clock: 'notice',
      clockAt: sent,
      wording: deadline.wording,
      suggested: noLaterThan ? null : sent,
      reckoning: null,
      unit: null,
    };
  }
  const suggested = deadline.suggested;
  const start = suggested === null ? null : clockTime(suggested.clock, rule, input.facts);
  const counted =
    start === null || suggested === null
      ? null
      : reckon(start, suggested.period, clockStart(suggested.clock, rule));
  return {
    state: 'undetermined',
    due: null,
    clock: suggested?.clock ?? null,
    clockAt: start?.utc ?? null,
    wording: deadline.wording,
    suggested: counted?.due ?? null,
    reckoning: counted?.text ?? null,
    unit: counted?.unit ?? null,
  };
}

/**
 * A period's due time under its "no later than" limit: the earlier of the two, unless the
 * period's clock started after the limit had passed (then the period alone), said in the reckoning.
 */
function capped(
  rule: Rule,
  deadline: Extract<Deadline, { kind: 'period' }>,
  start: ZonedTime,
  own: { due: string; text: string; unit: Unit },
  input: DeadlineInput,
): { due: string; text: string; unit: Unit } {
  const limit = deadline.notLaterThan;
  if (limit === undefined) return own;
  const limitStart = clockTime(limit.clock, rule, input.facts);
  if (limitStart === null) return own;
  const cap = reckon(limitStart, limit.period, clockStart(limit.clock, rule));
  if (Date.parse(start.utc) > Date.parse(cap.due)) {
    return { ...own, text: `${own.text} (it started after the limit of ${cap.text} had passed)` };
  }
  return Date.parse(cap.due) < Date.parse(own.due)
    ? { due: cap.due, text: `${cap.text}, earlier than ${own.text}`, unit: cap.unit }
    : { ...own, text: `${own.text}, within the limit of ${cap.text}` };
}

function waiting(clock: 'notice', wording: string): DeadlineOut {
  return {
    state: 'waiting',
    due: null,
    clock,
    clockAt: null,
    wording,
    suggested: null,
    reckoning: null,
    unit: null,
  };
}

function fixed(
  counted: { due: string; text: string; unit: Unit },
  clock: 'notice',
  clockAt: string,
  wording: string,
): DeadlineOut {
  return {
    state: 'fixed',
    due: counted.due,
    clock,
    clockAt,
    wording,
    suggested: null,
    reckoning: counted.text,
    unit: counted.unit,
  };
}

/** The clock starts as the reckoning of a deadline names them. */
function clockStart(clock: Clock, rule: Rule): string {
  if (clock === 'determination') return 'determination (taken as the awareness time)';
  if (clock === 'decision') return decisionMoment(rule);
  return clock;
}

function decisionMoment(rule: Rule): string {
  const key = rule.trigger.decision?.key;
  return key === undefined ? 'the decision' : REGIME_DECISION_INFO[key].moment;
}

/** A period counted from a start (see periods.ts), with the sentence saying how. */
function reckon(
  start: { utc: string; zone: string },
  period: Period,
  from: string,
): { due: string; text: string; unit: Unit } {
  const { due, skipped } = addPeriod(start, period);
  return { due, text: reckoningText(start, period, from, skipped), unit: periodUnit(period) };
}

/**
 * When a clock started: discovery, awareness (which US "determination" is taken to be), or the
 * date of the rule's decision when a person answered yes to it (no answer: not started).
 */
export function clockTime(clock: Clock, rule: Rule, facts: Facts): ZonedTime | null {
  if (clock === 'discovery') return facts.discoveredAt;
  if (clock === 'decision') {
    const key = rule.trigger.decision?.key;
    const decided = key === undefined ? undefined : facts.decisions[key];
    return decided?.answer === 'yes' ? decided.at : null;
  }
  return facts.awareAt;
}

function clockName(clock: Clock, rule: Rule): string {
  if (clock === 'discovery') return 'the discovery time';
  if (clock === 'decision') return `the date of ${decisionMoment(rule)}`;
  return 'the awareness time';
}
