import { describe, expect, it } from 'vitest';
import type { DataElementTerm } from '../../shared/domain/data-elements';
import type { RosterGroup } from '../../shared/domain/roster';
import { engineResultSchema } from '../../shared/obligations/obligation';
import { decisionIn, evaluate, obligationIn, refusalIn, type CaseSpec } from '../helpers/obligations';

const AS_OF = '2026-03-02';

function group(jurisdiction: string, elements: readonly DataElementTerm[], people: number): RosterGroup {
  return { jurisdiction, elements: [...elements], source: 'column', people };
}

/** A case whose people come from the roster only: no hand rows, no case-level data rows. */
function rosterCase(roster: readonly RosterGroup[], spec: CaseSpec = {}): CaseSpec {
  return { people: {}, elements: [], roster, ...spec };
}

describe('roster counts drive the obligations (issue 19)', () => {
  it('counts in California only the people whose e-mail and password were exposed', () => {
    const result = evaluate(
      rosterCase([group('US-CA', ['email', 'password'], 1_240), group('US-CA', ['email', 'gender'], 260)]),
      AS_OF,
    );
    const owed = obligationIn(result, 'us-ca-individuals-2026');
    expect(owed.residents).toBe(1_240);
    expect(owed.population).toEqual({ handEntered: 0, fromRoster: 1_240, rosterNotCounted: 260 });
    expect(owed.why).toContain(
      '1,240 of 1,500 residents of California (US) in the roster count: their exposed data meets',
    );
    expect(owed.why).toContain('e-mail address with password / credentials');
    // 1,240 people cross the Attorney General's "more than 500".
    expect(obligationIn(result, 'us-ca-ag-sample-2026').residents).toBe(1_240);
    expect(engineResultSchema.parse(result)).toEqual(result);
  });

  it('does not count a resident whose only exposed field was gender, and says why in numbers', () => {
    const result = evaluate(rosterCase([group('US-CA', ['gender'], 1_500)]), AS_OF);
    const reason = refusalIn(result, 'us-ca-individuals-2026').reason;
    expect(reason).toMatch(
      /^1,500 people in California \(US\) are in the roster, but none had exposed data that counts under .+ \(it needs .*e-mail address with password \/ credentials.*\)\.$/,
    );
    expect(result.obligations.map((o) => o.ruleId)).not.toContain('us-ca-individuals-2026');
  });

  it('lets a hand-entered row override the roster of its jurisdiction', () => {
    const roster = [group('US-CA', ['gender'], 1_500), group('US-TX', ['email', 'password'], 300)];
    const result = evaluate({ people: { 'US-CA': 42 }, elements: ['name', 'ssn'], roster }, AS_OF);
    const california = obligationIn(result, 'us-ca-individuals-2026');
    expect(california.residents).toBe(42);
    expect(california.population).toEqual({ handEntered: 42, fromRoster: 0, rosterNotCounted: 0 });
    expect(california.why).toContain('42 affected people in California (US)');
    // Texas has no hand row: its people come from the roster.
    const texas = result.obligations.find(
      (o) => o.jurisdiction === 'US-TX' && o.recipient.kind === 'affected_individuals',
    );
    expect(texas?.population).toEqual({ handEntered: 0, fromRoster: 300, rosterNotCounted: 0 });
  });

  it('applies the encryption safe harbour group by group', () => {
    const roster = [group('US-CA', ['email', 'password'], 700), group('US-CA', ['name', 'ssn'], 100)];
    const encrypted = { term: 'password', encrypted: true } as const;
    const result = evaluate(rosterCase(roster, { elements: ['email', encrypted] }), AS_OF);
    const owed = obligationIn(result, 'us-ca-individuals-2026');
    expect(owed.residents).toBe(100);
    expect(owed.population).toEqual({ handEntered: 0, fromRoster: 100, rosterNotCounted: 700 });
    // 100 people do not cross "more than 500".
    expect(refusalIn(result, 'us-ca-ag-sample-2026').reason).toBe(
      `100 of 800 people in California (US) in the roster had exposed data that counts under ${owed.law}: this notice needs more than 500.`,
    );

    const allEncrypted = evaluate(
      rosterCase([roster[0] as RosterGroup], { elements: ['email', encrypted] }),
      AS_OF,
    );
    expect(refusalIn(allEncrypted, 'us-ca-individuals-2026').reason).toMatch(
      /^700 people in California \(US\) are in the roster, but the data of theirs that would count under .+ was encrypted, and the key is not recorded as compromised\.$/,
    );
    const keyLost = { term: 'password', encrypted: true, keyCompromised: true } as const;
    const withKey = evaluate(rosterCase([roster[0] as RosterGroup], { elements: ['email', keyLost] }), AS_OF);
    expect(obligationIn(withKey, 'us-ca-individuals-2026').residents).toBe(700);
  });

  it('crosses a threshold only with the people who count', () => {
    const roster = [group('US-CA', ['email', 'password'], 400), group('US-CA', ['gender', 'email'], 200)];
    const result = evaluate(rosterCase(roster), AS_OF);
    expect(obligationIn(result, 'us-ca-individuals-2026').residents).toBe(400);
    const reason = refusalIn(result, 'us-ca-ag-sample-2026').reason;
    expect(reason).toContain('400 of 600 people in California (US) in the roster');
    expect(reason).toContain('this notice needs more than 500');

    const more = evaluate(rosterCase([...roster, group('US-CA', ['name', 'ssn'], 101)]), AS_OF);
    expect(obligationIn(more, 'us-ca-ag-sample-2026').residents).toBe(501);
  });

  it('counts under the GDPR everyone whose personal data was exposed', () => {
    const roster = [
      group('FR', ['gender'], 50),
      group('DE', ['email'], 25),
      group('FR', [], 10),
      group('US-CA', ['email', 'password'], 5),
    ];
    const result = evaluate(rosterCase(roster, { organisation: { establishment: 'FR' } }), AS_OF);
    const art33 = obligationIn(result, 'gdpr-art33-cnil-initial');
    expect(art33.residents).toBe(75);
    expect(art33.population).toEqual({ handEntered: 0, fromRoster: 75, rosterNotCounted: 10 });
    expect(art33.why).toContain(
      '75 of 85 residents of the EU/EEA in the roster count: their exposed data is personal data',
    );
    expect(decisionIn(result, 'gdpr-art34-data-subjects').residents).toBe(75);
  });

  it('shows the people of unknown residency and of an unknown US state as uncovered', () => {
    const roster = [
      group('unknown', ['email', 'password'], 30),
      group('US', ['name', 'ssn'], 12),
      group('US-CA', ['email', 'password'], 5),
    ];
    const result = evaluate(rosterCase(roster), AS_OF);
    expect(result.uncovered).toEqual([
      expect.objectContaining({ jurisdiction: 'ZZ', residents: 30 }),
      expect.objectContaining({ jurisdiction: 'US', residents: 12 }),
    ]);
    expect(result.uncovered.find((u) => u.jurisdiction === 'ZZ')?.note).toContain('is not recorded');
  });

  it('takes a roster with people as the people affected: the populations fact is not asked for', () => {
    const blank: CaseSpec = { people: {}, elements: [], organisation: { establishment: 'SE' } };
    expect(evaluate(blank, AS_OF).factsNeeded.map((f) => f.fact)).toContain('populations');
    const withRoster = evaluate({ ...blank, roster: [group('US-CA', ['email', 'password'], 40)] }, AS_OF);
    const facts = withRoster.factsNeeded.map((f) => f.fact);
    expect(facts).not.toContain('populations');
    expect(facts).not.toContain('dataElements');
    expect(obligationIn(withRoster, 'us-ca-individuals-2026').residents).toBe(40);
  });

  it('behaves as before with no roster, and counts a hand row as everyone', () => {
    const result = evaluate({ people: { 'US-CA': 501 } }, AS_OF);
    expect(obligationIn(result, 'us-ca-ag-sample-2026').population).toEqual({
      handEntered: 501,
      fromRoster: 0,
      rosterNotCounted: 0,
    });
  });
});
