import type { ZonedTime } from '../time/zoned-time';

/**
 * What a letter says about when things happened, compared with the case. Pure: the letter's
 * plain text, the case's recorded moments and the letter's date in, findings out.
 *
 * A date is read in the forms letters use ("2020-11-12", "12 November 2020", "November 12, 2020",
 * "12 novembre 2020", "1er novembre 2020", and "November 2020" for a month). Each date is tied
 * to the event named nearest to it in its sentence (awareness, discovery, containment, the
 * period of the breach) and must be a day the case records for that event; a date in a sentence
 * about the past must not be after the letter's date. A duration ("within 72 hours", "dans le
 * délai de 72 heures") in a sentence about this notification must be true of the time from
 * awareness (or discovery, if that is what the sentence names) to the letter's date. To keep
 * legitimate text clean: sentences in the future tense or with a negation are not read as
 * claims about the past, and a date that is any day the case records is never a contradiction.
 */

export interface LetterTimeline {
  discoveredAt: ZonedTime | null;
  awareAt: ZonedTime | null;
  containedAt: ZonedTime | null;
  exposureStart: ZonedTime | null;
  exposureEnd: ZonedTime | null;
  /** The letter's date, YYYY-MM-DD (its sent date once sent, else today). */
  letterDate: string;
  /** When the letter was sent (UTC instant), if it was. */
  sentAt: string | null;
}

export interface DateFinding {
  /** The sentence, as the letter states it (shortened). */
  sentence: string;
  /** What is wrong, naming the fact it contradicts. */
  problem: string;
}

type EventKind = 'aware' | 'discovered' | 'contained' | 'period' | 'began' | 'other';

const EVENT_WORDS: Record<EventKind, RegExp> = {
  aware: /\baware(?:ness)?\b|pris(?:e)? connaissance|prise de connaissance|avons eu connaissance/gi,
  discovered: /\bdiscover\w*|\bdetect\w*|découv\w*|détect\w*|constat\w*/gi,
  contained: /\bcontained\b|\bcontainment\b|\bstopped\b|\bclosed\b|maîtris\w*|endigu\w*|circonscrit\w*/gi,
  period: /\bperiod\b|\bwindow\b|\bbetween\b|\bexposure\b|période|\bentre\b|exposition/gi,
  began: /\boccurred\b|\bbegan\b|\bstarted\b|\bsurvenu\w*|\bdébut\w*|commencé\w*/gi,
  other:
    /\bnotif\w*|\binformed\b|\bsent\b|\bwrote\b|\breported\b|\bpublished\b|\breset\b|\bcalled\b|\bmet\b|\bcontacted\b|\bfiled\b|\binformé\w*|\benvoy\w*|\bsignalé\w*|\bécrit\b|\bpublié\w*|\bcontacté\w*|\bdéposé\w*/gi,
};

const EVENT_NAMES: Record<Exclude<EventKind, 'other'>, string> = {
  aware: 'awareness',
  discovered: 'discovery',
  contained: 'containment',
  period: 'the period of the breach',
  began: 'the start of the breach',
};

const FUTURE_OR_DEADLINE =
  /\bwill\b|\bshall\b|\bwould\b|\bby\b|\buntil\b|\bexpected\b|\bplanned\b|\bdeadline\b|\bdue\b|\bno later than\b|\bbefore\b|d'ici|jusqu|\bprévu\w*|\bsera\b|\bserons\b|\bseront\b|\ballons\b|au plus tard|échéance|\bavant\b/i;
const ABOUT_NOTICE =
  /\bnotif\w*|\bnotice\b|\bthis letter\b|\bwe are writing\b|\breport(?:ed|ing)?\b|\binform\w*|avis\b|\bsignal\w*|\bcourrier\b|\blettre\b/i;

const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTH_ALIASES: Record<string, number> = {};
MONTHS_EN.forEach((m, i) => {
  MONTH_ALIASES[m] = i + 1;
  MONTH_ALIASES[m.slice(0, 3)] = i + 1;
});
MONTH_ALIASES.sept = 9;
MONTHS_FR.forEach((m, i) => {
  MONTH_ALIASES[m] = i + 1;
});
MONTH_ALIASES.fevrier = 2;
MONTH_ALIASES.aout = 8;
MONTH_ALIASES.decembre = 12;

const MONTH = `(${Object.keys(MONTH_ALIASES)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

interface DateMention {
  text: string;
  index: number;
  /** YYYY-MM or YYYY-MM-DD. */
  day: string | null;
  month: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

const DATE_PATTERNS: { re: RegExp; parts: (m: RegExpExecArray) => [number, number, number | null] }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'giu'),
    parts: (m) => [Number(m[3]), MONTH_ALIASES[(m[2] ?? '').toLowerCase()] ?? 0, Number(m[1])],
  },
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'giu'),
    parts: (m) => [Number(m[3]), MONTH_ALIASES[(m[1] ?? '').toLowerCase()] ?? 0, Number(m[2])],
  },
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'giu'),
    parts: (m) => [Number(m[2]), MONTH_ALIASES[(m[1] ?? '').toLowerCase()] ?? 0, null],
  },
];

/** Every date a piece of text states, in reading order; a span is read once (the longest form). */
export function datesIn(text: string): DateMention[] {
  const taken: [number, number][] = [];
  const out: DateMention[] = [];
  for (const { re, parts } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const [y, mo, d] = parts(m);
      if (mo < 1 || mo > 12 || (d !== null && !validDay(y, mo, d))) continue;
      taken.push([start, end]);
      const month = `${y}-${pad(mo)}`;
      out.push({ text: m[0], index: start, month, day: d === null ? null : `${month}-${pad(d)}` });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The sentences of a letter: each line (a paragraph, list item or table row) cut at sentence ends. */
export function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý«"“])/u))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone and purpose: building them dominates the check's cost. */
function formatFor(kind: 'day' | 'time', zone: string): Intl.DateTimeFormat {
  const key = `${kind} ${zone}`;
  let format = formats.get(key);
  if (format === undefined) {
    format =
      kind === 'day'
        ? new Intl.DateTimeFormat('en-CA', {
            timeZone: zone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          })
        : new Intl.DateTimeFormat('en-GB', {
            timeZone: zone,
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          });
    if (formats.size < 200) formats.set(key, format);
  }
  return format;
}

const localDay = (utc: string, zone: string) => {
  const parts = formatFor('day', zone).formatToParts(new Date(utc));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
};

const localTime = (utc: string, zone: string) => formatFor('time', zone).format(new Date(utc));

/** A recorded moment as the letter would name it: its day, or its month when that is all that is known. */
function describeFact(t: ZonedTime): string {
  const day = localDay(t.utc, t.zone);
  if (t.precision === 'month') return day.slice(0, 7);
  return t.precision === 'exact' ? `${localTime(t.utc, t.zone)} (${t.zone})` : day;
}

/** Whether a stated date can be the recorded moment: the same day, or month, as precisely as both are known. */
function sameDate(mention: DateMention, t: ZonedTime): boolean {
  const day = localDay(t.utc, t.zone);
  if (t.precision === 'month' || mention.day === null) return day.slice(0, 7) === mention.month;
  return day === mention.day;
}

/** The UTC instant a zone's local midnight of a YYYY-MM-DD day falls on. */
export function startOfDay(date: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const shown = new Date(
    new Date(guess).toLocaleString('en-US', { timeZone: zone, hourCycle: 'h23' }),
  ).getTime();
  const asUtc = new Date(
    new Date(guess).toLocaleString('en-US', { timeZone: 'UTC', hourCycle: 'h23' }),
  ).getTime();
  return guess - (shown - asUtc);
}

const HOUR = 3_600_000;

/**
 * The earliest and latest moments the letter can be made at: its sent time once sent, else any
 * time on its date in the zone of the moment it is measured from.
 */
export function madeWindow(timeline: LetterTimeline, zone: string): { earliest: number; latest: number } {
  if (timeline.sentAt !== null) {
    const at = Date.parse(timeline.sentAt);
    return { earliest: at, latest: at };
  }
  const start = startOfDay(timeline.letterDate, zone);
  const next = new Date(Date.parse(`${timeline.letterDate}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { earliest: start, latest: startOfDay(next, zone) - 1 };
}

function shorten(sentence: string): string {
  const flat = sentence.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

/** The event named nearest to a position in a sentence, if any. */
function nearestEvent(sentence: string, at: number): EventKind | null {
  let best: { kind: EventKind; distance: number } | null = null;
  for (const kind of Object.keys(EVENT_WORDS) as EventKind[]) {
    const re = EVENT_WORDS[kind];
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
      const distance = Math.abs(m.index - at);
      if (best === null || distance < best.distance) best = { kind, distance };
    }
  }
  return best?.kind ?? null;
}

function factsFor(kind: Exclude<EventKind, 'other'>, t: LetterTimeline): ZonedTime[] {
  const list = {
    aware: [t.awareAt],
    discovered: [t.discoveredAt],
    contained: [t.containedAt],
    period: [t.exposureStart, t.exposureEnd],
    began: [t.exposureStart],
  }[kind];
  return list.filter((x): x is ZonedTime => x !== null);
}

function allFacts(t: LetterTimeline): ZonedTime[] {
  return [t.discoveredAt, t.awareAt, t.containedAt, t.exposureStart, t.exposureEnd].filter(
    (x): x is ZonedTime => x !== null,
  );
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
  fourteen: 14,
  thirty: 30,
  'seventy-two': 72,
  'forty-eight': 48,
  'twenty-four': 24,
  un: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  dix: 10,
  trente: 30,
  'soixante-douze': 72,
};
const NUM = `(\\d+|${Object.keys(NUMBER_WORDS).join('|')})`;
const DURATION_PATTERNS: RegExp[] = [
  new RegExp(`\\bwithin\\s+(?:the\\s+)?(?:first\\s+)?${NUM}[\\s-]*(hours?|h|days?)\\b`, 'giu'),
  new RegExp(
    `(?:dans\\s+(?:un|le|les)\\s+(?:délai\\s+(?:de\\s+)?)?|sous\\s+|en\\s+moins\\s+de\\s+)${NUM}\\s*(heures?|h|jours?)\\b`,
    'giu',
  ),
];

interface DurationClaim {
  text: string;
  hours: number;
}

/** "within 72 hours", "dans le délai de 72 heures", "within three days"… as hours. */
export function durationsIn(sentence: string): DurationClaim[] {
  const out: DurationClaim[] = [];
  for (const re of DURATION_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
      const raw = (m[1] ?? '').toLowerCase();
      const n = /^\d+$/.test(raw) ? Number(raw) : (NUMBER_WORDS[raw] ?? NaN);
      if (!Number.isFinite(n)) continue;
      const unit = (m[2] ?? '').toLowerCase();
      const hours = unit.startsWith('d') || unit.startsWith('j') ? n * 24 : n;
      out.push({ text: m[0], hours });
    }
  }
  return out;
}

function formatElapsed(ms: number): string {
  const hours = Math.floor(ms / HOUR);
  if (hours < 72) return `${hours} hours`;
  const days = Math.floor(hours / 24);
  return `${days.toLocaleString('en-US')} days (${hours.toLocaleString('en-US')} hours)`;
}

const letterDay = (t: LetterTimeline) => `the letter's date, ${t.letterDate}`;

function durationFindings(sentence: string, t: LetterTimeline): DateFinding[] {
  const claims = durationsIn(sentence);
  if (claims.length === 0 || !ABOUT_NOTICE.test(sentence) || FUTURE_OR_DEADLINE.test(sentence)) return [];
  if (/\bnot\b|n't\b|\bne\b|\bpas\b|\bn'/i.test(sentence)) return [];
  const fromDiscovery =
    /\bdiscover|\bdetect|découv|détect/i.test(sentence) && !/\baware|connaissance/i.test(sentence);
  const from = fromDiscovery ? t.discoveredAt : t.awareAt;
  if (from === null) return [];
  const name = fromDiscovery ? 'discovery' : 'awareness';
  const { earliest } = madeWindow(t, from.zone);
  const elapsed = earliest - Date.parse(from.utc);
  const out: DateFinding[] = [];
  for (const claim of claims) {
    if (elapsed <= claim.hours * HOUR) continue;
    const made =
      t.sentAt !== null ? `it was sent ${t.sentAt.slice(0, 16).replace('T', ' ')} UTC` : letterDay(t);
    out.push({
      sentence: shorten(sentence),
      problem: `says “${claim.text}”, but ${made} is ${formatElapsed(elapsed)} after ${name} (${describeFact(from)})`,
    });
  }
  return out;
}

function dateFindings(sentence: string, t: LetterTimeline): DateFinding[] {
  const out: DateFinding[] = [];
  const known = allFacts(t);
  for (const mention of datesIn(sentence)) {
    const kind = nearestEvent(sentence, mention.index);
    if (kind !== null && kind !== 'other') {
      const facts = factsFor(kind, t);
      const matches = facts.some((f) => sameDate(mention, f));
      const exact = facts.filter((f) => !f.approximate);
      if (!matches && exact.length > 0 && !known.some((f) => sameDate(mention, f))) {
        out.push({
          sentence: shorten(sentence),
          problem: `gives ${mention.text} for ${EVENT_NAMES[kind]}, but the facts record ${exact.map(describeFact).join(' and ')}`,
        });
        continue;
      }
    }
    const stated = mention.day ?? mention.month;
    const letter = mention.day === null ? t.letterDate.slice(0, 7) : t.letterDate;
    if (stated > letter && !FUTURE_OR_DEADLINE.test(sentence)) {
      out.push({
        sentence: shorten(sentence),
        problem: `states ${mention.text} as past, but that is after ${letterDay(t)}`,
      });
    }
  }
  return out;
}

/** Every date and duration in a letter that contradicts the case's facts or the letter's date. */
export function dateClaimFindings(text: string, timeline: LetterTimeline): DateFinding[] {
  const findings: DateFinding[] = [];
  for (const sentence of sentencesOf(text)) {
    findings.push(...dateFindings(sentence, timeline), ...durationFindings(sentence, timeline));
  }
  return findings;
}

/** Whether the letter is made more than 72 hours after awareness: 'late', 'on-time', or 'unclear' (the deadline falls on its date). */
export type Art33Timing =
  | { kind: 'unknown' }
  | { kind: 'on-time' | 'late' | 'unclear'; deadline: number; zone: string; elapsed: number };

export function art33Timing(t: LetterTimeline): Art33Timing {
  if (t.awareAt === null) return { kind: 'unknown' };
  const zone = t.awareAt.zone;
  const aware = Date.parse(t.awareAt.utc);
  const deadline = aware + 72 * HOUR;
  const { earliest, latest } = madeWindow(t, zone);
  const kind = earliest > deadline ? 'late' : latest <= deadline ? 'on-time' : 'unclear';
  return { kind, deadline, zone, elapsed: earliest - aware };
}

const REASONS_HEADING =
  /reasons? for (?:the |this )?(?:delay|late notification)|motifs? du retard|raisons? du retard|justification du retard/i;
const REASONS_SENTENCE =
  /reasons? for (?:the |this )?delay|\bdelay(?:ed)? (?:was|is|were) (?:due|caused|because)|\bdelayed because\b|\blate because\b|motifs? du retard|raisons? du retard|retard (?:s'explique|est dû|a été causé)/i;
/** A template's instruction to the drafter, in square brackets: never sent. */
export const PROMPT = /\[[^\]]{20,}\]/;

/** The reasons for the delay the letter gives: a "Reasons for the delay" section with text, or a sentence that says them. */
export function delayReasonsIn(text: string): { found: string | null; prompt: boolean } {
  const lines = text.split('\n').map((l) => l.trim());
  let found: string | null = null;
  let prompt = false;
  lines.forEach((line, i) => {
    if (PROMPT.test(line) && /72|delay|retard/i.test(line)) prompt = true;
    if (found !== null) return;
    if (REASONS_HEADING.test(line) && line.split(/\s+/).length <= 8) {
      const body = lines.slice(i + 1).find((l) => l !== '' && !PROMPT.test(l));
      if (body !== undefined && body.split(/\s+/).length >= 6 && !REASONS_HEADING.test(body)) found = body;
    } else if (REASONS_SENTENCE.test(line) && line.split(/\s+/).length >= 8 && !PROMPT.test(line)) {
      found = line;
    }
  });
  return { found: found === null ? null : shorten(found), prompt };
}

export function describeInstant(utc: number, zone: string): string {
  return `${localTime(new Date(utc).toISOString(), zone)} (${zone})`;
}
