import { describe, expect, it } from 'vitest';
import { FORM_IDS, FORMS, formById, parseFormDefinition } from '../../shared/forms/forms';
import { FORM_SOURCES, PERSONAL_SOURCES, placeOfSource } from '../../shared/forms/sources';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import icoForm from '../../shared/forms/ico-personal-data-breach.json' with { type: 'json' };

/** The ids rules reference (issue 21): fixed, so every one must be registered. */
const FIXED_IDS = [
  'ico-personal-data-breach',
  'cnil-violation',
  'hhs-ocr-breach',
  'sec-8k-item-105',
  'nis2-early-warning',
  'nis2-incident-notification',
  'nis2-final-report',
  'dora-initial-notification',
  'dora-intermediate-report',
  'dora-final-report',
  'us-ag-web-form',
];

const icoWith = (field: Record<string, unknown>) => ({ ...icoForm, fields: [...icoForm.fields, field] });

describe('regulator forms (shared/forms)', () => {
  it('registers every fixed form id, each parsed, under its own id', () => {
    expect(FORM_IDS).toEqual(expect.arrayContaining(FIXED_IDS));
    for (const id of FORM_IDS) {
      const form = formById(id);
      expect(form?.id).toBe(id);
      expect(form?.fields.length).toBeGreaterThan(0);
      expect(form?.source.references.length).toBeGreaterThan(0);
    }
    expect(formById('no-such-form')).toBeNull();
    expect(formById('toString')).toBeNull();
  });

  it('every form field names a source of the catalogue, and only fields asking for a person take one', () => {
    const catalogue = new Set<string>(FORM_SOURCES);
    for (const form of Object.values(FORMS)) {
      for (const field of form.fields) {
        expect(catalogue.has(field.source), `${form.id} ${field.id}`).toBe(true);
        if (PERSONAL_SOURCES.has(field.source))
          expect(field.asksPersonalData, `${form.id} ${field.id}`).toBe(true);
      }
    }
    // Every source has a place in the app people can find.
    for (const source of FORM_SOURCES) expect(placeOfSource(source)).toMatch(/\S/);
  });

  it('refuses a form naming an unknown source, at load, naming the form and the field', () => {
    expect(() =>
      parseFormDefinition(
        'ico-personal-data-breach',
        icoWith({ id: 'x', label: 'X', source: 'roster.names' }),
      ),
    ).toThrow(/Form ico-personal-data-breach does not match the form schema at fields\.\d+\.source/);
  });

  it('refuses a field filled with the contact person unless the form asks for personal data', () => {
    expect(() =>
      parseFormDefinition(
        'ico-personal-data-breach',
        icoWith({ id: 'x', label: 'X', source: 'organisation.contactEmail' }),
      ),
    ).toThrow(/asksPersonalData/);
    expect(() =>
      parseFormDefinition(
        'ico-personal-data-breach',
        icoWith({ id: 'x', label: 'X', source: 'organisation.contactEmail', asksPersonalData: true }),
      ),
    ).not.toThrow();
  });

  it('refuses a duplicate field, a time format on a value that is no moment, and a form under another id', () => {
    expect(() =>
      parseFormDefinition(
        'ico-personal-data-breach',
        icoWith({ id: 'report-type', label: 'X', source: 'manual' }),
      ),
    ).toThrow(/Duplicate field report-type/);
    expect(() =>
      parseFormDefinition(
        'ico-personal-data-breach',
        icoWith({ id: 'x', label: 'X', source: 'facts.summary', format: 'utc' }),
      ),
    ).toThrow(/format/);
    expect(() => parseFormDefinition('cnil-violation', icoForm)).toThrow(
      /holds the form ico-personal-data-breach/,
    );
  });

  it('every form a rule (or a stage) of the shipped pack names is registered', () => {
    const named = DEFAULT_RULE_PACK.rules.flatMap((rule) => [
      ...(rule.form === null ? [] : [[rule.id, rule.form]]),
      ...rule.stages.flatMap((stage) =>
        stage.form === null ? [] : [[`${rule.id}/${stage.id}`, stage.form]],
      ),
    ]);
    for (const [where, form] of named) expect(formById(form ?? ''), `${where} → ${form}`).not.toBeNull();
    // The CNIL's initial notification and the state regulator notices of DOMAIN.md §1.5.
    const formOf = (id: string) => DEFAULT_RULE_PACK.rules.find((r) => r.id === id)?.form;
    expect(formOf('gdpr-art33-cnil-initial')).toBe('cnil-violation');
    expect(formOf('us-ca-ag-sample-2026')).toBe('us-ca-ag-form');
    expect(formOf('us-tx-ag-2023')).toBe('us-tx-ag-form');
    expect(formOf('us-fl-ag')).toBe('us-fl-ag-form');
    expect(formOf('us-ma-ag-ocabr')).toBe('us-ma-ag-form');
    for (const id of ['us-ny-ag', 'us-wa-ag', 'us-co-ag', 'us-nj-state-police', 'us-il-ag'])
      expect(formOf(id)).toBe('us-ag-web-form');
  });
});
