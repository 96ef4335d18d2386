import { describe, expect, it } from 'vitest';
import { dataElementSchema, type DataElementTerm } from '../../shared/domain/data-elements';
import { enisaScore } from '../../shared/severity/enisa';
import { suggestFromFacts } from '../../renderer/src/features/severity/suggestion';

const elements = (...terms: DataElementTerm[]) =>
  terms.map((term, i) =>
    dataElementSchema.parse({ id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, term }),
  );

describe('the severity calculator starts from the facts', () => {
  it('suggests nothing while no data element is recorded', () => {
    expect(suggestFromFacts([], ['confidentiality'])).toBeNull();
  });

  it('takes the highest category among the data, and says it is a suggestion', () => {
    const s = suggestFromFacts(elements('name', 'ssn'), ['confidentiality']);
    expect(s?.patch).toMatchObject({ category: 'sensitive', dpcScore: '4', ei: 1, confidentiality: 0.25 });
    expect(s?.patch.dpcRationale).toMatch(
      /^Suggested from the data elements recorded: .*sensitive data \(base 4\)/,
    );
    expect(s?.patch.eiRationale).toMatch(
      /^Suggested: the data names people directly \(name, social security number\)/,
    );
    expect(s?.patch.cbRationale).toMatch(/loss of confidentiality/);
    // Not "Low" against the facts: SE = 4 × 1 + 0.25.
    const score = enisaScore({
      dpc: { category: 'sensitive', score: 4, rationale: '' },
      ei: { value: 1, rationale: '' },
      cb: { confidentiality: 0.25, integrity: 0, availability: 0, malicious: 0, rationale: '' },
    });
    expect(score.band).toBe('very_high');
  });

  it('calls passwords credentials, counted as what they unlock: the highest of the other data', () => {
    const alone = suggestFromFacts(elements('email', 'password'), []);
    expect(alone?.elements).toEqual([
      { label: 'E-mail address', sensitivity: 'simple', category: 'simple' },
      { label: 'Password / credentials', sensitivity: 'credentials', category: 'simple' },
    ]);
    expect(alone?.patch).toMatchObject({ category: 'simple', ei: 0.75, confidentiality: 0 });
    expect(alone?.patch.dpcRationale).toMatch(
      /Credentials \(password \/ credentials\) count as what they unlock/,
    );

    const banking = suggestFromFacts(elements('financial_account', 'password'), ['confidentiality']);
    expect(banking?.elements[1]).toEqual({
      label: 'Password / credentials',
      sensitivity: 'credentials',
      category: 'financial',
    });
    expect(banking?.patch.category).toBe('financial');

    const accessCode = suggestFromFacts(elements('account_access_code'), []);
    expect(accessCode?.patch).toMatchObject({ category: 'financial', dpcScore: '3', ei: 0.5 });
  });

  it('reads the nature of the breach into the circumstances, at the lower level', () => {
    const s = suggestFromFacts(elements('precise_geolocation'), ['integrity', 'availability']);
    expect(s?.patch).toMatchObject({
      category: 'behavioural',
      confidentiality: 0,
      integrity: 0.25,
      availability: 0.25,
    });
  });
});
