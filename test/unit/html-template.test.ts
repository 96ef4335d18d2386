import { describe, expect, it } from 'vitest';
import { markup, raw, SafeHtml, type HtmlValue } from '../../main/formats/html/html-template';

describe('the markup tag', () => {
  it('escapes < > & " and \' in text', () => {
    expect(markup`<p>${'<script>alert("x") & \'y\'</script>'}</p>`.toString()).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;</p>',
    );
  });

  it('escapes attribute values so they cannot leave their quotes', () => {
    const hostile = '" onmouseover="alert(1)';
    expect(markup`<a title="${hostile}" href='${"' x='1"}'>x</a>`.toString()).toBe(
      '<a title="&quot; onmouseover=&quot;alert(1)" href=\'&#39; x=&#39;1\'>x</a>',
    );
  });

  it('nests fragments without escaping them twice', () => {
    const inner = markup`<b>${'a & b'}</b>`;
    expect(markup`<p>${inner}</p>`.toString()).toBe('<p><b>a &amp; b</b></p>');
  });

  it('joins lists, escaping plain strings inside them', () => {
    const items: HtmlValue = ['<x>', markup`<i>y</i>`, ['z', 1]];
    expect(markup`<li>${items}</li>`.toString()).toBe('<li>&lt;x&gt;<i>y</i>z1</li>');
  });

  it('renders null, undefined and false as nothing; numbers and true as text', () => {
    expect(markup`[${null}${undefined}${false}|${0}|${3.5}|${true}]`.toString()).toBe('[|0|3.5|true]');
  });

  it('never trusts a plain string, even one that looks like markup it made', () => {
    const made = markup`<em>ok</em>`.toString();
    expect(markup`${made}`.toString()).toBe('&lt;em&gt;ok&lt;/em&gt;');
    // A look-alike object is not SafeHtml either.
    const fake = { toString: () => '<img src=x onerror=alert(1)>' } as unknown as string;
    expect(markup`${fake}`.toString()).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('passes raw constants through unescaped', () => {
    expect(markup`<style>${raw('a>b{color:red}')}</style>`.toString()).toBe('<style>a>b{color:red}</style>');
    expect(raw('x')).toBeInstanceOf(SafeHtml);
  });
});
