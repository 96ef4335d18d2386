import { CASE_STATUS_LABELS } from '../../../../shared/domain/case';
import { markup, type SafeHtml } from '../../../formats/html/html-template';
import { verificationText } from './about';
import type { BundleIndexModel } from './model';
import { utcText } from './text';

// The index page's masthead: title, byline, how to check integrity, and the contents.

const CONTENTS: readonly (readonly [string, string])[] = [
  ['summary', 'Summary'],
  ['timeline', 'Timeline'],
  ['people', 'People and data'],
  ['parties', 'Recipients and parties'],
  ['evidence', 'Evidence'],
  ['obligations', 'Obligations'],
  ['letters', 'Letters'],
  ['tasks', 'Tasks'],
  ['notes', 'Notes'],
  ['about', 'About this bundle'],
];

export function masthead(model: BundleIndexModel): SafeHtml {
  const info = model.bundle;
  const contents = CONTENTS.map(([id, label]) => markup`<li><a href="#${id}">${label}</a></li>`);
  const exported = markup`exported <span class="nowrap">${utcText(info.exportedAt)}</span> by ${info.exportedBy}`;
  const byline = markup`${model.case.organisation} · ${CASE_STATUS_LABELS[model.case.status]} · ${exported}`;
  return markup`<header class="masthead"><p class="eyebrow">Case bundle summary</p><h1>${model.case.title}</h1><p class="byline">${byline}</p><p class="integrity">This page summarises the signed case bundle it sits in. ${verificationText(info)}</p></header><nav aria-label="Contents"><ol>${contents}</ol></nav>`;
}
