import type { DataElementTerm } from '../../shared/domain/data-elements';
import type { NoticeChannel, NoticeFormat, NoticeSettings, NoticeStatus } from '../../shared/domain/notices';
import { languageOf, type PersonValues } from './person-values';

/** A notice to individuals the board says is owed, and the roster groups whose people it counts. */
export interface IndividualNotice {
  ruleId: string;
  title: string;
  jurisdiction: string;
  groups: ReadonlySet<string>;
}

/** An approved letter answering a notice: the one a person's notice is written from. */
export interface LetterChoice {
  letterId: string;
  title: string;
  templateId: string;
  language: 'en' | 'fr';
  ruleId: string;
  version: number;
}

export interface PlanContext {
  /** Owed notices to individuals, in the board's order (the first with a letter is used). */
  owed: readonly IndividualNotice[];
  /** Notices to individuals whose answer waits on a decision. */
  waiting: readonly IndividualNotice[];
  /** Approved letters by rule id. */
  letters: ReadonlyMap<string, readonly LetterChoice[]>;
  settings: NoticeSettings;
  format: NoticeFormat;
}

export interface PlannedPerson {
  id: number;
  /** The engine's code for their residency ("ZZ" when unknown) and their element combination. */
  groupKey: string;
  jurisdiction: string;
  elements: readonly DataElementTerm[];
  values: PersonValues;
  /** Their earlier notices (finished runs), oldest first. */
  history: readonly (readonly [NoticeChannel, NoticeStatus])[];
}

export type Decision =
  | { kind: 'already' }
  | { kind: 'noObligation' }
  | { kind: 'decisionNeeded'; rules: readonly IndividualNotice[] }
  | { kind: 'withoutLetter'; rules: readonly IndividualNotice[] }
  | { kind: 'leftForEmail' }
  | { kind: 'exhausted' }
  | {
      kind: 'notice';
      rules: readonly IndividualNotice[];
      letter: LetterChoice;
      channel: NoticeChannel;
      /** The e-mail address or the postal address lines (joined by line breaks); null when unreachable. */
      address: string | null;
      emailBarred: boolean;
      offered: boolean;
    };

const CREDENTIALS: ReadonlySet<DataElementTerm> = new Set(['password', 'security_question']);
const SETTLED: ReadonlySet<NoticeStatus> = new Set(['pending', 'delivered', 'substitute']);

/**
 * What a run does for one person: which owed notices reach them (their residency and their own
 * exposed data), which approved letter and language, and which channel. E-mail when an address
 * is known and allowed, post when a postal address is known, else unreachable; a channel that
 * already failed them (a bounce, returned mail) is not tried again.
 */
export function decide(person: PlannedPerson, ctx: PlanContext): Decision {
  if (person.history.some(([, status]) => SETTLED.has(status))) return { kind: 'already' };
  const rules = ctx.owed.filter((rule) => rule.groups.has(person.groupKey));
  if (rules.length === 0) {
    const waiting = ctx.waiting.filter((rule) => rule.groups.has(person.groupKey));
    return waiting.length > 0 ? { kind: 'decisionNeeded', rules: waiting } : { kind: 'noObligation' };
  }
  const language = languageOf(person.values.language, person.jurisdiction);
  const letter = letterFor(rules, ctx.letters, language);
  if (letter === null) return { kind: 'withoutLetter', rules };

  const failed = new Set(
    person.history.filter(([, s]) => s === 'bounced' || s === 'returned').map(([c]) => c),
  );
  const wasUnreachable = person.history.some(([, s]) => s === 'unreachable');
  const emailBarred =
    person.values.email !== null &&
    ctx.settings.credentialsAreOrgEmail &&
    person.elements.some((e) => CREDENTIALS.has(e));
  const email =
    ctx.settings.emailAllowed && !emailBarred && person.values.email !== null && !failed.has('email')
      ? person.values.email
      : null;
  const post =
    person.values.postalLines !== null && !failed.has('post') ? person.values.postalLines.join('\n') : null;
  const prefer = ctx.format === 'pdf' ? 'post' : ctx.settings.prefer;
  const channel: NoticeChannel =
    prefer === 'post'
      ? post !== null
        ? 'post'
        : email !== null
          ? 'email'
          : 'unreachable'
      : email !== null
        ? 'email'
        : post !== null
          ? 'post'
          : 'unreachable';
  if (ctx.format === 'pdf' && channel === 'email') return { kind: 'leftForEmail' };
  // Someone already recorded as unreachable is not recorded again until a channel opens.
  if (channel === 'unreachable' && (wasUnreachable || failed.size > 0) && person.history.length > 0)
    return { kind: 'exhausted' };
  const offer = ctx.settings.offer;
  const offered =
    channel !== 'unreachable' &&
    offer.enabled &&
    (offer.elements.length === 0 || person.elements.some((e) => offer.elements.includes(e)));
  return {
    kind: 'notice',
    rules,
    letter,
    channel,
    address: channel === 'email' ? email : channel === 'post' ? post : null,
    emailBarred,
    offered,
  };
}

/** The first owed notice with an approved letter: in the person's language, else English, else any. */
function letterFor(
  rules: readonly IndividualNotice[],
  letters: ReadonlyMap<string, readonly LetterChoice[]>,
  language: 'en' | 'fr',
): LetterChoice | null {
  for (const rule of rules) {
    const choices = letters.get(rule.ruleId) ?? [];
    const chosen =
      choices.find((l) => l.language === language) ?? choices.find((l) => l.language === 'en') ?? choices[0];
    if (chosen !== undefined) return chosen;
  }
  return null;
}
