import { CASE_STATUS_LABELS } from '../../../../shared/domain/case';
import type { Facts } from '../../../../shared/domain/facts';
import type { Population } from '../../../../shared/domain/populations';
import type { ZonedTime } from '../../../../shared/time/zoned-time';
import { markup, type SafeHtml } from '../../../formats/html/html-template';
import { definitions, muted, prose, section } from './blocks';
import type { BundleIndexModel } from './model';
import { sentence, utcText, zonedText } from './text';
import { formatCount } from '../../../../shared/text/count';

// The index page's Summary: the case at a glance and the four key facts in the people's words.

function timeOrNot(time: ZonedTime | null): SafeHtml {
  if (time === null) return muted('Not recorded');
  return markup`${zonedText(time)} ${muted(`(${utcText(time.utc)})`)}`;
}

function peopleTotal(populations: readonly Population[]): string {
  if (populations.length === 0) return 'Not recorded';
  const total = populations.reduce((sum, p) => sum + p.count, 0);
  const estimated = populations.some((p) => !p.exact);
  return `${formatCount(total)}${estimated ? ' (includes estimates)' : ''}`;
}

function contactPair(facts: Facts): readonly [string, string] {
  const o = facts.organisation;
  const who = o.contactKind === 'dpo' ? 'Data protection officer' : 'Contact point';
  const parts = [o.contactName, o.contactEmail, o.contactPhone].filter((p) => p.trim() !== '');
  return [who, parts.length === 0 ? 'Not recorded' : parts.join(' · ')];
}

function keyFact(title: string, text: string): SafeHtml {
  return markup`<div><h3>${title}</h3>${prose(text)}</div>`;
}

export function summarySection(model: BundleIndexModel): SafeHtml {
  const { facts } = model;
  const delay = facts.lawEnforcementDelay;
  const glance = definitions([
    ['Organisation', model.case.organisation],
    ['Role', sentence(facts.organisation.role)],
    ['Main establishment', facts.organisation.establishment || 'Not recorded'],
    contactPair(facts),
    ['Case status', CASE_STATUS_LABELS[model.case.status]],
    ['Incident status', sentence(facts.status)],
    ['Nature of the breach', sentence(facts.nature.join(', ')) || 'Not recorded'],
    ['Discovered', timeOrNot(facts.discoveredAt)],
    ['Aware (notification clocks start)', timeOrNot(facts.awareAt)],
    ['Contained', timeOrNot(facts.containedAt)],
    ['Exposure began', timeOrNot(facts.exposureStart)],
    ['Exposure ended', timeOrNot(facts.exposureEnd)],
    ['People affected', peopleTotal(model.populations)],
    ['Law-enforcement delay', delay.requested ? `Requested. ${delay.note}`.trim() : 'Not requested'],
    ['Case id', markup`<code>${model.case.id}</code>`],
  ]);
  const key = [
    keyFact('What happened', facts.summary),
    keyFact('Cause', facts.cause),
    keyFact('Likely consequences', facts.consequences),
    keyFact('Measures taken or proposed', facts.measures),
  ];
  return section({
    id: 'summary',
    heading: 'Summary',
    body: markup`${glance}<div class="key-facts">${key}</div>`,
  });
}
