import { markup, type SafeHtml } from '../../../formats/html/html-template';

// Links from the index page to files beside it in the bag.

/**
 * A link to a file beside index.html: each path segment percent-encoded, so names with spaces,
 * `#`, `?` or `:` stay one relative path (never a fragment, a query or a scheme such as
 * `javascript:`). Anything that is not a plain relative path inside data/ gets no link at all.
 */
export function relativeHref(bagPath: string): string | null {
  const segments = bagPath.split('/');
  const plain = segments.every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\'));
  return plain ? segments.map(encodeURIComponent).join('/') : null;
}

export function fileLink(bagPath: string | null, label: string): SafeHtml {
  const href = bagPath === null ? null : relativeHref(bagPath);
  return href === null ? markup`${label}` : markup`<a href="${href}">${label}</a>`;
}
