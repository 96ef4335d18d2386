import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { mboxEntry } from '../../main/formats/mime/mbox';
import { buildNoticeMessage, type NoticeMessageInput } from '../../main/formats/mime/notice-message';
import { inTurn, loadNote, printTable } from './report';
import { median } from './stats';

/**
 * How fast notices become .eml bytes (issue: one e-mail per affected person). The product goal is
 * 1,000,000 .eml files in ≤ 10 minutes on two cores, i.e. ~1,700 messages/s overall with the file
 * writes, so building alone should manage ~3,000/s on one core. Beside it, in the same process
 * and in alternating order, SHA-256 of the same output buffers: a baseline that any bytes-out
 * step costs at least, so drift in machine speed shows in both. Printed as medians, never asserted.
 */
const MESSAGES = 5_000;
const RUNS = 5;

const PARAGRAPH =
  'Am 28. November 2026 haben wir festgestellt, dass Unbefugte Zugriff auf einen Server hatten, ' +
  'auf dem Kundendaten gespeichert waren. Betroffen sind Name, Anschrift, E-Mail-Adresse und ' +
  'Geburtsdatum. Passwörter und Zahlungsdaten waren nicht betroffen. We have reset all sessions, ' +
  'informed the supervisory authority and engaged an independent forensic firm. ';

/** A letter of about 3 KB (text ~1.5 KB, HTML ~1.6 KB) with the non-ASCII a real one has. */
function letter(n: number): NoticeMessageInput {
  const name = `Jürgen Müller-Şahin ${n}`;
  const paragraphs = [`Sehr geehrte/r ${name},`, PARAGRAPH, PARAGRAPH, PARAGRAPH, 'Mit freundlichen Grüßen'];
  return {
    from: { name: 'Datenschutzbeauftragte – Beispiel GmbH', address: 'dpo@controller.example' },
    to: { name, address: `person.${n}@recipient.example` },
    replyTo: 'privacy@controller.example',
    subject: 'Wichtige Mitteilung: Verletzung des Schutzes Ihrer personenbezogenen Daten',
    text: `${paragraphs.join('\n\n')}\n`,
    html: `<!doctype html><html><body>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</body></html>`,
    messageId: `<run-2026-12.person-${n}@controller.example>`,
    date: new Date('2026-12-07T10:00:00Z'),
    headers: { 'X-Breachdesk-Notice': `notice-7f3a-${n}` },
  };
}

it(`builds ${MESSAGES.toLocaleString('en')} notices: messages/s against SHA-256 of the same bytes`, async () => {
  const inputs = Array.from({ length: MESSAGES }, (_, n) => letter(n));
  let outputs: Buffer[] = [];
  const rates: Record<string, number[]> = { build: [], sha256: [], mbox: [] };
  const kinds = ['build', 'sha256', 'mbox'] as const;
  // One warm-up pass, so the first run does not carry the JIT's compile time.
  for (const input of inputs.slice(0, 500)) await buildNoticeMessage(input);
  for (let run = 0; run < RUNS; run += 1) {
    for (const kind of inTurn(run, kinds)) {
      const start = performance.now();
      if (kind === 'build') {
        const built: Buffer[] = [];
        for (const input of inputs) built.push(await buildNoticeMessage(input));
        outputs = built;
      } else if (kind === 'sha256') {
        for (const bytes of outputs) createHash('sha256').update(bytes).digest();
      } else {
        for (const bytes of outputs) mboxEntry(bytes, 'dpo@controller.example', inputs[0]!.date);
      }
      rates[kind]!.push(MESSAGES / ((performance.now() - start) / 1000));
    }
  }
  const rate = (kind: string) => median(rates[kind]!);
  const build = rate('build');
  const bytes = outputs.reduce((sum, b) => sum + b.length, 0) / outputs.length;
  const row = (what: string, perSecond: number, note: string) => ({
    what,
    'messages/s': Math.round(perSecond).toLocaleString('en'),
    'vs build': `${(perSecond / build).toFixed(1)} ×`,
    note,
  });
  printTable(
    `Notice e-mails (median of ${RUNS} runs of ${MESSAGES.toLocaleString('en')}; ${Math.round(bytes)} bytes per .eml)`,
    [
      row('buildNoticeMessage', build, `1,000,000 in ${(1_000_000 / build / 60).toFixed(1)} min on one core`),
      row('SHA-256 of the output (baseline)', rate('sha256'), ''),
      row('mboxEntry of the output', rate('mbox'), ''),
    ],
    [loadNote()],
  );
  expect(outputs).toHaveLength(MESSAGES);
});
