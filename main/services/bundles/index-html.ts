import { markup } from '../../formats/html/html-template';
import { aboutSection } from './index-page/about';
import { evidenceSection } from './index-page/evidence';
import { lettersSection } from './index-page/letters';
import { masthead } from './index-page/masthead';
import type { BundleIndexModel } from './index-page/model';
import { notesSection } from './index-page/notes';
import { obligationsSection } from './index-page/obligations';
import { partiesSection } from './index-page/parties';
import { peopleSection } from './index-page/people';
import { STYLE } from './index-page/style';
import { summarySection } from './index-page/summary';
import { tasksSection } from './index-page/tasks';
import { timelineSection } from './index-page/timeline';

/** One self-contained page: no scripts, nothing loaded from anywhere, every case value escaped. */
export function renderBundleIndex(model: BundleIndexModel): string {
  const sections = [
    summarySection(model),
    timelineSection(model),
    peopleSection(model),
    partiesSection(model),
    evidenceSection(model),
    obligationsSection(model),
    lettersSection(model),
    tasksSection(model),
    notesSection(model),
    aboutSection(model),
  ];
  const info = model.bundle;
  return markup`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${info.software}">
<title>${model.case.title} · case bundle summary</title>
<style>${STYLE}</style></head>
<body>${masthead(model)}<main>${sections}</main>
<footer><p>Bundle <code>${info.bundleId}</code> · ${info.software} · signing key <code class="hash">${info.signerFingerprint}</code></p></footer>
</body></html>
`.toString();
}
