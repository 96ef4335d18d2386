import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../main/evidence/pdf-text';
import { personalDataFindings } from '../../shared/letters/checks';
import type { MergeFieldId } from '../../shared/letters/merge-fields';
import { runCli } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

const HEADINGS = ['What happened', 'Who and how many', 'What is owed, by when', 'What has been sent'];
const ORGANISATION_CONTACT = {
  'organisation.contactEmail': 'privacy@sonora.example',
  'organisation.contactPhone': '+46 8 000 00 00',
} as Record<MergeFieldId, string | null>;

describe('breachdesk report', () => {
  it('writes the status report as PDF and as HTML, with no personal data', async () => {
    const dir = tempDir();
    const path = join(dir, 'demo.bdcase');
    expect(runCli(['demo', path]).status).toBe(0);

    const pdf = join(dir, 'where-we-stand.pdf');
    const written = runCli(['report', path, '-o', pdf]);
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    expect(written.stdout).toBe(`Wrote the status report (PDF) to ${pdf}.\n`);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // pdf.js, the PDF reader the app itself uses, as the oracle.
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Where we stand: Partner API exposure');
    for (const heading of HEADINGS) expect(text).toContain(heading);
    expect(text).toContain('Art. 33');
    expect(text).toContain('350,000 people');
    expect(personalDataFindings(text, ORGANISATION_CONTACT)).toEqual([]);

    const html = join(dir, 'where-we-stand.html');
    const json = runCli(['report', path, '-o', html, '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ path: html, format: 'html', withheld: 0 });
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy"/);
    const headings = [...page.matchAll(/<h([12])>([^<]*)<\/h\1>/g)].map((m) => m[2]);
    expect(headings).toEqual(expect.arrayContaining(HEADINGS));
    const words = page
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&');
    expect(personalDataFindings(words, ORGANISATION_CONTACT)).toEqual([]);

    // An explicit format wins over the name; an existing file is replaced only with --force.
    const named = join(dir, 'report.out');
    expect(runCli(['report', path, '-o', named, '--format', 'html']).status).toBe(0);
    expect(readFileSync(named, 'utf8')).toContain('<!DOCTYPE html>');
    expect(runCli(['report', path, '-o', pdf]).status).toBe(2);
    expect(runCli(['report', path, '-o', pdf, '--force']).status).toBe(0);
  });

  it('refuses a report it cannot name or a case it cannot open', () => {
    const dir = tempDir();
    const path = join(dir, 'demo.bdcase');
    expect(runCli(['demo', path]).status).toBe(0);
    expect(runCli(['report', path]).status).toBe(1);
    expect(runCli(['report', path, '-o', join(dir, 'report.txt')]).status).toBe(1);
    expect(runCli(['report', path, '-o', join(dir, 'r.pdf'), '--format', 'docx']).status).toBe(1);
    const junk = join(dir, 'junk.bdcase');
    writeFileSync(junk, 'not a case');
    expect(runCli(['report', junk, '-o', join(dir, 'r.pdf')]).status).toBe(3);
    expect(runCli(['report', '--help']).stdout).toContain('breachdesk report FILE -o');
  });
});
