import { describe, expect, it } from 'vitest';
import { engineResultSchema, type EngineResult, type FactKey } from '../../shared/obligations/obligation';
import { AWARE, evaluate, type CaseSpec } from '../helpers/obligations';

const AS_OF = '2026-03-04';
const A_PLUS_72H = '2026-03-07T15:00:00.000Z';

/** A blank case: no times, no establishment, no people, no data. */
const BLANK: CaseSpec = {
  discoveredAt: null,
  awareAt: null,
  organisation: { establishment: '' },
  people: {},
  elements: [],
};

const facts = (result: EngineResult): FactKey[] => result.factsNeeded.map((f) => f.fact);
const waitingOn = (result: EngineResult, fact: FactKey): string[] =>
  result.factsNeeded.find((f) => f.fact === fact)?.rules.map((r) => r.ruleId) ?? [];

describe('facts needed', () => {
  it('lists every missing fact on a blank case, each with its field and the rules waiting on it', () => {
    const result = engineResultSchema.parse(evaluate(BLANK, AS_OF));
    expect(result.obligations).toEqual([]);
    expect(facts(result)).toEqual([
      'awareAt',
      'establishment',
      'populations',
      'dataElements',
      'discoveredAt',
    ]);
    expect(result.factsNeeded.map((f) => f.field)).toEqual([
      'facts.awareAt',
      'facts.organisation.establishment',
      'people.populations',
      'people.dataElements',
      'facts.discoveredAt',
    ]);
    expect(waitingOn(result, 'awareAt')).toContain('gdpr-art33-lead-authority');
    expect(waitingOn(result, 'establishment')).toEqual(
      expect.arrayContaining(['gdpr-art33-lead-authority', 'gdpr-art33-cnil-initial']),
    );
    expect(waitingOn(result, 'populations').length).toBeGreaterThan(100);
    for (const fact of result.factsNeeded) expect(fact.why).toMatch(/\w+.*\./);
    // Nothing keyed to an unknown establishment is shown as pending.
    expect(result.pending).toEqual([]);
  });

  it.each<[string, CaseSpec, FactKey]>([
    ['the awareness time', { awareAt: AWARE }, 'awareAt'],
    ['the discovery time', { discoveredAt: AWARE }, 'discoveredAt'],
    ['the main establishment', { organisation: { establishment: 'SE' } }, 'establishment'],
    ['the people by jurisdiction', { people: { SE: 10, 'US-CA': 5 } }, 'populations'],
    ['the data involved', { elements: ['name', 'ssn'] }, 'dataElements'],
  ])('recording %s removes its row', (_name, spec, fact) => {
    const result = evaluate({ ...BLANK, ...spec }, AS_OF);
    expect(facts(result)).not.toContain(fact);
    expect(facts(result).length).toBe(4);
  });

  it('lists nothing once every fact is recorded', () => {
    const result = evaluate({ people: { SE: 10, 'US-CA': 5 }, elements: ['name', 'ssn'] }, AS_OF);
    expect(result.factsNeeded).toEqual([]);
    expect(result.pending).toEqual([]);
  });

  it('shows the Art. 33 deadline from awareness and the establishment alone, pending the people and data', () => {
    const result = evaluate({ ...BLANK, awareAt: AWARE, organisation: { establishment: 'SE' } }, AS_OF);
    expect(result.obligations).toEqual([]);
    expect(result.pending).toEqual([
      expect.objectContaining({
        ruleId: 'gdpr-art33-lead-authority',
        recipient: expect.objectContaining({ name: 'Integritetsskyddsmyndigheten (IMY), Sweden' }) as unknown,
        deadline: expect.objectContaining({ state: 'fixed', due: A_PLUS_72H }) as unknown,
        waitingOn: ['populations', 'dataElements'],
      }),
    ]);
  });

  it('shows the CNIL clock instead where the establishment is in France', () => {
    const result = evaluate({ ...BLANK, awareAt: AWARE, organisation: { establishment: 'FR' } }, AS_OF);
    expect(result.pending.map((p) => p.ruleId)).toEqual(['gdpr-art33-cnil-initial']);
  });

  it('keeps asking for the establishment while Art. 33 is owed to an unnamed authority', () => {
    const result = evaluate(
      { organisation: { establishment: '' }, people: { SE: 10 }, elements: ['name'] },
      AS_OF,
    );
    const art33 = result.obligations.find((o) => o.ruleId === 'gdpr-art33-lead-authority');
    expect(art33?.recipient.name).toMatch(/no main establishment in the EU\/EEA is recorded/);
    expect(facts(result)).toEqual(['establishment']);
    expect(waitingOn(result, 'establishment')).toContain('gdpr-art33-lead-authority');
  });

  it('asks for the awareness time while an owed notice waits for its clock', () => {
    const result = evaluate({ awareAt: null, people: { SE: 10 }, elements: ['name'] }, AS_OF);
    expect(facts(result)).toEqual(['awareAt']);
    expect(waitingOn(result, 'awareAt')).toContain('gdpr-art33-lead-authority');
  });

  it('names people counted without a place as the missing fact', () => {
    const result = evaluate({ people: { ZZ: 40 }, elements: ['name', 'ssn'] }, AS_OF);
    const populations = result.factsNeeded.find((f) => f.fact === 'populations');
    expect(populations?.why).toMatch(/^40 affected people are recorded without a country/);
  });

  it('does not ask for facts a rule ruled out by recorded facts would need', () => {
    // A processor: only the processor's Art. 33(2) notice can apply, and it is owed.
    const result = evaluate(
      { organisation: { role: 'processor', establishment: 'SE' }, people: { SE: 3 }, elements: ['name'] },
      AS_OF,
    );
    expect(result.factsNeeded).toEqual([]);
  });
});

describe('facts needed, narrowed by what is recorded', () => {
  it('stops asking for the discovery time once the people are only where no rule counts from it', () => {
    const result = evaluate({ ...BLANK, people: { SE: 10 } }, AS_OF);
    expect(facts(result)).toEqual(['awareAt', 'establishment', 'dataElements']);
  });
});
