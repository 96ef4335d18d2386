import type { EvidenceItem } from '../../../../shared/domain/evidence';

/** Does the filter text appear in the item's name, path, kind, type, description, source or tags? */
export function matchesFilter(item: EvidenceItem, filter: string): boolean {
  const needle = filter.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return [
    item.name,
    item.originalPath,
    item.kind,
    item.mediaType,
    item.description,
    item.source,
    item.sha256,
    ...item.tags,
  ].some((text) => text.toLocaleLowerCase().includes(needle));
}
