import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../main/evidence/pdf-text';
import { openCase } from '../../main/services/case-service';
import { importCaseDocument } from '../../main/services/case-document-service';
import { createDemoCase } from '../../main/services/demo-service';
import { RecentCases } from '../../main/services/recent-cases';
import { RememberedPassphrases } from '../../main/services/remembered-passphrases';
import { glanceAtCaseFile } from '../../main/services/report/case-glance';
import {
  buildStatusReport,
  exportStatusReport,
  renderStatusReport,
} from '../../main/services/report/status-report';
import { personalDataFindings } from '../../shared/letters/checks';
import type { MergeFieldId } from '../../shared/letters/merge-fields';
import { makeCase, makeEncryptedCase, TEST_PASSPHRASE, testContext } from '../helpers/cases';
import { useSharedTempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';

const tempDir = useSharedTempDir();

/** The demo's day 2 afternoon: Art. 33 (due 2020-11-19 08:30 UTC) is due in 41 h. */
const DAY_TWO = new Date('2020-11-17T15:30:00.000Z');

/** Personal data of affected people, as a roster pasted into a case would hold it. */
const ROSTER = {
  names: ['Astrid Lindqvist', 'Jonas Berglund'],
  emails: ['astrid.lindqvist@mail.example', 'jonas.b@mail.example'],
  phones: ['+46 70 555 12 34', '+46 73 555 98 76'],
};

function fingerprint(path: string): { sha256: string; mtimeMs: number; size: number; siblings: string[] } {
  const stat = statSync(path);
  return {
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    siblings: readdirSync(dirname(path)).sort(),
  };
}

let demoPath = '';

beforeAll(async () => {
  const ctx = testContext();
  demoPath = join(tempDir(), 'demo.bdcase');
  const demo = await createDemoCase(demoPath, false, ctx);
  // A roster-like detail: people affected by name, e-mail and phone, in a note, a party's
  // contact, a timeline event and the data elements' note. None of it belongs in the report.
  importCaseDocument(
    demo,
    {
      format: 'breachdesk.case-document/1',
      notes: [
        {
          title: 'Complaints received',
          body: ROSTER.names.map((n, i) => `${n}, ${ROSTER.emails[i]}, ${ROSTER.phones[i]}`).join('\n'),
        },
      ],
      parties: [
        {
          name: ROSTER.names[0],
          kind: 'other',
          contactName: ROSTER.names[0],
          email: ROSTER.emails[0],
          phone: ROSTER.phones[0],
        },
      ],
      dataElements: [{ term: 'phone', note: `Seen in the logs: ${ROSTER.phones[1]} (${ROSTER.names[1]})` }],
    },
    ctx,
  );
  demo.close();
}, 60_000);

describe('the recent list reads each case without opening it for writing', () => {
  it('gives the demo its nearest deadline and leaves the file exactly as it was', () => {
    const before = fingerprint(demoPath);
    const glance = glanceAtCaseFile(demoPath, null, DAY_TWO);
    expect(glance.kind).toBe('figures');
    if (glance.kind !== 'figures') return;
    expect(glance.nearest?.name).toBe('Art. 33');
    expect(Date.parse(glance.nearest?.due ?? '') - DAY_TWO.getTime()).toBe(41 * 3_600_000);
    expect(glance.overdue).toBe(0);
    expect(glance.owed).toBeGreaterThan(0);
    // Years later the demo still reads as of its own day 2, and says so (the list counts down
    // from that moment, as the opened demo does).
    const late = glanceAtCaseFile(demoPath, null, new Date('2026-12-07T12:00:00.000Z'));
    expect(late).toMatchObject({ kind: 'figures', overdue: 0, viewAsOf: '2020-11-17T15:00:00.000Z' });
    expect(fingerprint(demoPath)).toEqual(before);
    expect(existsSync(`${demoPath}-journal`)).toBe(false);
  });

  it('lists recent cases with figures, "locked" for an encrypted case it has no passphrase for', () => {
    const dir = tempDir();
    const encrypted = makeEncryptedCase(dir, 'sealed.bdcase');
    const encryptedPath = encrypted.path;
    encrypted.close();
    const recent = new RecentCases(join(dir, 'recent.json'));
    recent.remember(demoPath, 'Demo', DAY_TWO);
    recent.remember(encryptedPath, 'Sealed', DAY_TWO);
    const remembered = new RememberedPassphrases(join(dir, 'keys'), testKeychain());
    remembered.remember(encryptedPath, Buffer.from(TEST_PASSPHRASE, 'utf8'));
    const before = [fingerprint(demoPath), fingerprint(encryptedPath)];

    const forgotten = recent.listWithGlance(DAY_TWO, () => null);
    expect(forgotten.find((r) => r.path === encryptedPath)?.glance).toEqual({ kind: 'locked' });
    expect(forgotten.find((r) => r.path === demoPath)?.glance?.kind).toBe('figures');

    const known = recent.listWithGlance(DAY_TWO, (path) => remembered.recall(path));
    expect(known.find((r) => r.path === encryptedPath)?.glance).toMatchObject({ kind: 'figures', owed: 0 });
    // A wrong remembered passphrase is "locked" too, never an error.
    const wrong = recent.listWithGlance(DAY_TWO, () => Buffer.from('not it', 'utf8'));
    expect(wrong.find((r) => r.path === encryptedPath)?.glance).toEqual({ kind: 'locked' });

    expect([fingerprint(demoPath), fingerprint(encryptedPath)]).toEqual(before);
  });

  it('says "open elsewhere" without figures while another connection holds the case', () => {
    const dir = tempDir();
    const held = makeCase(dir, 'held.bdcase');
    try {
      const recent = new RecentCases(join(dir, 'recent.json'));
      recent.remember(held.path, 'Held', DAY_TWO);
      const [entry] = recent.listWithGlance(DAY_TWO, () => null);
      expect(entry?.state).toBe('locked');
      expect(entry?.glance).toBeNull();
    } finally {
      held.close();
    }
  });
});

describe('the status report', () => {
  it('says what happened, who and how many, what is owed by when and what is sent, with no personal data', async () => {
    const file = openCase(demoPath, testContext());
    try {
      const report = buildStatusReport(file, DAY_TWO);
      const html = (await renderStatusReport(report, 'html')) as string;
      const pdf = Buffer.from(await renderStatusReport(report, 'pdf', DAY_TWO));
      const pdfWords = await pdfText(pdf);
      const htmlWords = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
      for (const words of [htmlWords, pdfWords.replace(/\s+/g, ' ')]) {
        for (const heading of [
          'What happened',
          'Who and how many',
          'What is owed, by when',
          'What has been sent',
        ]) {
          expect(words).toContain(heading);
        }
        expect(words).toContain('Art. 33');
        expect(words).toContain('2020-11-19, 09:30');
        expect(words).toContain('all times Europe/Stockholm time');
        expect(words).toContain('California');
        expect(words).toContain('E-mail address');
        for (const value of [...ROSTER.names, ...ROSTER.emails, ...ROSTER.phones])
          expect(words).not.toContain(value);
        const values = report.values as Record<MergeFieldId, string | null>;
        expect(personalDataFindings(words, values)).toEqual([]);
      }
      // The organisation's own contact is the one address it holds.
      expect(htmlWords).toContain('privacy@sonora.example');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // One page: the demo's ten notices, decisions and summary fit.
      expect(pdfWords).toContain('Page 1 of 1');
    } finally {
      file.close();
    }
  });

  it('leaves out free text that may hold personal data, and says so', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = makeCase(dir, 'roster.bdcase', ctx);
    try {
      importCaseDocument(
        file,
        {
          format: 'breachdesk.case-document/1',
          facts: { summary: `Reported by ${ROSTER.emails[0]} on ${ROSTER.phones[0]}.` },
        },
        ctx,
      );
      const report = buildStatusReport(file, DAY_TWO);
      expect(report.withheld).toBe(1);
      const html = (await renderStatusReport(report, 'html')) as string;
      expect(html).not.toContain(ROSTER.emails[0]);
      expect(html).toContain('Left out of this report');
      expect(html).toContain('No notice is owed');

      const target = join(dir, 'where-we-stand.html');
      const written = await exportStatusReport(file, DAY_TWO, target, undefined, false);
      expect(written).toEqual({ path: target, format: 'html', withheld: 1 });
      await expect(exportStatusReport(file, DAY_TWO, target, undefined, false)).rejects.toMatchObject({
        code: 'ALREADY_EXISTS',
      });
      await expect(
        exportStatusReport(file, DAY_TWO, join(dir, 'report.txt'), undefined, false),
      ).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    } finally {
      file.close();
    }
  });
});
