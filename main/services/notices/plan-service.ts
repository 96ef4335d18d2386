import type { NoticeFormat, NoticePlan } from '../../../shared/domain/notices';
import { mergeFieldsIn } from '../../../shared/letters/plain-text';
import type { CaseFile } from '../../casefile/case-file';
import { getLetterVersion } from '../../casefile/repos/letters-repo';
import { codeCounts, codeOfPerson, peopleCount } from '../../casefile/repos/notices-repo';
import { decide, type Decision, type LetterChoice, type PlanContext } from '../../notices/plan';
import { ensureRosterPeople, planContext } from './notice-context';
import { plannedPeople } from './planned-people';

/** People decided between two turns of the event loop. */
export const YIELD_EVERY = 5_000;

/** Lets the event loop run (IPC requests, progress, cancel) in the middle of a long loop. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Counts a plan is made of, filled person by person. */
export class PlanTally {
  readonly plan: NoticePlan;
  readonly #letters = new Map<string, { letter: LetterChoice; people: number }>();
  readonly #without = new Map<
    string,
    { ruleId: string; title: string; jurisdiction: string; people: number }
  >();
  readonly #waiting = new Map<string, { ruleId: string; title: string; people: number }>();

  constructor(people: number, format: NoticeFormat) {
    this.plan = {
      people,
      toNotify: 0,
      byTemplate: {},
      byLanguage: {},
      byChannel: { email: 0, post: 0, unreachable: 0 },
      byJurisdiction: {},
      letters: [],
      withoutLetter: [],
      decisionNeeded: [],
      noObligation: 0,
      alreadyNotified: 0,
      noChannelLeft: 0,
      emailBarred: 0,
      leftForEmail: 0,
      offer: null,
      blockers: [],
      format,
    };
  }

  add(jurisdiction: string, decision: Decision, offerNeedsCode: boolean): void {
    const plan = this.plan;
    switch (decision.kind) {
      case 'already':
        plan.alreadyNotified += 1;
        return;
      case 'exhausted':
        plan.noChannelLeft += 1;
        return;
      case 'noObligation':
        plan.noObligation += 1;
        return;
      case 'leftForEmail':
        plan.leftForEmail += 1;
        return;
      case 'decisionNeeded':
        for (const rule of decision.rules) {
          const entry = this.#waiting.get(rule.ruleId) ?? {
            ruleId: rule.ruleId,
            title: rule.title,
            people: 0,
          };
          entry.people += 1;
          this.#waiting.set(rule.ruleId, entry);
        }
        return;
      case 'withoutLetter':
        for (const rule of decision.rules) {
          const entry = this.#without.get(rule.ruleId) ?? {
            ruleId: rule.ruleId,
            title: rule.title,
            jurisdiction: rule.jurisdiction,
            people: 0,
          };
          entry.people += 1;
          this.#without.set(rule.ruleId, entry);
        }
        return;
      case 'notice': {
        plan.toNotify += 1;
        plan.byChannel[decision.channel] += 1;
        if (decision.emailBarred) plan.emailBarred += 1;
        const row = (plan.byJurisdiction[jurisdiction] ??= { people: 0, email: 0, post: 0, unreachable: 0 });
        row.people += 1;
        row[decision.channel] += 1;
        if (decision.channel === 'unreachable') return;
        const { letter } = decision;
        plan.byTemplate[letter.templateId] = (plan.byTemplate[letter.templateId] ?? 0) + 1;
        plan.byLanguage[letter.language] = (plan.byLanguage[letter.language] ?? 0) + 1;
        const used = this.#letters.get(letter.letterId) ?? { letter, people: 0 };
        used.people += 1;
        this.#letters.set(letter.letterId, used);
        if (decision.offered) {
          const offer = (plan.offer ??= { offered: 0, alreadyAssigned: 0, needed: 0, available: 0 });
          offer.offered += 1;
          if (offerNeedsCode) offer.needed += 1;
          else offer.alreadyAssigned += 1;
        }
      }
    }
  }

  finish(
    codesAvailable: number,
    offerService: string,
    lacksCode: (letterId: string, version: number) => boolean = () => false,
  ): NoticePlan {
    const plan = this.plan;
    plan.letters = [...this.#letters.values()].map(({ letter, people }) => ({ ...letter, people }));
    plan.withoutLetter = [...this.#without.values()];
    plan.decisionNeeded = [...this.#waiting.values()];
    if (plan.offer !== null) {
      // An approved letter is sent as approved: a code is never added to text nobody approved.
      for (const letter of plan.letters) {
        if (lacksCode(letter.letterId, letter.version))
          plan.blockers.push(
            `The letter "${letter.title}" does not merge the activation code ({{offer.code}}): add it and approve the letter again.`,
          );
      }
      plan.offer.available = codesAvailable;
      const short = plan.offer.needed - codesAvailable;
      if (short > 0) {
        plan.blockers.push(
          `${short.toLocaleString('en-US')} more activation code${short === 1 ? ' is' : 's are'} needed: ${plan.offer.needed.toLocaleString('en-US')} people offered ${offerService === '' ? 'the service' : offerService} have no code yet and ${codesAvailable.toLocaleString('en-US')} unused code${codesAvailable === 1 ? ' is' : 's are'} left.`,
        );
      }
    }
    if (plan.people === 0)
      plan.blockers.push('The roster holds no affected people: import the exposed dataset first.');
    else if (plan.toNotify === 0) plan.blockers.push('No person is left to write a notice for in this run.');
    return plan;
  }
}

/** What a run would write, as counts: per template, language, channel and jurisdiction. */
export async function noticePlan(file: CaseFile, format: NoticeFormat, today: string): Promise<NoticePlan> {
  ensureRosterPeople(file);
  const ctx: PlanContext = planContext(file, format, today);
  const tally = new PlanTally(peopleCount(file.db), format);
  let seen = 0;
  for (const person of plannedPeople(file)) {
    // A million people take seconds: the app's main process answers other requests meanwhile.
    if (++seen % YIELD_EVERY === 0) await nextTurn();
    const decision = decide(person, ctx);
    const needsCode =
      decision.kind === 'notice' && decision.offered && codeOfPerson(file.db, person.id) === null;
    tally.add(person.jurisdiction, decision, needsCode);
  }
  return tally.finish(
    codeCounts(file.db, today).available,
    ctx.settings.offer.service,
    (letterId, version) => {
      const doc = getLetterVersion(file.db, letterId, version)?.doc;
      return doc === undefined || !mergeFieldsIn(doc).includes('offer.code');
    },
  );
}
