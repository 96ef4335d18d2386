const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text for HTML content and for quoted attribute values. Everything taken from a case is hostile
 * text, never markup: with these five characters escaped it can neither open a tag nor leave an
 * attribute. Not exported: the tag below is the only way text reaches HTML.
 */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Markup made by the `markup` tag (or `raw`). Only this module can make one, so a string that
 * reached a template from a case is always escaped: forgetting to escape is not possible.
 */
export class SafeHtml {
  readonly #markup: string;

  private constructor(markup: string) {
    this.#markup = markup;
  }

  /** @internal Only markup and raw below call this. */
  static fromTrusted(markup: string): SafeHtml {
    return new SafeHtml(markup);
  }

  toString(): string {
    return this.#markup;
  }
}

/** What a template accepts: text (escaped), numbers, nothing (null, undefined, false), markup, lists. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Named markup, not html: Prettier reformats templates tagged `html` as HTML, which would change
 * the strings this program writes.
 *
 * The one way to build HTML: markup`<p class="x">${text}</p>` escapes every interpolated value
 * (in content and in quoted attributes alike) unless it is itself SafeHtml from this tag; lists
 * are joined; null, undefined and false render as nothing; `true` and numbers as their text.
 */
export function markup(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '');
  });
  return SafeHtml.fromTrusted(markup);
}

/**
 * Trusted markup passed through unescaped: only for constants written in this program (a style
 * sheet, an inline SVG), never for anything derived from a case, a file or a person's input.
 */
export function raw(constant: string): SafeHtml {
  return SafeHtml.fromTrusted(constant);
}
