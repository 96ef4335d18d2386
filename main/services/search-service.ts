import { HIT_START, type SearchResult } from '../../shared/domain/search';
import { jurisdictionName } from '../../shared/jurisdictions/jurisdictions';
import { formatCount } from '../../shared/text/count';
import type { CaseFile } from '../casefile/case-file';
import { blobById, textPage } from '../casefile/repos/blob-repo';
import { evidenceItemsOfBlob } from '../casefile/repos/evidence-repo';
import { listLetters } from '../casefile/repos/letters-repo';
import { searchIndex, type IndexHit } from '../casefile/repos/search-repo';
import { ftsQueryFor, searchErrorFrom } from './fts-query';
import { obligationsBoard } from './obligations/obligations-service';
import { matchesAll, queryWords, snippetOf } from './search-matching';
import { effectivePopulations } from './roster/effective-populations';

/**
 * Searches facts, events, parties, tasks, notes and evidence (records and text) in the full-text
 * index, and the obligations (computed by the engine as of `today`, never stored), letters and
 * people by jurisdiction by their names: every word must start a word of the item's title,
 * recipient or jurisdiction ("California" finds US-CA's notices, letters and people). Any typed
 * text is safe.
 */
export function searchCase(
  file: CaseFile,
  text: string,
  limit: number,
  today: string = new Date().toISOString().slice(0, 10),
): SearchResult[] {
  const match = ftsQueryFor(text);
  if (match === null) return [];
  let hits: IndexHit[];
  try {
    hits = searchIndex(file.db, match, limit);
  } catch (error) {
    throw searchErrorFrom(error);
  }
  const indexed = hits.flatMap((hit) => {
    if (hit.kind !== 'evidence-text') {
      return [{ kind: hit.kind, id: hit.id, title: hit.title, snippet: hit.snippet, line: null }];
    }
    const found = evidenceTextHit(file, hit);
    return found === null ? [] : [found];
  });
  const words = queryWords(text);
  const named = [
    ...obligationHits(file, words, today),
    ...letterHits(file, words),
    ...peopleHits(file, words),
  ];
  return [...named, ...indexed].slice(0, limit);
}

interface Named {
  kind: SearchResult['kind'];
  id: string;
  title: string;
  /** What the words are matched against, besides the title. */
  names: string[];
  /** The lines a snippet is taken from, the first with a hit. */
  lines: string[];
}

function hitsOf(items: readonly Named[], words: readonly string[]): SearchResult[] {
  return items
    .filter((item) => matchesAll(words, [item.title, ...item.names]))
    .map((item) => ({
      kind: item.kind,
      id: item.id,
      title: item.title,
      snippet: snippetOf([...item.lines, item.title], words),
      line: null,
    }));
}

const place = (code: string) => `${jurisdictionName(code)} · ${code}`;

/** The notices owed or waiting for a decision on the facts as they are, as the board shows them. */
function obligationHits(file: CaseFile, words: readonly string[], today: string): SearchResult[] {
  const board = obligationsBoard(file, undefined, today);
  const items: Named[] = [];
  for (const row of board.rows) {
    const o = row.obligation;
    if (o === null) continue;
    items.push({
      kind: 'obligation',
      id: o.ruleId,
      title: o.title,
      names: [o.recipient.name, jurisdictionName(o.jurisdiction), o.jurisdiction, o.law],
      lines: [`${o.recipient.name} · ${place(o.jurisdiction)} · ${o.law}`],
    });
  }
  for (const d of board.decisionNeeded) {
    items.push({
      kind: 'obligation',
      id: d.ruleId,
      title: d.title,
      names: [d.recipient.name, jurisdictionName(d.jurisdiction), d.jurisdiction, d.law],
      lines: [`Decision needed · ${d.recipient.name} · ${place(d.jurisdiction)} · ${d.law}`],
    });
  }
  return hitsOf(items, words);
}

const LETTER_STATES = { draft: 'draft', in_review: 'in review', approved: 'approved', sent: 'sent' } as const;

function letterHits(file: CaseFile, words: readonly string[]): SearchResult[] {
  const items = listLetters(file.db).map((letter): Named => ({
    kind: 'letter',
    id: letter.id,
    title: letter.title,
    names: [letter.recipient.name, jurisdictionName(letter.jurisdiction), letter.jurisdiction],
    lines: [
      `To ${letter.recipient.name || 'no recipient yet'} · ${place(letter.jurisdiction)} · v${letter.latestVersion} ${LETTER_STATES[letter.status]}`,
    ],
  }));
  return hitsOf(items, words);
}

function peopleHits(file: CaseFile, words: readonly string[]): SearchResult[] {
  const items = effectivePopulations(file.db).map((population): Named => ({
    kind: 'people',
    id: population.id,
    title: `People affected in ${jurisdictionName(population.jurisdiction)}`,
    names: [population.jurisdiction],
    lines: [
      `${place(population.jurisdiction)} · ${formatCount(population.count)} ${population.count === 1 ? 'person' : 'people'}${population.exact ? '' : ' (estimate)'}`,
    ],
  }));
  return hitsOf(items, words);
}

/** A hit in a page of a file's text: the item holding the file, and the line of the first hit. */
function evidenceTextHit(file: CaseFile, hit: IndexHit): SearchResult | null {
  const [, blobText, pageText] = hit.id.split(':');
  const blobId = Number(blobText);
  const page = Number(pageText);
  // Pages of a blob still being taken in are in the index but belong to no item yet.
  if (blobById(file.db, blobId) === null) return null;
  const item = evidenceItemsOfBlob(file.db, blobId)[0];
  const row = textPage(file.db, blobId, page);
  if (item === undefined || row === null) return null;
  const before = hit.bodyHighlight?.slice(0, Math.max(0, hit.bodyHighlight.indexOf(HIT_START))) ?? '';
  const line = row.firstLine + countNewlines(before);
  return { kind: 'evidence', id: item.id, title: item.name, snippet: hit.snippet, line };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}
