import type { EvidenceItem } from '../../../../shared/domain/evidence';
import { markup, type SafeHtml } from '../../../formats/html/html-template';
import { EMPTY, emptyState, lines, muted, section } from './blocks';
import { fileLink } from './links';
import type { BundleEvidenceEntry, BundleIndexModel } from './model';
import { table } from './table';
import { utcText, zonedText } from './text';
import { formatCount } from '../../../../shared/text/count';
import { formatBytes } from '../../../../shared/text/bytes';
import { plural } from '../../../../shared/text/plural';

// The index page's Evidence: each file with its size, SHA-256 and a relative link when included.

function evidenceFileCell({ item, bagPath }: BundleEvidenceEntry): SafeHtml {
  return lines([
    markup`<strong>${fileLink(bagPath, item.name)}</strong>`,
    bagPath === null ? EMPTY : markup`<span class="path">${bagPath}</span>`,
    item.description.trim() === '' ? EMPTY : muted(item.description),
  ]);
}

function collectedCell(item: EvidenceItem): SafeHtml {
  return lines([
    markup`${item.collectedBy || 'Collector not recorded'}`,
    item.collectedAt === null ? muted('Time not recorded') : markup`${zonedText(item.collectedAt)}`,
    item.source === '' ? EMPTY : muted(`Source: ${item.source}`),
    muted(`Added ${utcText(item.addedAt)} by ${item.addedBy}`),
  ]);
}

function evidenceIntro(model: BundleIndexModel): SafeHtml {
  if (!model.bundle.includesEvidence) {
    return markup`<p class="notice">This bundle was exported without evidence bytes: the files are listed with their SHA-256 so that copies held elsewhere can be checked against them.</p>`;
  }
  return markup`<p class="muted">The original files are in <code>evidence/</code> beside this page; the links open them. Their SHA-256 is also in the bag's <code>manifest-sha256.txt</code>.</p>`;
}

function sizeCell(bytes: number): SafeHtml {
  const human = formatBytes(bytes);
  const exact = `${formatCount(bytes)} bytes`;
  return human === exact ? markup`${exact}` : lines([markup`${human}`, muted(exact)]);
}

function evidenceRow(entry: BundleEvidenceEntry): SafeHtml[] {
  const { item } = entry;
  return [
    evidenceFileCell(entry),
    sizeCell(item.size),
    markup`<code class="hash">${item.sha256}</code>`,
    lines([markup`${item.mediaType}`, muted(item.kind)]),
    collectedCell(item),
  ];
}

export function evidenceSection(model: BundleIndexModel): SafeHtml {
  if (model.evidence.length === 0) {
    return section({ id: 'evidence', heading: 'Evidence', body: emptyState('No evidence in this bundle.') });
  }
  const total = model.evidence.reduce((sum, e) => sum + e.item.size, 0);
  const list = table({
    caption: `${plural(model.evidence.length, 'file')}, ${formatBytes(total)} in all`,
    columns: [
      { heading: 'File' },
      { heading: 'Size', align: 'right', className: 'size' },
      { heading: 'SHA-256', className: 'hash-cell' },
      { heading: 'Detected type' },
      { heading: 'Collected' },
    ],
    rows: model.evidence.map(evidenceRow),
  });
  return section({ id: 'evidence', heading: 'Evidence', body: markup`${evidenceIntro(model)}${list}` });
}
