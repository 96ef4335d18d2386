import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../main/casefile/case-file';
import { pdfText } from '../../main/evidence/pdf-text';
import type { ServiceContext } from '../../main/services/context';
import { createRecord } from '../../main/services/collection-service';
import { updateFacts } from '../../main/services/facts-service';
import { dataElementSpec } from '../../main/services/record-specs';
import { answerSheet, fillForm, saveAnswerSheetPdf } from '../../main/services/forms/answer-sheet-service';
import { activeRulePack } from '../../main/services/obligations/active-pack';
import { setObligationStatus } from '../../main/services/obligations/obligations-service';
import { FORMS } from '../../shared/forms/forms';
import { makeCase, testContext } from '../helpers/cases';
import { csvOf, importRoster, rosterMapping, writeDataset } from '../helpers/roster';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const TODAY = '2026-03-10';
const CA_AG = 'us-ca-ag-sample-2026';

/** Californians in the roster: their names, e-mails and account ids must never reach a sheet. */
const PEOPLE = [
  ['ca1', 'ann.avery@example.com', 'Ann Avery', 'CA', 'hash1'],
  ['ca2', 'bob.baker@example.com', 'Bob Baker', 'CA', 'hash2'],
  ['ca3', 'cy.coleman@example.com', 'Cy Coleman', 'CA', 'hash3'],
];
const ROSTER_VALUES = PEOPLE.flatMap(([id, email, name]) => [id ?? '', email ?? '', name ?? '']);

const at = (utc: string) =>
  ({ utc, zone: 'America/Los_Angeles', precision: 'exact', approximate: false }) as const;

function blankCase(): { dir: string; file: CaseFile; ctx: ServiceContext } {
  const dir = tempDir();
  const ctx = testContext();
  return { dir, file: makeCase(dir, 'case.bdcase', ctx), ctx };
}

/** A case discovered on 2026-03-02 whose summary quotes a roster e-mail (as people sometimes write). */
async function caseWithRoster(): Promise<{ dir: string; file: CaseFile; ctx: ServiceContext }> {
  const { dir, file, ctx } = blankCase();
  updateFacts(
    file,
    {
      discoveredAt: at('2026-03-02T17:00:00.000Z'),
      awareAt: at('2026-03-02T17:00:00.000Z'),
      summary: 'Mailbox of ann.avery@example.com was used to read partner data.',
      cause: 'A phished password.',
      measures: 'Passwords reset.',
      organisation: {
        establishment: 'US',
        contactEmail: 'privacy@sonora.example',
        contactName: 'Privacy Office',
      },
    },
    ctx,
  );
  for (const term of ['email', 'name', 'password'] as const)
    createRecord(file, ctx, dataElementSpec, {
      term,
      customLabel: null,
      encrypted: false,
      keyCompromised: false,
      note: '',
    });
  const path = writeDataset(
    dir,
    'people.csv',
    csvOf(
      ['account_id', 'email', 'full_name', 'region', 'password', 'country'],
      PEOPLE.map((p) => [...p, 'US']),
    ),
  );
  await importRoster(
    file,
    ctx,
    path,
    rosterMapping(
      {
        account_id: 'accountId',
        email: 'email',
        full_name: 'fullName',
        region: 'region',
        country: 'country',
      },
      { exposes: ['email', 'name'], exposesByColumn: { password: 'password' } },
    ),
  );
  return { dir, file, ctx };
}

describe('answer sheets', () => {
  it('shows "missing" for every field a blank case has nothing for, and counts them', () => {
    const { file } = blankCase();
    const sheet = answerSheet(file, 'gdpr-art33-cnil-initial', null, TODAY);
    expect(sheet).toMatchObject({
      formId: 'cnil-violation',
      ruleId: 'gdpr-art33-cnil-initial',
      stageId: null,
    });
    const byId = new Map(sheet.fields.map((f) => [f.id, f]));
    expect(byId.get('circonstances')).toMatchObject({ value: '', missing: true, source: 'Facts › Summary' });
    expect(byId.get('organisme')).toMatchObject({ value: 'Sonora Streaming AB', missing: false });
    expect(byId.get('nombre-personnes')?.source).toMatch(/not owed on the facts recorded now/);
    expect(sheet.missingCount).toBe(sheet.fields.filter((f) => f.missing).length);
    expect(sheet.missingCount).toBe(sheet.fields.length - 1);
    file.close();
  });

  it('fills the California AG form from the facts, the count under the rule and the date residents were told', async () => {
    const { file, ctx } = await caseWithRoster();
    setObligationStatus(
      file,
      ctx,
      { ruleId: 'us-ca-individuals-2026', stageId: null },
      undefined,
      { status: 'sent', sentAt: '2026-03-20T16:00:00.000Z', channel: 'e-mail', note: '' },
      TODAY,
    );
    const sheet = answerSheet(file, CA_AG, null, TODAY);
    const value = (id: string) => sheet.fields.find((f) => f.id === id);
    expect(value('discovery-dates')).toMatchObject({ value: '2026-03-02', source: 'Facts › Discovered' });
    expect(value('notice-dates')).toMatchObject({ value: '2026-03-20', missing: false });
    expect(value('information')?.value).toContain('E-mail address');
    expect(value('sample')).toMatchObject({ missing: true });
    file.close();
  });

  it('never carries a roster value: a field quoting one is withheld, on every form', async () => {
    const { file } = await caseWithRoster();
    const rule = activeRulePack().rules.find((r) => r.id === CA_AG);
    if (rule === undefined) throw new Error('CA AG rule missing');
    for (const form of Object.values(FORMS)) {
      const sheet = fillForm(file, form, rule, -1, TODAY);
      const text = JSON.stringify(sheet).toLowerCase();
      for (const value of ROSTER_VALUES)
        expect(text, `${form.id} holds ${value}`).not.toContain(value.toLowerCase());
      for (const field of form.fields.filter((f) => f.source === 'facts.summary')) {
        const answered = sheet.fields.find((f) => f.id === field.id);
        expect(answered).toMatchObject({ value: '', missing: true });
        expect(answered?.help).toMatch(
          /^Withheld: it holds personal data of people in the roster \(an e-mail address/,
        );
      }
    }
    file.close();
  });

  it('writes the sheet as a PDF an independent reader reads back, and refuses one whose heading holds a roster name', async () => {
    const { dir, file, ctx } = await caseWithRoster();
    const path = join(dir, 'ca-ag.pdf');
    const written = await saveAnswerSheetPdf(file, CA_AG, null, TODAY, {
      path,
      overwrite: false,
      now: ctx.now(),
    });
    // Missing: the dates of the breach (no exposure window), of the notice to residents, the sample.
    expect(written).toEqual({ path, missingCount: 3 });
    const text = (await pdfText(readFileSync(path))).replace(/\s+/g, ' ');
    expect(text).toContain('California Attorney General: submit a data security breach notification sample');
    expect(text).toContain('Date(s) of discovery 2026-03-02 From: Facts › Discovered');
    expect(text).toContain('missing');
    for (const value of ROSTER_VALUES) expect(text).not.toContain(value);

    // The letterhead prints the address, which this form does not ask for: the final check catches it.
    updateFacts(file, { organisation: { address: 'c/o Bob Baker, 1 Main St' } }, ctx);
    await expect(
      saveAnswerSheetPdf(file, CA_AG, null, TODAY, {
        path: join(dir, 'refused.pdf'),
        overwrite: false,
        now: ctx.now(),
      }),
    ).rejects.toThrow(/The answer sheet holds personal data of people in the roster/);
    file.close();
  });

  it('fills each NIS2 report from its stage: its title, the decision and when the report before it was sent', () => {
    const { file, ctx } = blankCase();
    const berlin = {
      utc: '2026-03-04T08:00:00.000Z',
      zone: 'Europe/Berlin',
      precision: 'exact',
      approximate: false,
    } as const;
    updateFacts(
      file,
      {
        discoveredAt: berlin,
        awareAt: berlin,
        summary: 'Ransomware encrypted the booking servers.',
        organisation: {
          regulatedRoles: ['nis2_important'],
          establishment: 'DE',
          establishedIn: ['DE', 'AT'],
        },
        decisions: {
          nis2_significant: {
            answer: 'yes',
            at: { ...berlin, utc: '2026-03-04T10:00:00.000Z' },
            basis: 'Bookings down for 9 hours.',
          },
        },
      },
      ctx,
    );
    const target = { ruleId: 'nis2-art23-csirt', stageId: 'incident-notification' };
    const before = answerSheet(file, target.ruleId, target.stageId, TODAY);
    const field = (sheet: typeof before, id: string) => sheet.fields.find((f) => f.id === id);
    expect(before.formId).toBe('nis2-incident-notification');
    expect(field(before, 'report-type')?.value).toBe(before.stageTitle);
    expect(field(before, 'assessment')?.value).toBe('Bookings down for 9 hours.');
    expect(field(before, 'member-states')?.value).toBe('Germany (DE); Austria (AT)');
    expect(field(before, 'awareness')?.value).toBe('2026-03-04T08:00:00Z');
    expect(field(before, 'early-warning-sent')).toMatchObject({ missing: true });
    expect(field(before, 'early-warning-sent')?.source).toMatch(/not recorded as sent yet/);

    setObligationStatus(
      file,
      ctx,
      { ruleId: target.ruleId, stageId: 'early-warning' },
      undefined,
      { status: 'sent', sentAt: '2026-03-04T20:00:00.000Z', channel: 'BSI portal', note: '' },
      TODAY,
    );
    const after = answerSheet(file, target.ruleId, target.stageId, TODAY);
    expect(field(after, 'early-warning-sent')).toMatchObject({
      value: '2026-03-04T20:00:00Z',
      missing: false,
    });
    // The notice itself is made on its first stage's form.
    expect(answerSheet(file, target.ruleId, null, TODAY).formId).toBe('nis2-early-warning');
    file.close();
  });

  it('gives a sheet for every notice and stage of the rule pack that names a form', () => {
    const { file } = blankCase();
    const targets = activeRulePack().rules.flatMap((rule) => [
      ...(rule.form === null ? [] : [[rule.id, null] as const]),
      ...rule.stages.filter((stage) => stage.form !== null).map((stage) => [rule.id, stage.id] as const),
    ]);
    expect(targets.length).toBeGreaterThanOrEqual(20);
    for (const [ruleId, stageId] of targets) {
      const sheet = answerSheet(file, ruleId, stageId, TODAY);
      expect(sheet.fields.length, `${ruleId} ${stageId ?? ''}`).toBeGreaterThan(0);
      expect(sheet.missingCount).toBe(sheet.fields.filter((f) => f.missing).length);
    }
    file.close();
  });

  it('refuses an unknown rule, a rule without a form and an unknown stage, in one sentence', () => {
    const { file } = blankCase();
    expect(() => answerSheet(file, 'no-such-rule', null, TODAY)).toThrow(
      'There is no rule called "no-such-rule".',
    );
    expect(() => answerSheet(file, 'us-ca-individuals-2026', null, TODAY)).toThrow(
      /is not made on a regulator form/,
    );
    expect(() => answerSheet(file, CA_AG, 'early-warning', TODAY)).toThrow(
      /has no stage called "early-warning"/,
    );
    file.close();
  });
});
