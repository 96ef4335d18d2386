import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLetterDocx } from '../../main/letters/render/render-docx';
import { documentFromTemplate } from '../../shared/letters/from-markdown';
import { templateById } from '../../shared/letters/templates';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice)
  console.log('LibreOffice check skipped: soffice is not installed (Debian: libreoffice-writer-nogui).');

describe('DOCX in LibreOffice', () => {
  it.skipIf(!soffice)(
    'opens the California notice cleanly and reads its headings in order',
    async () => {
      const template = templateById('ca-individual-notice');
      if (template === null) throw new Error('no California template');
      const bytes = await renderLetterDocx({
        title: template.title,
        jurisdiction: 'US-CA',
        language: 'en',
        letterhead: {
          organisation: 'Sonora Streaming AB',
          address: 'Stockholm, Sweden',
          contact: 'privacy@sonora.example',
        },
        doc: documentFromTemplate(template.body),
        values: {},
      });
      const dir = mkdtempSync(join(tmpdir(), 'breachdesk-lo-'));
      try {
        const docx = join(dir, 'notice.docx');
        writeFileSync(docx, bytes);
        execFileSync(
          'soffice',
          [
            '--headless',
            `-env:UserInstallation=file://${dir}/profile`,
            '--convert-to',
            'txt:Text',
            '--outdir',
            dir,
            docx,
          ],
          {
            stdio: 'ignore',
            timeout: 120_000,
          },
        );
        const text = readFileSync(join(dir, 'notice.txt'), 'utf8');
        let at = -1;
        for (const heading of template.requiredHeadings) {
          const next = text.indexOf(heading, at + 1);
          expect(next, heading).toBeGreaterThan(at);
          at = next;
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );
});
