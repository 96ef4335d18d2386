import { DEMO_POPULATIONS, demoScenario } from '../../main/demo/scenario';
import type { CaseRecord } from '../../shared/domain/case';
import { caseDocumentSchema } from '../../shared/domain/case-document';
import { dataElementSchema } from '../../shared/domain/data-elements';
import type { Facts } from '../../shared/domain/facts';
import { populationSchema } from '../../shared/domain/populations';
import type { MergeFieldId } from '../../shared/letters/merge-fields';
import { type LetterLanguage, type MergeSource, mergeValues } from '../../shared/letters/merge-values';
import type { LetterTemplate } from '../../shared/letters/template';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import type { ContentItem, Rule } from '../../shared/obligations/rule-pack';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Consequences and measures for the demo, from SCENARIO.md, for when the demo case lacks them. */
export const SCENARIO_CONSEQUENCES =
  'The partners could read the names, e-mail addresses, gender and dates of birth of the people affected and, for older accounts, a weakly hashed password. People who reused that password elsewhere are at risk of their other accounts being taken over, and the data could be used for targeted phishing.';
export const SCENARIO_MEASURES =
  'We corrected the fault on the day we found it and rotated every partner access token. On 17 November 2020 we reset the passwords of all affected accounts. On 18 November 2020 we asked the three partners in writing to delete the data and confirm the deletion; all three have confirmed. We have opened an internal investigation.';

/** The demo case (main/demo/scenario.ts) as merge sources read it. */
export function demoSource(options: {
  jurisdiction: string;
  language?: LetterLanguage;
  complete?: boolean;
  recipient?: { name: string; address: string };
}): MergeSource {
  const document = caseDocumentSchema.parse(demoScenario().document);
  if (document.facts === undefined) throw new Error('the demo has no facts');
  const facts: Facts = { ...document.facts };
  if (options.complete === true) {
    if (facts.consequences === '') facts.consequences = SCENARIO_CONSEQUENCES;
    if (facts.measures === '') facts.measures = SCENARIO_MEASURES;
  }
  const record: CaseRecord = {
    id: id(999),
    title: document.case.title ?? '',
    organisation: document.case.organisation ?? '',
    status: document.case.status ?? 'investigating',
    createdAt: '2020-11-12T13:05:00.000Z',
    updatedAt: '2020-11-20T08:00:00.000Z',
  };
  return {
    record,
    facts,
    dataElements: document.dataElements.map((e, i) => dataElementSchema.parse({ ...e, id: id(i + 1) })),
    // The demo case counts these people from its roster; SCENARIO.md's figures stand in for it here.
    populations: DEMO_POPULATIONS.map(([jurisdiction, count], i) =>
      populationSchema.parse({ jurisdiction, count, exact: false, id: id(100 + i) }),
    ),
    jurisdiction: options.jurisdiction,
    letterDate: '2020-11-20',
    recipient: options.recipient ?? { name: 'Alex Example', address: '1 Example Street, Springfield' },
    ...(options.language === undefined ? {} : { language: options.language }),
  };
}

/** Demo values for a template: its jurisdiction ("any" → "EU", "US" → "US-TX"), its language; complete with consequences and measures. */
export function demoValuesFor(
  template: LetterTemplate,
  complete = true,
): Record<MergeFieldId, string | null> {
  const jurisdiction =
    template.jurisdiction === 'any' ? 'EU' : template.jurisdiction === 'US' ? 'US-TX' : template.jurisdiction;
  return mergeValues(demoSource({ jurisdiction, language: template.language, complete }));
}

/** The required content of every rule a template answers, without duplicates. */
export function requiredContentOf(template: LetterTemplate): ContentItem[] {
  const items = new Map<string, ContentItem>();
  for (const rule of DEFAULT_RULE_PACK.rules) {
    if (!template.ruleIds.includes(rule.id)) continue;
    for (const item of rule.requiredContent) if (!items.has(item.id)) items.set(item.id, item);
  }
  return [...items.values()];
}

/** Every content item a rule asks for, its stages' included, once each (a staged report's letter answers them all). */
export function requiredContentOfRule(rule: Rule): ContentItem[] {
  const items = new Map<string, ContentItem>();
  for (const item of [...rule.requiredContent, ...rule.stages.flatMap((s) => s.requiredContent)])
    if (!items.has(item.id)) items.set(item.id, item);
  return [...items.values()];
}
