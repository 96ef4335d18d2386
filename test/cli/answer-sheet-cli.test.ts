import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../main/evidence/pdf-text';
import { answerSheetSchema } from '../../shared/forms/answer-sheet';
import { personalDataFindings } from '../../shared/letters/checks';
import type { MergeFieldId } from '../../shared/letters/merge-fields';
import { runCli } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const CA_AG = 'us-ca-ag-sample-until-2025';
const TX_AG = 'us-tx-ag-until-2023';
/** The demo organisation's own contact: the only e-mail and phone a sheet may hold. */
const ORGANISATION_CONTACT = {
  'organisation.contactEmail': 'privacy@sonora.example',
  'organisation.contactPhone': '+46 8 000 00 00',
} as Record<MergeFieldId, string | null>;

function demo(): { dir: string; path: string } {
  const dir = tempDir();
  const path = join(dir, 'demo.bdcase');
  expect(runCli(['demo', path]).status).toBe(0);
  return { dir, path };
}

describe('breachdesk obligations answer-sheet', () => {
  it('prints the California AG form filled from the demo case, as JSON and as text', () => {
    const { path } = demo();
    const json = runCli(['obligations', 'answer-sheet', path, CA_AG, '--json']);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(0);
    const sheet = answerSheetSchema.parse(JSON.parse(json.stdout));
    expect(sheet).toMatchObject({ formId: 'us-ca-ag-form', ruleId: CA_AG, stageId: null, missingCount: 2 });
    const field = (id: string) => sheet.fields.find((f) => f.id === id);
    expect(field('organisation')).toMatchObject({
      value: 'Sonora Streaming AB',
      source: 'Case › Organisation',
    });
    expect(field('breach-dates')).toMatchObject({ value: '2020-04-09 to 2020-11-12', missing: false });
    expect(field('discovery-dates')?.value).toBe('2020-11-12');
    // Nothing has been sent to the Californians in the demo yet.
    expect(field('notice-dates')).toMatchObject({ value: '', missing: true });
    expect(field('information')?.value).toBe(
      'Name; E-mail address; Password / credentials; Gender; Date of birth',
    );

    const text = runCli(['obligations', 'answer-sheet', path, CA_AG]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('4 of 6 fields answered, 2 missing');
    expect(text.stdout).toContain(
      'Date(s) consumer notification was sent\n  missing · Obligations › Notice to individuals sent',
    );
    expect(text.stdout).toContain('Date(s) of discovery\n  2020-11-12\n  (Facts › Discovered)');
  });

  it('writes the sheet as a PDF that pdf.js reads back, with no personal data, replacing a file only with --force', async () => {
    const { dir, path } = demo();
    const pdf = join(dir, 'texas-ag.pdf');
    const written = runCli(['obligations', 'answer-sheet', path, TX_AG, '--pdf', pdf]);
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    expect(written.stdout).toBe(`Wrote the answer sheet (PDF) to ${pdf}: 2 field(s) missing.\n`);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // pdf.js, the reader the app itself uses for evidence, as the oracle.
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Texas Attorney General: data security breach report (online form)');
    expect(text).toContain(
      'The number of Texas residents affected by the breach 300 From: People & data: 300 people counted under this rule',
    );
    expect(text).toContain('The number of affected Texas residents notified by mail missing');
    expect(text).toContain('Sonora Streaming AB');
    expect(personalDataFindings(text, ORGANISATION_CONTACT)).toEqual([]);

    expect(runCli(['obligations', 'answer-sheet', path, TX_AG, '--pdf', pdf]).status).toBe(2);
    const forced = runCli(['obligations', 'answer-sheet', path, TX_AG, '--pdf', pdf, '--force', '--json']);
    expect(forced.status).toBe(0);
    expect(JSON.parse(forced.stdout)).toEqual({ path: pdf, missingCount: 2 });
  });

  it('refuses what it cannot answer in one line: an unknown rule, a notice without a form, a bad --pdf', () => {
    const { dir, path } = demo();
    const unknown = runCli(['obligations', 'answer-sheet', path, 'no-such-rule']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('breachdesk: There is no rule called "no-such-rule".\n');
    const noForm = runCli(['obligations', 'answer-sheet', path, 'us-ca-individuals-until-2025']);
    expect(noForm.status).toBe(2);
    expect(noForm.stderr).toMatch(/is not made on a regulator form Breachdesk knows\.\n$/);
    expect(runCli(['obligations', 'answer-sheet', path, CA_AG, '--stage', 'final-report']).status).toBe(2);
    expect(runCli(['obligations', 'answer-sheet', path, CA_AG, '--pdf', join(dir, 'sheet.txt')]).status).toBe(
      1,
    );
    expect(runCli(['obligations', 'answer-sheet', path, CA_AG, '--force']).status).toBe(1);
    expect(runCli(['obligations', 'answer-sheet', path]).status).toBe(1);
    expect(runCli(['obligations', 'answer-sheet', '--help']).stdout).toContain(
      'breachdesk obligations answer-sheet FILE RULE_ID [--stage STAGE_ID]',
    );
  });
});
