import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

describe('breachdesk letter', () => {
  it('lists templates, drafts a letter with its checks, and renders it as PDF, DOCX and HTML', () => {
    const dir = tempDir();
    const path = join(dir, 'demo.bdcase');
    expect(runCli(['demo', path]).status).toBe(0);

    const templates = runCli(['letter', 'templates']);
    expect(templates.status).toBe(0);
    expect(templates.stdout).toMatch(/^ca-individual-notice\s+en\s+US-CA/m);
    expect(templates.stdout).toMatch(/^gdpr-art33-authority-fr\s+fr\s+FR/m);

    const draft = runCli([
      'letter',
      'draft',
      path,
      '--template',
      'partner-deletion-request',
      '--recipient',
      'Beatline Devices Ltd',
      '--json',
    ]);
    expect(draft.status).toBe(0);
    const view = JSON.parse(draft.stdout) as {
      letter: { id: string; title: string };
      checks: { status: string }[];
    };
    expect(view.letter.title).toContain('Beatline Devices Ltd');
    expect(view.checks.length).toBeGreaterThan(0);

    const pdf = join(dir, 'letter.pdf');
    const rendered = runCli(['letter', 'render', path, view.letter.id, '--format', 'pdf', '-o', pdf]);
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const docx = join(dir, 'letter.docx');
    expect(runCli(['letter', 'render', path, view.letter.id, '--format', 'docx', '-o', docx]).status).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const html = join(dir, 'letter.html');
    expect(runCli(['letter', 'render', path, view.letter.id, '--format', 'html', '-o', html]).status).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('Beatline Devices Ltd');
    expect(runCli(['letter', 'render', path, view.letter.id, '--format', 'html', '-o', html]).status).toBe(2);

    expect(runCli(['letter', 'draft', path]).status).toBe(1);
    expect(runCli(['letter', 'render', path, view.letter.id, '--format', 'odt', '-o', html]).status).toBe(1);
    expect(runCli(['letter', 'draft', path, '--template', 'no-such-template']).status).toBe(2);
  });
});
