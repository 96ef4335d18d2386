import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBundleIndex } from '../../main/services/bundles/index-html';
import { relativeHref } from '../../main/services/bundles/index-page/links';
import type { BundleIndexModel } from '../../main/services/bundles/index-page/model';
import { demoBundleIndexModel, evidenceBagPath } from '../helpers/bundle-index-model';

const HEADINGS = [
  'Summary',
  'Timeline',
  'People and data',
  'Recipients and parties',
  'Evidence',
  'Obligations',
  'Letters',
  'Tasks',
  'Notes',
  'About this bundle',
];

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(document.cookie)>';
const SCHEME = 'javascript:alert(1)';

interface Tag {
  name: string;
  attributes: { name: string; value: string }[];
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Every tag of the page with its attributes. Sound because the page escapes every `<` of its
 * text: each literal `<` opens real markup, so whatever a browser would treat as a tag is here.
 */
function tagsOf(page: string): Tag[] {
  return [...page.matchAll(/<([a-zA-Z][^\s/>]*)([^>]*)>/g)].map((m) => ({
    name: (m[1] ?? '').toLowerCase(),
    attributes: [...(m[2] ?? '').matchAll(/([^\s=/"']+)(?:\s*=\s*"([^"]*)")?/g)].map((a) => ({
      name: (a[1] ?? '').toLowerCase(),
      value: decodeEntities(a[2] ?? ''),
    })),
  }));
}

function attributeValues(page: string, attribute: string): string[] {
  return tagsOf(page).flatMap((t) => t.attributes.filter((a) => a.name === attribute).map((a) => a.value));
}

function headingsOf(page: string): string[] {
  return [...page.matchAll(/<h2[^>]*>(.*?)<\/h2>/g)].map((m) => decodeEntities(m[1] ?? ''));
}

/** The demo with hostile text in every kind of record the page shows. */
function hostile(base: BundleIndexModel): BundleIndexModel {
  const [firstEvidence, ...restEvidence] = base.evidence;
  const [firstLetter, ...restLetters] = base.letters;
  const [firstParty, ...restParties] = base.parties;
  const [firstEvent, ...restEvents] = base.events;
  const [firstTask, ...restTasks] = base.tasks;
  const [firstNote, ...restNotes] = base.notes;
  if (!firstEvidence || !firstLetter || !firstParty || !firstEvent || !firstTask || !firstNote) {
    throw new Error('the demo lacks a record kind');
  }
  const schemeName = `${SCHEME}.csv`;
  const spaced = 'access log #1?.csv';
  return {
    ...base,
    case: { ...base.case, title: `Exposure ${SCRIPT}`, organisation: `Sonora ${BREAKOUT}` },
    facts: { ...base.facts, summary: `${SCRIPT}\n${BREAKOUT}` },
    events: [{ ...firstEvent, title: BREAKOUT, source: SCHEME }, ...restEvents],
    parties: [{ ...firstParty, name: `${SCRIPT} Partner`, email: BREAKOUT }, ...restParties],
    tasks: [{ ...firstTask, title: SCRIPT, owner: BREAKOUT }, ...restTasks],
    notes: [{ ...firstNote, title: BREAKOUT, body: `<a href="${SCHEME}">click</a>` }, ...restNotes],
    evidence: [
      {
        item: { ...firstEvidence.item, name: schemeName, description: SCRIPT },
        bagPath: evidenceBagPath(0, schemeName),
      },
      ...restEvidence,
      {
        item: { ...firstEvidence.item, name: spaced, collectedBy: BREAKOUT },
        bagPath: evidenceBagPath(restEvidence.length + 1, spaced),
      },
    ],
    letters: [
      {
        letter: { ...firstLetter.letter, title: BREAKOUT },
        files: [{ format: 'pdf', bagPath: `letters/${SCHEME}.pdf` }],
      },
      ...restLetters,
    ],
    bundle: { ...base.bundle, exportedBy: SCRIPT, software: BREAKOUT },
  };
}

let dir = '';
let demo: BundleIndexModel;
let demoPage = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'breachdesk-bundle-index-'));
  demo = await demoBundleIndexModel(dir);
  demoPage = renderBundleIndex(demo);
}, 60_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('the bundle index page', () => {
  it('has every section heading, in order', () => {
    expect(headingsOf(demoPage)).toEqual(HEADINGS);
    expect(demoPage).toContain('<h1>Partner API exposure (partner-sync 3.2)</h1>');
  });

  it('is one self-contained document: language, charset, a strict CSP, print styles, no scripts', () => {
    expect(demoPage.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(demoPage).toContain('<meta charset="utf-8">');
    expect(demoPage).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(demoPage).toContain('@media print');
    const names = new Set(tagsOf(demoPage).map((t) => t.name));
    for (const banned of ['script', 'img', 'link', 'iframe', 'object', 'embed', 'form', 'base']) {
      expect(names.has(banned), banned).toBe(false);
    }
  });

  it('uses tables with captions and scoped header cells', () => {
    const tables = demoPage.match(/<table[^>]*>/g)?.length ?? 0;
    expect(tables).toBeGreaterThan(5);
    expect(demoPage.match(/<table[^>]*><caption>/g)?.length).toBe(tables);
    const headerCells = tagsOf(demoPage).filter((t) => t.name === 'th');
    expect(headerCells.every((th) => th.attributes.some((a) => a.name === 'scope'))).toBe(true);
  });

  it('lists every evidence file with its SHA-256, size in bytes and a relative link', () => {
    expect(demo.evidence.length).toBeGreaterThan(0);
    for (const { item, bagPath } of demo.evidence) {
      expect(demoPage).toContain(`<code class="hash">${item.sha256}</code>`);
      expect(demoPage).toContain(`${new Intl.NumberFormat('en-GB').format(item.size)} bytes`);
      expect(attributeValues(demoPage, 'href')).toContain(relativeHref(bagPath ?? ''));
    }
  });

  it('shows the timeline in time order with UTC times', () => {
    const reversed = renderBundleIndex({ ...demo, events: [...demo.events].reverse() });
    const titles = [...demo.events].sort((a, b) => a.at.utc.localeCompare(b.at.utc)).map((e) => e.title);
    const positions = titles.map((t) => reversed.indexOf(`<strong>${t}</strong>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(demoPage).toContain('2020-11-16 08:30 UTC');
  });

  it('gives obligations with who must be told, a UTC deadline with the zone noted, and the citation', () => {
    const art33 = demo.obligations.rows.find((r) => r.ruleId === 'gdpr-art33-lead-authority');
    expect(art33?.obligation).not.toBeNull();
    expect(demoPage).toContain('Integritetsskyddsmyndigheten (IMY), Sweden');
    expect(demoPage).toContain('<strong>2020-11-19 08:30 UTC</strong>');
    expect(demoPage).toContain('2020-11-19 09:30 Europe/Stockholm');
    expect(demoPage).toContain('with the local time in Europe/Stockholm');
    expect(demoPage).toContain(art33?.obligation?.citation ?? 'missing');
  });

  it('lists the notices waiting for the risk decision apart, and ⚠ on unverified rules not owed', () => {
    expect(demo.obligations.decisionNeeded.map((d) => d.ruleId)).toEqual(['gdpr-art34-data-subjects']);
    const waiting = demoPage.slice(
      demoPage.indexOf('Decision needed: notices that wait for the risk decision'),
    );
    expect(waiting).toContain('Communicate the breach to the people affected (GDPR Art. 34)');
    const notOwed = demoPage.slice(demoPage.indexOf('Rules considered that owe nothing here'));
    expect(notOwed).not.toContain('(GDPR Art. 34)');
    const washington = notOwed.slice(notOwed.indexOf('Notify the Washington Attorney General'));
    expect(washington.slice(0, washington.indexOf('</tr>'))).toContain('⚠ Rule text not yet verified');
  });

  it('links each letter file relatively', () => {
    const hrefs = attributeValues(demoPage, 'href');
    for (const { files } of demo.letters) {
      for (const file of files) expect(hrefs).toContain(relativeHref(file.bagPath));
    }
  });

  it('explains how to verify the bundle', () => {
    expect(demoPage).toContain('<code>manifest-sha256.txt</code>');
    expect(demoPage).toContain('<code>tagmanifest-sha256.txt.sig</code>, Ed25519, key fingerprint');
    expect(demoPage).toContain(demo.bundle.signerFingerprint);
    expect(demoPage).toContain(demo.bundle.auditHead);
    expect(demoPage).toContain('<code>bagit.py --validate</code>');
  });
});

describe('hostile case text', () => {
  let page = '';
  beforeAll(() => {
    page = renderBundleIndex(hostile(demo));
  });

  it('is escaped: no script, no event handler attribute, no image', () => {
    expect(page.toLowerCase()).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(document.cookie)&gt;');
    const tags = tagsOf(page);
    expect(tags.filter((t) => ['script', 'img'].includes(t.name))).toEqual([]);
    const handlers = tags.flatMap((t) => t.attributes.filter((a) => a.name.startsWith('on')));
    expect(handlers).toEqual([]);
  });

  it('never yields a javascript: link, and links only relatively', () => {
    const targets = [...attributeValues(page, 'href'), ...attributeValues(page, 'src')];
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      expect(target).not.toMatch(/^\s*[a-z][a-z0-9+.-]*:/i);
      expect(target).not.toMatch(/^\s*\/\//);
    }
    expect(attributeValues(page, 'src')).toEqual([]);
    expect(attributeValues(page, 'href')).toContain('evidence/001-javascript%3Aalert(1).csv');
    expect(attributeValues(page, 'href')).toContain('letters/javascript%3Aalert(1).pdf');
  });

  it('percent-encodes file names segment by segment, so spaces, # and ? stay in the path', () => {
    const last = demo.evidence.length + 1;
    const expected = `evidence/${String(last).padStart(3, '0')}-access%20log%20%231%3F.csv`;
    expect(attributeValues(page, 'href')).toContain(expected);
    expect(decodeURIComponent(expected.split('/')[1] ?? '')).toBe(
      `${String(last).padStart(3, '0')}-access log #1?.csv`,
    );
  });

  it('refuses to link anything that is not a plain relative path inside data/', () => {
    for (const bad of ['../bag-info.txt', '/etc/passwd', 'evidence//x', 'evidence/./x', 'a\\b', '']) {
      expect(relativeHref(bad), bad).toBeNull();
    }
    expect(relativeHref('evidence/001-a b.csv')).toBe('evidence/001-a%20b.csv');
  });
});

describe('what the export left out', () => {
  it('says a bundle without evidence bytes lists the files but links none', async () => {
    const model = await demoBundleIndexModel(mkdtempSync(join(dir, 'no-evidence-')), {
      includeEvidence: false,
    });
    const page = renderBundleIndex(model);
    expect(page).toContain('exported without evidence bytes');
    expect(attributeValues(page, 'href').filter((h) => h.startsWith('evidence/'))).toEqual([]);
    for (const { item } of model.evidence) expect(page).toContain(item.sha256);
  }, 60_000);

  it('says when there is no evidence at all', () => {
    const page = renderBundleIndex({ ...demo, evidence: [] });
    expect(page).toContain('No evidence in this bundle.');
  });

  it('marks privileged notes when the export included them', async () => {
    const model = await demoBundleIndexModel(mkdtempSync(join(dir, 'privileged-')), {
      includePrivileged: true,
    });
    const page = renderBundleIndex(model);
    expect(page).toContain(
      '<p class="privileged">Privileged &amp; confidential</p><h3>Counsel: regulatory risk view</h3>',
    );
    expect(demoPage).not.toContain('Counsel: regulatory risk view');
    expect(demoPage).toContain('Privileged notes were left out of this bundle.');
  }, 60_000);

  it('never shows a privileged note the export did not include', () => {
    const [note] = demo.notes;
    if (note === undefined) throw new Error('the demo has no notes');
    const privileged = { ...note, title: 'Leaked advice', privileged: true };
    const page = renderBundleIndex({ ...demo, notes: [...demo.notes, privileged] });
    expect(page).not.toContain('Leaked advice');
  });

  it('says so in every empty section', () => {
    const page = renderBundleIndex({
      ...demo,
      events: [],
      populations: [],
      dataElements: [],
      parties: [],
      evidence: [],
      letters: [],
      tasks: [],
      notes: [],
      obligations: { ...demo.obligations, rows: [], notTriggered: [] },
    });
    expect(headingsOf(page)).toEqual(HEADINGS);
    for (const sentence of [
      'No timeline events in this bundle.',
      'No affected people recorded.',
      'No data elements recorded.',
      'No recipients or other parties recorded.',
      'No evidence in this bundle.',
      'No notices are owed on the recorded facts.',
      'No letters in this bundle.',
      'No tasks in this bundle.',
      'No notes in this bundle.',
    ]) {
      expect(page).toContain(sentence);
    }
  });
});
