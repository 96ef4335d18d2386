import { decodeEntity, ENTITY_AT } from './html-entities';

type Mode = 'text' | 'tag' | 'comment' | 'cdata' | 'declaration' | 'raw';

/** Tags that separate words when rendered; stripping them leaves a space so words do not run together. */
const SEPARATING_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'img',
  'input',
  'li',
  'main',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'text',
  'th',
  'title',
  'tr',
  'tspan',
  'ul',
]);

/** Elements whose content is code, not text, in HTML and SVG alike. */
const RAW_TEXT_TAGS = new Set(['script', 'style']);

const NEXT_SPECIAL = /[<&]/g;
const TAG_START = /^<\/?[A-Za-z]/;

/**
 * Turns HTML, SVG or XML source into the human text in it, page by page, for the search index.
 * Every line break of the source is kept (also inside tags, comments and scripts), so a hit's
 * line number in the stripped text is its line in the source the preview shows.
 *
 * Pages end at line boundaries; a tag, comment or script may run across pages, which is why the
 * parse state lives on the instance. A token cut at a page end (only if the pager had to split an
 * overlong line) is read as far as the page goes.
 */
export class MarkupTextStripper {
  private mode: Mode = 'text';
  /** In a tag: the quote of the attribute value being read, if any. */
  private quote: '"' | "'" | null = null;
  private afterEquals = false;
  private tagName = '';
  private readingName = false;
  private closing = false;
  private lastSlash = false;
  /** In raw mode: the element whose end tag ends it. */
  private rawTag = '';
  private lastChar = '\n';

  push(page: string): string {
    const out: string[] = [];
    const emit = (text: string): void => {
      if (text === '') return;
      out.push(text);
      this.lastChar = text[text.length - 1] ?? this.lastChar;
    };
    let at = 0;
    while (at < page.length) at = this.step(page, at, emit);
    return out.join('');
  }

  private step(page: string, at: number, emit: (text: string) => void): number {
    switch (this.mode) {
      case 'text':
        return this.text(page, at, emit);
      case 'tag':
        return this.tag(page, at, emit);
      case 'raw':
        return this.raw(page, at, emit);
      case 'comment':
        return this.skipTo(page, at, '-->', emit);
      case 'declaration':
        return this.skipTo(page, at, '>', emit);
      case 'cdata':
        return this.cdata(page, at, emit);
    }
  }

  private text(page: string, at: number, emit: (text: string) => void): number {
    NEXT_SPECIAL.lastIndex = at;
    const found = NEXT_SPECIAL.exec(page);
    const special = found ? found.index : page.length;
    emit(page.slice(at, special));
    if (!found) return page.length;
    return found[0] === '&' ? this.entity(page, special, emit) : this.markupOpen(page, special, emit);
  }

  private entity(page: string, at: number, emit: (text: string) => void): number {
    ENTITY_AT.lastIndex = at;
    const match = ENTITY_AT.exec(page);
    const decoded = match?.[1] === undefined ? null : decodeEntity(match[1]);
    if (match === null || decoded === null) {
      emit('&');
      return at + 1;
    }
    emit(decoded);
    return at + match[0].length;
  }

  private markupOpen(page: string, at: number, emit: (text: string) => void): number {
    const ahead = page.slice(at, at + 9);
    if (ahead.startsWith('<!--')) return this.enter('comment', at + 4);
    if (ahead === '<![CDATA[') return this.enter('cdata', at + 9);
    if (ahead.startsWith('<!') || ahead.startsWith('<?')) return this.enter('declaration', at + 2);
    if (!TAG_START.test(ahead)) {
      emit('<');
      return at + 1;
    }
    this.closing = ahead[1] === '/';
    this.tagName = '';
    this.readingName = true;
    this.quote = null;
    this.afterEquals = false;
    this.lastSlash = false;
    return this.enter('tag', at + (this.closing ? 2 : 1));
  }

  private enter(mode: Mode, at: number): number {
    this.mode = mode;
    return at;
  }

  private tag(page: string, from: number, emit: (text: string) => void): number {
    for (let at = from; at < page.length; at++) {
      const char = page[at] ?? '';
      if (char === '\n') emit('\n');
      if (this.quote !== null) {
        if (char === this.quote) this.quote = null;
        continue;
      }
      if (this.readingName && /[\w:.-]/.test(char)) {
        this.tagName += char.toLowerCase();
        continue;
      }
      this.readingName = false;
      if (char === '>') return this.endTag(at + 1, emit);
      if ((char === '"' || char === "'") && this.afterEquals) this.quote = char;
      if (char === '=') this.afterEquals = true;
      else if (!/\s/.test(char)) this.afterEquals = false;
      if (!/\s/.test(char)) this.lastSlash = char === '/';
    }
    return page.length;
  }

  private endTag(at: number, emit: (text: string) => void): number {
    // The local name decides, so `svg:script` in namespaced XML is a script too.
    const name = this.tagName.slice(this.tagName.lastIndexOf(':') + 1);
    if (SEPARATING_TAGS.has(name) && !/\s/.test(this.lastChar)) emit(' ');
    // A self-closed `<script/>` (SVG, XHTML) has no content to skip.
    if (!this.closing && !this.lastSlash && RAW_TEXT_TAGS.has(name)) {
      this.rawTag = name;
      return this.enter('raw', at);
    }
    return this.enter('text', at);
  }

  private raw(page: string, at: number, emit: (text: string) => void): number {
    const end = new RegExp(`</(?:[\\w.-]+:)?${this.rawTag}(?=[\\s/>]|$)`, 'gi');
    end.lastIndex = at;
    const found = end.exec(page);
    const stop = found ? found.index : page.length;
    emitLineBreaks(page.slice(at, stop), emit);
    if (!found) return page.length;
    this.closing = true;
    this.tagName = this.rawTag;
    this.readingName = false;
    this.quote = null;
    this.lastSlash = false;
    return this.enter('tag', stop + found[0].length);
  }

  private skipTo(page: string, at: number, closer: string, emit: (text: string) => void): number {
    const found = page.indexOf(closer, at);
    const stop = found < 0 ? page.length : found;
    emitLineBreaks(page.slice(at, stop), emit);
    if (found < 0) return page.length;
    return this.enter('text', found + closer.length);
  }

  /** CDATA content is text as written (no references); only the markers go. */
  private cdata(page: string, at: number, emit: (text: string) => void): number {
    const found = page.indexOf(']]>', at);
    emit(page.slice(at, found < 0 ? page.length : found));
    if (found < 0) return page.length;
    return this.enter('text', found + 3);
  }
}

function emitLineBreaks(skipped: string, emit: (text: string) => void): void {
  let count = 0;
  for (let at = skipped.indexOf('\n'); at >= 0; at = skipped.indexOf('\n', at + 1)) count++;
  if (count > 0) emit('\n'.repeat(count));
}
