import { describe, expect, it } from 'vitest';
import { RESIDENCY_SOURCES } from '../../shared/domain/roster';
import { isJurisdictionCode } from '../../shared/jurisdictions/jurisdictions';
import { RESIDENCY_SOURCE_LABELS, resolveResidency, type ResidencyInput } from '../../main/roster/residency';

const NOTHING: ResidencyInput = { country: null, region: null, postalCode: null, phoneCountry: null };

function resolve(input: Partial<ResidencyInput>): ReturnType<typeof resolveResidency> {
  return resolveResidency({ ...NOTHING, ...input });
}

describe('resolveResidency: country column', () => {
  it('reads alpha-2, alpha-3 and English names in any case', () => {
    for (const country of ['FR', 'fr', 'FRA', 'fra', 'France', ' FRANCE ']) {
      expect(resolve({ country }), country).toEqual({ jurisdiction: 'FR', source: 'column' });
    }
    expect(resolve({ country: 'United Kingdom' })).toEqual({ jurisdiction: 'GB', source: 'column' });
    expect(resolve({ country: 'UK' })).toEqual({ jurisdiction: 'GB', source: 'column' });
    expect(resolve({ country: 'Czech Republic' })).toEqual({ jurisdiction: 'CZ', source: 'column' });
  });

  it('keeps a German 5-digit postcode in Germany', () => {
    expect(resolve({ country: 'DE', postalCode: '10115' })).toEqual({ jurisdiction: 'DE', source: 'column' });
    expect(resolve({ country: 'Germany', postalCode: '90210', phoneCountry: 'US' })).toEqual({
      jurisdiction: 'DE',
      source: 'column',
    });
  });

  it('beats the phone country', () => {
    expect(resolve({ country: 'ES', phoneCountry: 'FR' })).toEqual({ jurisdiction: 'ES', source: 'column' });
  });

  it('refuses groups that are not countries of residence', () => {
    expect(resolve({ country: 'EU' })).toEqual({ jurisdiction: 'unknown', source: 'unknown' });
    expect(resolve({ country: 'ZZ' })).toEqual({ jurisdiction: 'unknown', source: 'unknown' });
  });
});

describe('resolveResidency: United States', () => {
  it('takes the state from a region column by code, ISO code or name', () => {
    for (const region of ['CA', 'ca', 'US-CA', 'us-ca', 'California', 'CALIFORNIA']) {
      expect(resolve({ country: 'US', region }), region).toEqual({ jurisdiction: 'US-CA', source: 'column' });
    }
    expect(resolve({ country: 'USA', region: 'District of Columbia' })).toEqual({
      jurisdiction: 'US-DC',
      source: 'column',
    });
    expect(resolve({ country: 'United States', region: 'Georgia' })).toEqual({
      jurisdiction: 'US-GA',
      source: 'column',
    });
    expect(resolve({ country: 'U.S.A.', region: 'NY' })).toEqual({ jurisdiction: 'US-NY', source: 'column' });
  });

  it('prefers the region column over the ZIP code', () => {
    expect(resolve({ country: 'US', region: 'TX', postalCode: '94105' })).toEqual({
      jurisdiction: 'US-TX',
      source: 'column',
    });
  });

  it('falls back to the ZIP code, 5 digits or ZIP+4', () => {
    expect(resolve({ country: 'US', postalCode: '94105' })).toEqual({
      jurisdiction: 'US-CA',
      source: 'postalCode',
    });
    expect(resolve({ country: 'us', region: 'Nowhere', postalCode: '10001-1234' })).toEqual({
      jurisdiction: 'US-NY',
      source: 'postalCode',
    });
    expect(resolve({ country: 'US', postalCode: '00601' })).toEqual({
      jurisdiction: 'US-PR',
      source: 'postalCode',
    });
  });

  it('stays "US" when the state cannot be found', () => {
    expect(resolve({ country: 'US' })).toEqual({ jurisdiction: 'US', source: 'column' });
    expect(resolve({ country: 'US', postalCode: 'SW1A 1AA' })).toEqual({
      jurisdiction: 'US',
      source: 'column',
    });
    expect(resolve({ country: 'US', postalCode: '00000' })).toEqual({ jurisdiction: 'US', source: 'column' });
    // A military ZIP (AE) names no US-XX jurisdiction.
    expect(resolve({ country: 'US', postalCode: '09001' })).toEqual({ jurisdiction: 'US', source: 'column' });
    expect(resolve({ country: 'US', phoneCountry: 'US' })).toEqual({ jurisdiction: 'US', source: 'column' });
  });
});

describe('resolveResidency: without a usable country', () => {
  it('takes a region that can only be a US state', () => {
    expect(resolve({ region: 'California' })).toEqual({ jurisdiction: 'US-CA', source: 'column' });
    expect(resolve({ region: 'US-WA', phoneCountry: 'FR' })).toEqual({
      jurisdiction: 'US-WA',
      source: 'column',
    });
    expect(resolve({ country: 'Atlantis', region: 'Ohio' })).toEqual({
      jurisdiction: 'US-OH',
      source: 'column',
    });
  });

  it('does not take bare codes or names that are also countries', () => {
    expect(resolve({ region: 'CA' })).toEqual({ jurisdiction: 'unknown', source: 'unknown' });
    expect(resolve({ region: 'ON', phoneCountry: 'CA' })).toEqual({ jurisdiction: 'CA', source: 'phone' });
    expect(resolve({ region: 'Georgia' })).toEqual({ jurisdiction: 'unknown', source: 'unknown' });
  });

  it('reads a ZIP code when the phone is absent or American', () => {
    expect(resolve({ postalCode: '94105' })).toEqual({ jurisdiction: 'US-CA', source: 'postalCode' });
    expect(resolve({ postalCode: '02139-4307', phoneCountry: 'US' })).toEqual({
      jurisdiction: 'US-MA',
      source: 'postalCode',
    });
    expect(resolve({ country: 'Narnia', postalCode: '60601' })).toEqual({
      jurisdiction: 'US-IL',
      source: 'postalCode',
    });
  });

  it('does not read a 5-digit postcode as a ZIP when the phone is foreign', () => {
    expect(resolve({ postalCode: '75008', phoneCountry: 'FR' })).toEqual({
      jurisdiction: 'FR',
      source: 'phone',
    });
    expect(resolve({ postalCode: '10115', phoneCountry: 'DE' })).toEqual({
      jurisdiction: 'DE',
      source: 'phone',
    });
  });

  it('falls back to the phone country, never a state', () => {
    expect(resolve({ phoneCountry: 'FR' })).toEqual({ jurisdiction: 'FR', source: 'phone' });
    expect(resolve({ phoneCountry: 'US' })).toEqual({ jurisdiction: 'US', source: 'phone' });
    expect(resolve({ phoneCountry: 'US', postalCode: 'not a zip' })).toEqual({
      jurisdiction: 'US',
      source: 'phone',
    });
  });

  it('is unknown when nothing is usable', () => {
    const unknown = { jurisdiction: 'unknown', source: 'unknown' };
    expect(resolve({})).toEqual(unknown);
    expect(resolve({ country: '', region: '', postalCode: '', phoneCountry: null })).toEqual(unknown);
    expect(resolve({ country: 'Atlantis', region: 'Shire', postalCode: 'XYZ' })).toEqual(unknown);
    expect(resolve({ country: '123' })).toEqual(unknown);
    expect(resolve({ phoneCountry: 'XX' })).toEqual(unknown);
  });

  it('gives the same answer when the same spellings recur (memoised)', () => {
    for (let i = 0; i < 3; i++) {
      expect(resolve({ country: 'france' })).toEqual({ jurisdiction: 'FR', source: 'column' });
      expect(resolve({ country: 'Atlantis', phoneCountry: 'BE' })).toEqual({
        jurisdiction: 'BE',
        source: 'phone',
      });
      expect(resolve({ country: 'US', region: 'Georgia' }).jurisdiction).toBe('US-GA');
      expect(resolve({ region: 'Georgia' }).jurisdiction).toBe('unknown');
    }
  });
});

describe('resolveResidency: results', () => {
  it('only gives jurisdiction codes, "US" or "unknown"', () => {
    const inputs: Partial<ResidencyInput>[] = [
      { country: 'Japan' },
      { country: 'US', postalCode: '96799' },
      { country: 'US', postalCode: '96940' },
      { postalCode: '96960' },
      { postalCode: '09001' },
      { region: 'Guam' },
      { phoneCountry: 'GB' },
    ];
    for (const input of inputs) {
      const { jurisdiction } = resolve(input);
      expect(isJurisdictionCode(jurisdiction) || jurisdiction === 'US' || jurisdiction === 'unknown').toBe(
        true,
      );
    }
  });

  it('labels every source in plain English', () => {
    const labels = RESIDENCY_SOURCES.map((source) => RESIDENCY_SOURCE_LABELS[source]);
    for (const label of labels) expect(label).toMatch(/^[A-Z][A-Za-z ]+$/);
    expect(new Set(labels).size).toBe(RESIDENCY_SOURCES.length);
  });
});
