import type { SearchResult } from '../../shared/domain/search';
import type { CaseFile } from '../casefile/case-file';
import { searchIndex } from '../casefile/repos/search-repo';
import { ftsQueryFor, searchErrorFrom } from './fts-query';

/** Searches facts, events, parties, tasks and notes; any typed text is safe. */
export function searchCase(file: CaseFile, text: string, limit: number): SearchResult[] {
  const match = ftsQueryFor(text);
  if (match === null) return [];
  try {
    return searchIndex(file.db, match, limit);
  } catch (error) {
    throw searchErrorFrom(error);
  }
}
