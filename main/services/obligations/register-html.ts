import type { RegisterDocument } from '../../../shared/domain/register';
import { escapeHtml } from '../../formats/html/html-escape';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;color:#1c2430;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccd3dc}
dl{display:grid;grid-template-columns:16rem 1fr;gap:.3rem 1rem}dt{color:#55606e}dd{margin:0;white-space:pre-wrap}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{border:1px solid #ccd3dc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f3f6}.meta{color:#55606e}`;

/** The register as one self-contained HTML page: no scripts, no external resources, all text escaped. */
export function registerHtml(document: RegisterDocument): string {
  const sections = document.sections
    .map((s) => {
      const fields =
        s.fields.length === 0
          ? ''
          : `<dl>${s.fields.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;
      const table =
        s.table === null
          ? ''
          : s.table.rows.length === 0
            ? '<p class="meta">None.</p>'
            : `<table><thead><tr>${s.table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${s.table.rows
                .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
                .join('')}</tbody></table>`;
      return `<section><h2>${escapeHtml(s.heading)}</h2>${fields}${table}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(document.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(document.title)}</h1>
<p class="meta">${escapeHtml(document.organisation)} · law as of ${escapeHtml(document.asOf)} · generated ${escapeHtml(document.generatedAt.slice(0, 16).replace('T', ' '))} UTC by ${escapeHtml(document.generatedBy)} with Breachdesk. Decision support, not legal advice.</p>
${sections}
</body></html>
`;
}
