import type { DataElementTerm } from '../../../../../shared/domain/data-elements';
import type { RosterField, RosterMapping } from '../../../../../shared/domain/roster';

/** The mapping as the dialog edits it: per column a field and an element, "" for none. */
export interface MappingDraft {
  /** The mapping the draft started from: its other keys (delimiter, table, unknown ones) are kept. */
  base: RosterMapping;
  fields: Readonly<Record<string, RosterField | ''>>;
  elements: Readonly<Record<string, DataElementTerm | ''>>;
  exposes: readonly DataElementTerm[];
}

/** A draft of `mapping` for the file's `columns`; what it says about other columns is counted, not kept. */
export function draftOf(
  mapping: RosterMapping,
  columns: readonly string[],
): { draft: MappingDraft; missing: number } {
  const fields: Record<string, RosterField | ''> = {};
  const elements: Record<string, DataElementTerm | ''> = {};
  for (const column of columns) {
    fields[column] = mapping.columns[column] ?? '';
    elements[column] = mapping.exposesByColumn[column] ?? '';
  }
  const known = new Set(columns);
  const named = new Set([...Object.keys(mapping.columns), ...Object.keys(mapping.exposesByColumn)]);
  const missing = [...named].filter((column) => !known.has(column)).length;
  return { draft: { base: mapping, fields, elements, exposes: mapping.exposes }, missing };
}

/** The mapping to import with (or save): the draft's choices over the base's other keys. */
export function mappingOf(draft: MappingDraft): RosterMapping {
  const columns: Record<string, RosterField> = {};
  for (const [column, field] of Object.entries(draft.fields)) if (field !== '') columns[column] = field;
  const exposesByColumn: Record<string, DataElementTerm> = {};
  for (const [column, term] of Object.entries(draft.elements))
    if (term !== '') exposesByColumn[column] = term;
  return { ...draft.base, columns, exposesByColumn, exposes: [...draft.exposes] };
}
