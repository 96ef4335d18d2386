import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { elapsedFraction } from '../../shared/domain/overview';
import { zonedTimeFromLocal } from '../../shared/time/zoned-time';
import { createDemoCase } from '../../main/services/demo-service';
import { updateFacts } from '../../main/services/facts-service';
import { setObligationStatus } from '../../main/services/obligations/obligations-service';
import { caseOverview } from '../../main/services/overview-service';
import { setPopulation } from '../../main/services/population-service';
import { makeCase, testContext } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const TODAY = '2026-12-07';
/** The demo's day 2: 2020-11-17 16:29 in Stockholm, 41 h and a minute before the Art. 33 deadline. */
const DAY_TWO = '2020-11-17T15:29:00.000Z';
const ART_33 = 'gdpr-art33-lead-authority';

describe('elapsedFraction', () => {
  it('runs from 0 at the clock start to 1 at the deadline, and stays within', () => {
    const start = '2020-11-16T08:30:00.000Z';
    const due = '2020-11-19T08:30:00.000Z';
    expect(elapsedFraction(start, due, Date.parse(start))).toBe(0);
    expect(elapsedFraction(start, due, Date.parse('2020-11-17T20:30:00.000Z'))).toBe(0.5);
    expect(elapsedFraction(start, due, Date.parse(due))).toBe(1);
    expect(elapsedFraction(start, due, Date.parse('2021-01-01T00:00:00.000Z'))).toBe(1);
    expect(elapsedFraction(start, due, Date.parse('2020-01-01T00:00:00.000Z'))).toBe(0);
    expect(elapsedFraction(null, due, 0)).toBeNull();
    expect(elapsedFraction(start, null, 0)).toBeNull();
  });
});

describe('the overview says what now', () => {
  it('on the demo case as of its day 2: the counts, the next three deadlines, decisions and the next step', async () => {
    const ctx = testContext();
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, ctx);
    const { whatNow } = caseOverview(file, TODAY, DAY_TWO);

    expect(whatNow.zone).toBe('Europe/Stockholm');
    expect(whatNow.counts).toEqual({
      owed: 10,
      overdue: 0,
      todo: 7,
      drafting: 3,
      approved: 0,
      sent: 0,
      notRequired: 0,
      decisionNeeded: 1,
    });
    expect(whatNow.notices).toHaveLength(10);

    // Fixed deadlines only, soonest first, each with the start of its clock.
    expect(whatNow.nextDeadlines.map((n) => n.short)).toEqual(['Art. 33', 'WA residents', 'TX AG']);
    const [art33] = whatNow.nextDeadlines;
    expect(art33).toMatchObject({
      ruleId: ART_33,
      due: '2020-11-19T08:30:00.000Z',
      clockAt: '2020-11-16T08:30:00.000Z',
      stage: 'drafting',
      letter: { status: 'draft', version: 1 },
    });
    // 30 h 59 min of 72 h.
    expect(elapsedFraction(art33?.clockAt ?? null, art33?.due ?? null, Date.parse(DAY_TWO))).toBeCloseTo(
      (30 * 60 + 59) / (72 * 60),
      6,
    );

    // One GDPR risk decision (Art. 33 and 34), then each state's harm test once.
    expect(whatNow.decisions.map((d) => [d.kind, d.jurisdiction])).toEqual([
      ['gdpr_risk', null],
      ['state_harm', 'US-NY'],
      ['state_harm', 'US-WA'],
    ]);
    expect(whatNow.decisions[0]?.notices).toHaveLength(2);
    expect(whatNow.decisions[1]?.notices).toHaveLength(3);
    expect(whatNow.factsMissing).toEqual([]);

    // Art. 33's letter is drafted: approve it.
    expect(whatNow.nextStep).toMatchObject({
      kind: 'approve',
      ruleId: ART_33,
      letterId: art33?.letter?.id,
      label: 'Review and approve the Art. 33 letter',
    });

    // Three days later Art. 33 is overdue; sent, it leaves the deadlines and counts as sent.
    expect(caseOverview(file, TODAY, '2020-11-20T12:00:00.000Z').whatNow.counts.overdue).toBe(1);
    setObligationStatus(
      file,
      ctx,
      { ruleId: ART_33, stageId: null },
      undefined,
      { status: 'sent', sentAt: '2020-11-18T10:00:00.000Z', channel: 'IMY e-service', note: '' },
      TODAY,
    );
    const after = caseOverview(file, TODAY, '2020-11-20T12:00:00.000Z').whatNow;
    expect(after.counts).toMatchObject({ owed: 10, sent: 1, overdue: 0, drafting: 2 });
    expect(after.nextDeadlines.map((n) => n.short)).toEqual(['WA residents', 'TX AG', 'TX residents']);
    // WA residents is next, and its harm test is open: decide first.
    expect(after.nextStep).toMatchObject({
      kind: 'decide',
      ruleId: 'us-wa-individuals',
      decision: { kind: 'state_harm', jurisdiction: 'US-WA' },
    });
  });

  it('on a blank case: names the facts missing, in order, and the first is the next step', () => {
    const ctx = testContext();
    const file = makeCase(tempDir(), 'blank.bdcase', ctx);
    const { whatNow } = caseOverview(file, TODAY, '2026-12-07T10:00:00.000Z');
    expect(whatNow.counts.owed).toBe(0);
    expect(whatNow.nextDeadlines).toEqual([]);
    expect(whatNow.zone).toBeNull();
    expect(whatNow.factsMissing.map((f) => f.field)).toEqual([
      'awareAt',
      'discoveredAt',
      'establishment',
      'populations',
      'dataElements',
    ]);
    expect(whatNow.factsMissing[0]?.label).toBe('Awareness time');
    expect(whatNow.factsMissing[0]?.why).toMatch(/72 hours/);
    expect(whatNow.nextStep).toMatchObject({
      kind: 'fact',
      field: 'awareAt',
      label: 'Enter the awareness time',
    });

    // People only in California: the GDPR establishment is not asked for.
    setPopulation(file, { jurisdiction: 'US-CA', count: 1_000, exact: true }, ctx);
    updateFacts(file, { awareAt: zonedTimeFromLocal('2026-12-01 09:00', 'America/Los_Angeles') }, ctx);
    const later = caseOverview(file, TODAY, '2026-12-07T10:00:00.000Z').whatNow;
    expect(later.factsMissing.map((f) => f.field)).toEqual(['discoveredAt', 'dataElements']);
    expect(later.zone).toBe('America/Los_Angeles');

    // People in France: the main establishment decides the lead authority, so it is missing again.
    setPopulation(file, { jurisdiction: 'FR', count: 10, exact: true }, ctx);
    expect(caseOverview(file, TODAY).whatNow.factsMissing.map((f) => f.field)).toContain('establishment');
  });
});
