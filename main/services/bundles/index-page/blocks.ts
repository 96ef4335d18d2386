import { markup, type SafeHtml } from '../../../formats/html/html-template';

// Small pieces every section of the index page is made of.

/** Nothing: lines() leaves it out, so an optional part of a cell can be written inline. */
export const EMPTY = markup``;

/** Text a person typed (several lines, Markdown for notes): shown as text, line breaks kept. */
export function prose(text: string, empty = 'Not recorded.'): SafeHtml {
  return text.trim() === '' ? markup`<p class="muted">${empty}</p>` : markup`<p class="prose">${text}</p>`;
}

export function muted(text: string): SafeHtml {
  return markup`<span class="muted">${text}</span>`;
}

export function warn(text: string): SafeHtml {
  return markup`<span class="warn">⚠ ${text}</span>`;
}

/** One line per part, skipping empty ones: cells that stack a value and its details. */
export function lines(items: readonly SafeHtml[]): SafeHtml {
  return markup`${items.filter((i) => i.toString() !== '').map((i) => markup`<div>${i}</div>`)}`;
}

export function definitions(pairs: readonly (readonly [string, SafeHtml | string])[]): SafeHtml {
  return markup`<dl>${pairs.map(([term, value]) => markup`<dt>${term}</dt><dd>${value}</dd>`)}</dl>`;
}

export function emptyState(text: string): SafeHtml {
  return markup`<p class="empty">${text}</p>`;
}

interface SectionSpec {
  id: string;
  heading: string;
  body: SafeHtml;
}

export function section({ id, heading, body }: SectionSpec): SafeHtml {
  return markup`<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${heading}</h2>${body}</section>`;
}
