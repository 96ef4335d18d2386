import type { RegisterDocument } from '../../../shared/domain/register';
import { markup, raw, type SafeHtml } from '../../formats/html/html-template';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;color:#1c2430;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccd3dc}
dl{display:grid;grid-template-columns:16rem 1fr;gap:.3rem 1rem}dt{color:#55606e}dd{margin:0;white-space:pre-wrap}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{border:1px solid #ccd3dc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f3f6}.meta{color:#55606e}`;

/** The register as one self-contained HTML page: no scripts, no external resources, all text escaped. */
export function registerHtml(document: RegisterDocument): string {
  const sections = document.sections.map((s, index) => {
    const fields =
      s.fields.length === 0
        ? ''
        : markup`<dl>${s.fields.map((f) => markup`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>`;
    const table =
      s.table === null
        ? ''
        : s.table.rows.length === 0
          ? markup`<p class="meta">None.</p>`
          : markup`<table><thead><tr>${s.table.columns.map((c) => markup`<th>${c}</th>`)}</tr></thead><tbody>${s.table.rows.map(
              (r) => markup`<tr>${r.map((c) => markup`<td>${c}</td>`)}</tr>`,
            )}</tbody></table>`;
    return markup`${index > 0 ? '\n' : ''}<section><h2>${s.heading}</h2>${fields}${table}</section>`;
  });
  const page: SafeHtml = markup`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${document.title}</title><style>${raw(STYLE)}</style></head>
<body><h1>${document.title}</h1>
<p class="meta">${document.organisation} · law as of ${document.asOf} · generated ${document.generatedAt.slice(0, 16).replace('T', ' ')} UTC by ${document.generatedBy} with Breachdesk. Decision support, not legal advice.</p>
${sections}
</body></html>
`;
  return page.toString();
}
