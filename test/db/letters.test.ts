import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxText } from '../../main/evidence/docx-text';
import { pdfText } from '../../main/evidence/pdf-text';
import { listLetters } from '../../main/casefile/repos/letters-repo';
import { createDemoCase } from '../../main/services/demo-service';
import { updateFacts } from '../../main/services/facts-service';
import {
  createLetter,
  diffVersions,
  freezeLetter,
  letterView,
  saveLetter,
  setLetterStatus,
  versionsOf,
} from '../../main/services/letters/letters-service';
import { renderInput, renderLetterToFile } from '../../main/services/letters/render-service';
import { obligationsBoard } from '../../main/services/obligations/obligations-service';
import { LETTER_TEMPLATES } from '../../shared/letters/templates';
import { testContext } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const TODAY = '2026-11-28';
const CA_HEADINGS = [
  'What Happened',
  'What Information Was Involved',
  'What We Are Doing',
  'What You Can Do',
  'For More Information',
];

function inOrder(text: string, parts: string[]): boolean {
  let at = -1;
  for (const part of parts) {
    const next = text.indexOf(part, at + 1);
    if (next <= at) return false;
    at = next;
  }
  return true;
}

describe('letters', () => {
  it('the demo case holds its drafted letters, with live merge values', async () => {
    const ctx = testContext();
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, ctx);
    const letters = listLetters(file.db);
    expect(letters.map((l) => l.templateId)).toEqual(
      expect.arrayContaining([
        'ca-individual-notice',
        'ca-ag-sample',
        'gdpr-art33-authority-en',
        'partner-deletion-request',
      ]),
    );
    expect(letters.filter((l) => l.templateId === 'partner-deletion-request')).toHaveLength(3);
    const notice = letters.find((l) => l.templateId === 'ca-individual-notice')!;
    const before = letterView(file, notice.id, TODAY);
    expect(before.values['organisation.contactEmail']).toBe('privacy@sonora.example');
    updateFacts(file, { organisation: { contactEmail: 'dpo@sonora.example' } }, ctx);
    expect(letterView(file, notice.id, TODAY).values['organisation.contactEmail']).toBe('dpo@sonora.example');
    file.close();
  });

  it('every template drafts and renders with the demo case in PDF, DOCX and HTML, headings in order', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = await createDemoCase(join(dir, 'demo.bdcase'), false, ctx);
    for (const template of LETTER_TEMPLATES) {
      const view = createLetter(
        file,
        ctx,
        { templateId: template.id, recipient: { name: 'Recipient', address: '' }, obligationRuleId: null },
        TODAY,
      );
      for (const format of ['pdf', 'docx', 'html'] as const) {
        const target = join(dir, `${template.id}.${format}`);
        const written = await renderLetterToFile(
          file,
          ctx,
          { id: view.letter.id, format, path: target, overwrite: false },
          TODAY,
        );
        expect(written.bytes).toBeGreaterThan(500);
        const bytes = readFileSync(target);
        const text =
          format === 'pdf'
            ? await pdfText(new Uint8Array(bytes))
            : format === 'docx'
              ? await docxText(bytes)
              : bytes.toString('utf8');
        expect(inOrder(text, template.requiredHeadings), `${template.id} ${format}`).toBe(true);
        if (template.id === 'ca-individual-notice')
          expect(inOrder(text, ['Notice of Data Breach', ...CA_HEADINGS])).toBe(true);
      }
    }
    file.close();
    // Eleven templates rendered three ways each: more than the default 5 s on a loaded machine.
  }, 60_000);

  it('keeps every save as a version, guards against lost edits, freezes, approves with an override, and sends', async () => {
    const ctx = testContext();
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, ctx);
    const letter = listLetters(file.db).find((l) => l.templateId === 'gdpr-art33-authority-en')!;
    const v1 = letterView(file, letter.id, TODAY);
    const edited = {
      ...v1.version.doc,
      content: [
        ...v1.version.doc.content,
        { type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Added by counsel.' }] },
      ],
    };
    const v2 = saveLetter(file, ctx, letter.id, 1, edited, TODAY);
    expect(v2.version).toMatchObject({ version: 2, kind: 'edited' });
    expect(() => saveLetter(file, ctx, letter.id, 1, edited, TODAY)).toThrow(/saved elsewhere/);
    expect(
      diffVersions(file, letter.id, 1, 2)
        .filter((p) => p.added)
        .map((p) => p.value)
        .join(''),
    ).toContain('Added by counsel.');

    const frozen = freezeLetter(file, ctx, letter.id, TODAY);
    expect(frozen.version.kind).toBe('frozen');
    expect(JSON.stringify(frozen.version.doc)).not.toContain('"organisation.contactEmail"');

    const failing = frozen.checks.filter((c) => c.status === 'fail');
    if (failing.length > 0) {
      expect(() => setLetterStatus(file, ctx, { id: letter.id, status: 'approved' }, TODAY)).toThrow(
        /record why/,
      );
    }
    const approved = setLetterStatus(
      file,
      ctx,
      { id: letter.id, status: 'approved', override: 'Counsel accepts the open items' },
      TODAY,
    );
    expect(approved.letter).toMatchObject({ status: 'approved', approvedVersion: 3 });
    expect(() => file.db.prepare("UPDATE letter_versions SET data = '{}'").run()).toThrow(
      /cannot be changed/,
    );

    const sent = setLetterStatus(
      file,
      ctx,
      { id: letter.id, status: 'sent', sentAt: '2020-11-18T10:00:00.000Z', channel: 'IMY e-service' },
      TODAY,
    );
    expect(sent.letter).toMatchObject({ status: 'sent', channel: 'IMY e-service' });
    expect(() => saveLetter(file, ctx, letter.id, 3, edited, TODAY)).toThrow(/sent letter/);
    const art33 = obligationsBoard(file, undefined, TODAY).rows.find(
      (r) => r.ruleId === 'gdpr-art33-lead-authority',
    );
    expect(art33?.status).toMatchObject({ status: 'sent', channel: 'IMY e-service' });
    expect(versionsOf(file, letter.id).map((v) => v.kind)).toEqual(['drafted', 'edited', 'frozen']);
    file.close();
  });

  it('an edit after approval goes back to draft, the approved version kept as it was', async () => {
    const ctx = testContext();
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, ctx);
    const letter = listLetters(file.db).find((l) => l.templateId === 'partner-deletion-request')!;
    const view = letterView(file, letter.id, TODAY);
    setLetterStatus(file, ctx, { id: letter.id, status: 'approved', override: 'Reviewed' }, TODAY);
    expect(renderInput(file, letter.id, undefined, TODAY).doc).toEqual(view.version.doc);
    const edited = {
      ...view.version.doc,
      content: [
        ...view.version.doc.content,
        { type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'PS' }] },
      ],
    };
    const reopened = saveLetter(file, ctx, letter.id, 1, edited, TODAY);
    expect(reopened.letter).toMatchObject({ status: 'draft', latestVersion: 2, approvedVersion: 1 });
    // Back in draft, the edited text is what renders; the approved version stays as it was.
    expect(renderInput(file, letter.id, undefined, TODAY).doc).toEqual(edited);
    expect(renderInput(file, letter.id, 1, TODAY).doc).toEqual(view.version.doc);
    file.close();
  });
});
