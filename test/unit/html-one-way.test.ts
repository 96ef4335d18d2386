import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// HTML is built one way (issue 15, point 6): with the `markup` tag of main/formats/html, which
// escapes every value it is given. This test refuses the other ways: HTML in a plain string or in
// a template not tagged `markup`, a tag name glued on with `+`, a hand-written escape (an entity
// in a string) and any import of the escaping function. In the renderer, React builds the DOM and
// only dangerouslySetInnerHTML or an innerHTML assignment would take HTML from a string.

const ROOT = resolve(import.meta.dirname, '../..');
/** The tag's own module: the one place allowed to write raw HTML strings and to escape. */
const TAG_HOME = 'main/formats/html/';

/** Text that opens or closes an element: `<p>`, `</td>`, `<meta `, `<br/`. */
const ELEMENT = /<\/?[a-z][a-z0-9-]*[\s>/]/i;
/** An HTML entity written by hand: what a home-made escaper produces. */
const ENTITY = /&(?:lt|gt|amp|quot|apos|#39|#x27);/i;
/** A lone `<` or `</` glued to something with `+`: a tag whose name comes from elsewhere. */
const OPENER = /^<\/?$/;

interface Allowed {
  file: string;
  /** A substring of the literal's text (template interpolations read as `${}`). */
  text: string;
  reason: string;
}

/** Literals that look like HTML but build none. Keep it short: prefer converting to `markup`. */
const ALLOWED: readonly Allowed[] = [
  {
    file: 'main/formats/bagit/bag-check.ts',
    text: 'is not "<octets>.<files>".',
    reason: "a validation message quoting BagIt's Payload-Oxum syntax (RFC 8493 §2.2.2), plain text",
  },
];

interface Finding {
  file: string;
  line: number;
  text: string;
  why: string;
}

function sourceFiles(folder: string, pattern: RegExp): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

/** The literal's text, interpolations shown as `${}`; null for nodes that are not string literals. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('${}');
  }
  return null;
}

/** Whether the file's `markup` is the real tag, not a home-made one of the same name. */
function importsTheTag(tree: ts.SourceFile): boolean {
  return tree.statements.some((statement) => {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return false;
    const bindings = statement.importClause?.namedBindings;
    return (
      /formats\/html\/html-template$/.test(statement.moduleSpecifier.text) &&
      bindings !== undefined &&
      ts.isNamedImports(bindings) &&
      bindings.elements.some((e) => e.name.text === 'markup' && e.propertyName === undefined)
    );
  });
}

function htmlProblem(node: ts.Node, text: string, realTag: boolean): string | null {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return null;
  const tag = ts.isTaggedTemplateExpression(parent) ? parent.tag.getText() : null;
  if (tag === 'markup') return realTag ? null : 'a markup tag not imported from main/formats/html';
  // An interpolation may supply the tag name: `<${tag}>` is HTML too.
  if (ELEMENT.test(text.replace(/\$\{\}/g, 'x'))) {
    return tag === null ? 'HTML in a string not built with markup' : `HTML in a template tagged ${tag}`;
  }
  if (ENTITY.test(text)) return 'an HTML entity written by hand (escape with markup)';
  const glued = ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken;
  return glued && OPENER.test(text) ? 'a tag put together with +' : null;
}

function importProblem(node: ts.Node): string | null {
  if (!ts.isImportDeclaration(node) && !ts.isExportDeclaration(node)) return null;
  const from = node.moduleSpecifier;
  if (from !== undefined && ts.isStringLiteral(from) && /html-escape$/.test(from.text)) {
    return 'imports the escaping module (use markup)';
  }
  return /\bescapeHtml\b/.test(node.getText(node.getSourceFile())) ? 'imports escapeHtml (use markup)' : null;
}

/** Everything in one file that builds HTML by hand. */
function handBuiltHtml(file: string, source: string): Finding[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const realTag = importsTheTag(tree);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string, why: string): void => {
    const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
    findings.push({ file, line, text, why });
  };
  const visit = (node: ts.Node): void => {
    const imported = importProblem(node);
    if (imported !== null) report(node, node.getText(tree), imported);
    const text = literalText(node);
    const problem = text === null ? null : htmlProblem(node, text, realTag);
    if (text !== null && problem !== null) report(node, text, problem);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return findings;
}

function isAllowed(finding: Finding): boolean {
  return ALLOWED.some((a) => a.file === finding.file && finding.text.includes(a.text));
}

function scanned(): Finding[] {
  const files = ['main', 'shared'].flatMap((world) => sourceFiles(join(ROOT, world), /\.tsx?$/));
  return files
    .map((path) => relative(ROOT, path).split('\\').join('/'))
    .filter((file) => !file.startsWith(TAG_HOME))
    .flatMap((file) => handBuiltHtml(file, readFileSync(join(ROOT, file), 'utf8')));
}

const where = (f: Finding): string => `${f.file}:${f.line}: ${f.why}: ${JSON.stringify(f.text)}`;

describe('HTML is built one way', () => {
  const findings = scanned();

  it('main/ and shared/ build no HTML by hand and never import escapeHtml', () => {
    expect(findings.filter((f) => !isAllowed(f)).map(where)).toEqual([]);
  });

  it('every allowed entry still matches something, with its reason', () => {
    for (const entry of ALLOWED) {
      expect(entry.reason.trim(), entry.file).not.toBe('');
      const used = findings.some((f) => f.file === entry.file && f.text.includes(entry.text));
      expect(used, `stale entry: ${entry.file} ${entry.text}`).toBe(true);
    }
  });

  it('the renderer never takes HTML from a string', () => {
    const renderer = join(ROOT, 'renderer/src');
    const offences = sourceFiles(renderer, /\.tsx?$/).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          /dangerouslySetInnerHTML|\.(?:inner|outer)HTML\s*\+?=(?!=)|insertAdjacentHTML/.test(line)
            ? [`${relative(ROOT, path)}:${index + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offences).toEqual([]);
  });
});

describe('the detector', () => {
  const whys = (source: string): string[] => handBuiltHtml('x.ts', source).map((f) => f.why);

  it.each([
    ['a string with a tag', "const a = '<p>' + text + '</p>';"],
    ['an untagged template', 'const a = `<td class="x">${text}</td>`;'],
    ['a tag name from a variable', 'const a = `<${tag}>`;'],
    ['another tag', 'const a = String.raw`<b>${text}</b>`;'],
    ['a tag glued with +', "const a = '<' + tag + '>';"],
    ['an escaper written by hand', "text.replace(/&/g, '&amp;');"],
    ['a home-made markup tag', 'const markup = (s: TemplateStringsArray) => s.join("");\nmarkup`<p>`;'],
    ['an import of escapeHtml', "import { escapeHtml } from '../formats/html/html-escape';"],
  ])('flags %s', (_name, source) => {
    expect(whys(source)).not.toEqual([]);
  });

  it.each([
    [
      'the markup tag',
      'import { markup } from \'../formats/html/html-template\';\nconst a = markup`<p class="x">${text}</p>`;',
    ],
    ['a comparison', "if (text[at] === '<') at += 1;"],
    ['a comment', '// returns <p>text</p>\nconst a = 1;'],
    ['plain text with angle brackets', "const a = 'a < b and c > d';"],
  ])('leaves %s alone', (_name, source) => {
    expect(whys(source)).toEqual([]);
  });
});
