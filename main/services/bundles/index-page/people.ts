import { type DataElement, dataElementLabel } from '../../../../shared/domain/data-elements';
import { sensitivityLabel } from '../../../../shared/domain/data-sensitivity';
import type { Population } from '../../../../shared/domain/populations';
import { jurisdictionName } from '../../../../shared/jurisdictions/jurisdictions';
import { markup, type SafeHtml } from '../../../formats/html/html-template';
import { EMPTY, emptyState, section, warn } from './blocks';
import type { BundleIndexModel } from './model';
import { table } from './table';
import { formatCount } from '../../../../shared/text/count';

// The index page's People and data: who is affected, by jurisdiction, and what data.

function populationsTable(populations: readonly Population[]): SafeHtml {
  if (populations.length === 0) return emptyState('No affected people recorded.');
  const rows = [...populations]
    .map((p) => ({ p, name: jurisdictionName(p.jurisdiction) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const total = populations.reduce((sum, p) => sum + p.count, 0);
  return table({
    caption: 'People affected by jurisdiction',
    narrow: true,
    columns: [
      { heading: 'Jurisdiction' },
      { heading: 'Code' },
      { heading: 'People', align: 'right' },
      { heading: 'Count is' },
    ],
    rows: rows.map(({ p, name }) => [
      markup`${name}`,
      markup`<code>${p.jurisdiction}</code>`,
      markup`${formatCount(p.count)}`,
      markup`${p.exact ? 'exact' : 'estimate'}`,
    ]),
    foot: [markup`Total`, EMPTY, markup`${formatCount(total)}`, EMPTY],
  });
}

function protection(element: DataElement): SafeHtml {
  if (!element.encrypted) return markup`Not encrypted`;
  return element.keyCompromised ? warn('Encrypted, key compromised') : markup`Encrypted`;
}

function dataElementsTable(elements: readonly DataElement[]): SafeHtml {
  if (elements.length === 0) return emptyState('No data elements recorded.');
  return table({
    caption: 'Personal data involved',
    columns: [
      { heading: 'Data element' },
      { heading: 'Sensitivity' },
      { heading: 'Protection' },
      { heading: 'Note' },
    ],
    rows: elements.map((e) => {
      return [
        markup`${dataElementLabel(e.term, e.customLabel)}`,
        markup`${sensitivityLabel(e.term)}`,
        protection(e),
        markup`<span class="prose">${e.note}</span>`,
      ];
    }),
  });
}

export function peopleSection(model: BundleIndexModel): SafeHtml {
  return section({
    id: 'people',
    heading: 'People and data',
    body: markup`${populationsTable(model.populations)}${dataElementsTable(model.dataElements)}`,
  });
}
