import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EvidenceItem } from '../../../shared/domain/evidence';
import { indexItem } from '../../casefile/repos/search-repo';

/** What search sees of an item's record (its file's text is indexed page by page, by blob). */
export function indexEvidenceItem(db: Database, item: EvidenceItem): void {
  const body = [item.description, item.source, item.collectedBy, item.tags.join(' '), item.originalPath]
    .filter((part) => part !== '')
    .join('\n');
  indexItem(db, 'evidence', item.id, item.name, body);
}
