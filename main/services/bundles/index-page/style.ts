import { raw } from '../../../formats/html/html-template';

// Neutral greys, one accent, red only for overdue and amber for "to be verified" (UI.md).
export const STYLE = raw(`
:root{--ink:#1c2430;--muted:#55606e;--line:#d5dbe3;--head:#f3f5f8;--accent:#1f4e8c;--warn-ink:#7a4b00;--warn-bg:#fff4db;--bad:#b42318;color-scheme:light}
*{box-sizing:border-box}
body{margin:0 auto;max-width:78rem;padding:2rem 2rem 3rem;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff;font-variant-numeric:tabular-nums}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.92em;white-space:nowrap}
.nowrap{white-space:nowrap}
a{color:var(--accent)}
.masthead{border-bottom:3px solid var(--accent);padding-bottom:1rem}
.eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;font-weight:600;color:var(--accent)}
h1{font-size:1.75rem;line-height:1.2;margin:.3rem 0 .4rem;overflow-wrap:anywhere}
.byline{margin:0;color:var(--muted)}
.integrity{margin:.8rem 0 0;padding:.6rem .8rem;background:var(--head);border-left:3px solid var(--accent);font-size:.9rem}
nav ol{list-style:none;margin:.8rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;font-size:.9rem}
nav a{text-decoration:none}nav a:hover,nav a:focus{text-decoration:underline}
h2{font-size:1.2rem;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1.2rem 0 .3rem}
dl{display:grid;grid-template-columns:minmax(12rem,16rem) 1fr;gap:.35rem 1.2rem;margin:0}
dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
.key-facts{display:grid;grid-template-columns:1fr 1fr;gap:0 2rem;margin-top:.6rem}
.key-facts p{margin:0 0 .4rem}
.prose{white-space:pre-wrap;overflow-wrap:anywhere}
.muted,.stamp{color:var(--muted)}
.empty{color:var(--muted);font-style:italic}
.notice{padding:.6rem .8rem;background:var(--warn-bg);color:var(--warn-ink);border-left:3px solid #d79b00}
.warn{display:inline-block;color:var(--warn-ink);background:var(--warn-bg);padding:0 .3rem;border-radius:3px}
.overdue{display:inline-block;color:#fff;background:var(--bad);padding:0 .35rem;border-radius:3px;font-weight:600;font-size:.85em}
.table-wrap{overflow-x:auto;margin:.6rem 0 1.2rem}
table{border-collapse:collapse;width:100%;font-size:13px}
caption{text-align:left;font-weight:600;padding:0 0 .4rem;color:var(--ink)}
th,td{border-bottom:1px solid var(--line);padding:.45rem .6rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
table.narrow{width:auto;min-width:min(100%,40rem)}
table.compact{font-size:12px}table.compact th,table.compact td{padding:.25rem .6rem}
thead th{background:var(--head);border-bottom:2px solid var(--line);font-weight:600;white-space:nowrap}
tbody th{font-weight:normal}
tfoot th,tfoot td{font-weight:600;border-top:2px solid var(--line)}
.num{text-align:right}
.when,.size{white-space:nowrap}
.hash-cell{width:16.5rem}
code.hash{white-space:normal;word-break:break-all;overflow-wrap:anywhere}
td code.hash{display:block;font-size:12px;line-height:1.4}
.path{display:block;font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px;color:var(--muted);overflow-wrap:anywhere}
.tag{display:inline-block;margin:.15rem .3rem 0 0;padding:0 .4rem;border:1px solid var(--line);border-radius:3px;font-size:.8rem;color:var(--muted)}
ul.plain{margin:0;padding-left:1rem}ul.plain li+li{margin-top:.3rem}
ul.inline{list-style:none;margin:0;padding:0;display:flex;gap:.8rem}
.note{border:1px solid var(--line);border-radius:4px;padding:.2rem 1rem .6rem;margin:.8rem 0}
.note h3{margin-top:.6rem}
.stamp{margin:.1rem 0 .5rem;font-size:.85rem}
.privileged{display:inline-block;margin:.6rem 0 0;padding:.05rem .45rem;border:1px solid var(--bad);color:var(--bad);font-weight:600;font-size:.75rem;text-transform:uppercase;letter-spacing:.05em}
footer{margin-top:2.5rem;padding-top:.8rem;border-top:1px solid var(--line);color:var(--muted);font-size:.8rem;overflow-wrap:anywhere}
@media (max-width:48rem){
body{padding:1rem}
h1{font-size:1.35rem}
dl{grid-template-columns:1fr;gap:0}
dd{margin-bottom:.5rem}
.key-facts{grid-template-columns:1fr}
.hash-cell{width:auto;min-width:12rem}
}
@media print{
@page{margin:15mm}
body{max-width:none;padding:0;font-size:10pt}
nav{display:none}
a{color:inherit;text-decoration:none}
.table-wrap{overflow:visible}
table{font-size:9pt}
thead{display:table-header-group}
tr,.note,dl{break-inside:avoid}
h2,h3,caption{break-after:avoid}
h2{margin-top:1.4rem}
.masthead,.integrity,thead th,.warn,.notice,.overdue{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
`);
