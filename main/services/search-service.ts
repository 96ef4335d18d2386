import { HIT_START, type SearchResult } from '../../shared/domain/search';
import type { CaseFile } from '../casefile/case-file';
import { blobById, textPage } from '../casefile/repos/blob-repo';
import { evidenceItemsOfBlob } from '../casefile/repos/evidence-repo';
import { searchIndex, type IndexHit } from '../casefile/repos/search-repo';
import { ftsQueryFor, searchErrorFrom } from './fts-query';

/** Searches facts, events, parties, tasks, notes and evidence (records and text); any typed text is safe. */
export function searchCase(file: CaseFile, text: string, limit: number): SearchResult[] {
  const match = ftsQueryFor(text);
  if (match === null) return [];
  let hits: IndexHit[];
  try {
    hits = searchIndex(file.db, match, limit);
  } catch (error) {
    throw searchErrorFrom(error);
  }
  return hits.flatMap((hit) => {
    if (hit.kind !== 'evidence-text') {
      return [{ kind: hit.kind, id: hit.id, title: hit.title, snippet: hit.snippet, line: null }];
    }
    const found = evidenceTextHit(file, hit);
    return found === null ? [] : [found];
  });
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
