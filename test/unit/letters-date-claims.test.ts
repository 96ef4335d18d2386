import { describe, expect, it } from 'vitest';
import { checkLetter, type LetterCheck } from '../../shared/letters/checks';
import {
  art33Timing,
  dateClaimFindings,
  datesIn,
  delayReasonsIn,
  durationsIn,
  type LetterTimeline,
} from '../../shared/letters/date-claims';
import { documentFromTemplate } from '../../shared/letters/from-markdown';
import { formatLetterDate } from '../../shared/letters/merge-values';
import type { LetterTemplate } from '../../shared/letters/template';
import { templateById } from '../../shared/letters/templates';
import type { ZonedTime } from '../../shared/time/zoned-time';
import { demoValuesFor, requiredContentOf } from './letters-fixture';

const zone = 'Europe/Stockholm';
const at = (utc: string, extra: Partial<ZonedTime> = {}): ZonedTime => ({
  utc,
  zone,
  precision: 'exact',
  approximate: false,
  ...extra,
});

/** The demo's moments: discovered 12 Nov 2020, aware 16 Nov 2020 09:30 (Stockholm), contained 12 Nov. */
function timeline(letterDate: string, sentAt: string | null = null): LetterTimeline {
  return {
    discoveredAt: at('2020-11-12T13:05:00.000Z'),
    awareAt: at('2020-11-16T08:30:00.000Z'),
    containedAt: at('2020-11-12T17:40:00.000Z'),
    exposureStart: at('2020-04-09T08:00:00.000Z'),
    exposureEnd: at('2020-11-12T17:40:00.000Z'),
    letterDate,
    sentAt,
  };
}

function template(id: string): LetterTemplate {
  const found = templateById(id);
  if (found === null) throw new Error(`no template ${id}`);
  return found;
}

function checksOf(id: string, letterDate: string, edit: (body: string) => string = (b) => b): LetterCheck[] {
  const t = template(id);
  return checkLetter({
    doc: documentFromTemplate(edit(t.body)),
    template: t,
    values: { ...demoValuesFor(t), 'letter.date': formatLetterDate(letterDate, t.language) },
    requiredContent: requiredContentOf(t),
    bodyFontPt: 11,
    timeline: timeline(letterDate),
  });
}

const byId = (checks: LetterCheck[], id: string) => {
  const found = checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no check ${id}`);
  return found;
};

describe('reading dates and durations', () => {
  it('reads ISO, English and French dates, and a month alone', () => {
    const text =
      'On 2020-11-12, 12 November 2020, November 12, 2020, 1er novembre 2020, 16 novembre 2020 and in April 2020.';
    expect(datesIn(text).map((d) => d.day ?? d.month)).toEqual([
      '2020-11-12',
      '2020-11-12',
      '2020-11-12',
      '2020-11-01',
      '2020-11-16',
      '2020-04',
    ]);
    expect(datesIn('Version 2.0-11-12 of 32 Smarch 2020')).toEqual([]);
  });

  it('reads claimed durations in hours and days, in English and French', () => {
    expect(
      durationsIn('This notification is made within 72 hours of that time.').map((d) => d.hours),
    ).toEqual([72]);
    expect(durationsIn('within three days').map((d) => d.hours)).toEqual([72]);
    expect(durationsIn('dans le délai de 72 heures suivant').map((d) => d.hours)).toEqual([72]);
    expect(durationsIn('dans un délai de 72 heures').map((d) => d.hours)).toEqual([72]);
  });
});

describe('dateClaimFindings', () => {
  it('passes a true letter: the facts’ dates, and "within 72 hours" two days after awareness', () => {
    const text = [
      'Controller became aware (reasonable certainty that personal data was affected) | 16 November 2020',
      'Breach discovered | 12 November 2020',
      'Period of the breach | 9 April 2020 to 12 November 2020',
      'We became aware of the breach on 16 November 2020. This notification is made within 72 hours of that time (Article 33(1) GDPR).',
      'We will send a further notice by 30 November 2020.',
    ].join('\n');
    expect(dateClaimFindings(text, timeline('2020-11-18'))).toEqual([]);
  });

  it('flags "within 72 hours" in a notice dated six years later, naming the sentence and awareness', () => {
    const text =
      'We became aware of the breach on 16 November 2020. This notification is made within 72 hours of that time (Article 33(1) GDPR).';
    const findings = dateClaimFindings(text, timeline('2026-12-07'));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.sentence).toBe(
      'This notification is made within 72 hours of that time (Article 33(1) GDPR).',
    );
    expect(findings[0]?.problem).toMatch(
      /within 72 hours.*2026-12-07.*after awareness \(16 November 2020 at 09:30/,
    );
  });

  it('flags "within 72 hours" when the deadline has passed by the start of the letter’s date, not on the deadline day', () => {
    const text = 'This notification is made within 72 hours of awareness.';
    expect(dateClaimFindings(text, timeline('2020-11-19'))).toEqual([]);
    expect(dateClaimFindings(text, timeline('2020-11-20'))).toHaveLength(1);
    expect(dateClaimFindings(text, timeline('2020-11-19', '2020-11-19T15:00:00.000Z'))).toHaveLength(1);
  });

  it('flags a date of awareness or discovery that differs from the facts', () => {
    const findings = dateClaimFindings(
      'We became aware of the breach on 14 November 2020.\nBreach discovered | 2020-11-10',
      timeline('2020-11-18'),
    );
    expect(findings.map((f) => f.problem)).toEqual([
      expect.stringMatching(/14 November 2020 for awareness, but the facts record 16 November 2020/),
      expect.stringMatching(/2020-11-10 for discovery, but the facts record 12 November 2020/),
    ]);
  });

  it('flags a notice said to be sent after the letter’s date, but not a future promise', () => {
    const findings = dateClaimFindings(
      'We notified the people affected on 20 November 2020. We will write again by 25 November 2020.',
      timeline('2020-11-18'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.sentence).toBe('We notified the people affected on 20 November 2020.');
    expect(findings[0]?.problem).toMatch(/after the letter's date, 2020-11-18/);
  });

  it('leaves alone negated and non-notice durations, dates of other events, and approximate facts', () => {
    const t = timeline('2026-12-07');
    expect(
      dateClaimFindings(
        [
          'This notification is not made within 72 hours of awareness; the reasons are given below.',
          'Passwords were reset within 24 hours of discovery.',
          'We informed our bank on 13 November 2020, after we discovered the breach on 12 November 2020.',
        ].join('\n'),
        t,
      ),
    ).toEqual([]);
    const approx = { ...t, awareAt: at('2020-11-16T08:30:00.000Z', { approximate: true }) };
    expect(dateClaimFindings('We became aware of the breach on 15 November 2020.', approx)).toEqual([]);
  });

  it('reads French letters', () => {
    const ok = dateClaimFindings(
      'Nous avons pris connaissance de la violation le 16 novembre 2020. La présente notification intervient dans le délai de 72 heures suivant cette prise de connaissance (article 33, paragraphe 1, du RGPD).',
      timeline('2020-11-17'),
    );
    expect(ok).toEqual([]);
    const late = dateClaimFindings(
      'Nous avons pris connaissance de la violation le 15 novembre 2020. La présente notification intervient dans le délai de 72 heures suivant cette prise de connaissance.',
      timeline('2026-12-07'),
    );
    expect(late.map((f) => f.problem)).toEqual([
      expect.stringMatching(/15 novembre 2020 for awareness/),
      expect.stringMatching(/dans le délai de 72 heures/),
    ]);
  });
});

describe('the Art. 33 reasons for the delay', () => {
  it('knows when the notice is late, on time, or due on its date', () => {
    expect(art33Timing(timeline('2020-11-18')).kind).toBe('on-time');
    expect(art33Timing(timeline('2020-11-19')).kind).toBe('unclear');
    expect(art33Timing(timeline('2020-11-20')).kind).toBe('late');
    expect(art33Timing({ ...timeline('2020-11-20'), awareAt: null }).kind).toBe('unknown');
  });

  it('finds reasons under a heading or in a sentence, never the template’s bracketed prompt', () => {
    expect(
      delayReasonsIn('Reasons for the delay\nThe forensic review took five days to confirm the data.').found,
    ).toMatch(/forensic/);
    expect(
      delayReasonsIn('Motifs du retard\nL’analyse technique a duré cinq jours avant de confirmer.').found,
    ).toMatch(/analyse/);
    const prompt = delayReasonsIn(
      'Reasons for the delay\n[If this notification is made more than 72 hours after awareness, give the reasons for the delay here.]',
    );
    expect(prompt).toEqual({ found: null, prompt: true });
  });

  for (const id of ['gdpr-art33-authority-en', 'gdpr-art33-authority-fr']) {
    describe(id, () => {
      const heading = id.endsWith('-fr') ? 'Motifs du retard' : 'Reasons for the delay';
      const reasons = id.endsWith('-fr')
        ? 'Le retard s’explique par l’analyse technique, qui a duré six jours.'
        : 'The forensic review needed six days to establish which accounts were affected.';
      const removePrompt = (body: string) => body.replace(/\n\[[^\]]+\]\n/, '\n');
      const fillReasons = (body: string) => body.replace(/\n\[[^\]]+\]\n/, `\n${reasons}\n`);
      const dropClaim = (body: string) =>
        body.replace(
          / This notification is made within 72 hours[^\n]*| La présente notification intervient[^\n]*/,
          '',
        );

      it(`asks for the reasons under “${heading}”, in square brackets`, () => {
        const body = template(id).body;
        expect(body).toContain(`## ${heading}`);
        expect(body).toMatch(/\n\[[^\]]*72[^\]]*\]\n/);
      });

      it('on time, passes once the prompt is deleted', () => {
        expect(byId(checksOf(id, '2020-11-18'), 'content:art33-1-delay-reasons').status).toBe('fail');
        const checks = checksOf(id, '2020-11-18', (b) => removePrompt(b).replace(`## ${heading}\n`, ''));
        expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
      });

      it('late, fails on the false 72 hours and the missing reasons; passes with reasons and without the claim', () => {
        const late = checksOf(id, '2026-12-07', removePrompt);
        expect(byId(late, 'content:art33-1-delay-reasons').status).toBe('fail');
        expect(byId(late, 'dates').status).toBe('fail');
        expect(byId(late, 'dates').detail).toMatch(/72 h/);
        const fixed = checksOf(id, '2026-12-07', (b) => dropClaim(fillReasons(b)));
        expect(fixed.filter((c) => c.status === 'fail')).toEqual([]);
        expect(byId(fixed, 'content:art33-1-delay-reasons').detail).toMatch(/reasons given/);
      });
    });
  }
});
