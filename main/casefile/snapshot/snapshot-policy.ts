/**
 * What a bundle snapshot does with every table and trigger of a case file. The snapshot reads
 * the case's own schema and refuses to run while any table or trigger is missing here (or listed
 * here but gone from the schema): a migration that adds one must say whether its rows travel in a
 * bundle and whether they can carry a privileged note's text, instead of being copied, or left
 * out, by accident.
 */

/** How a table's rows reach the snapshot. */
export type RowPolicy =
  /** Copied as they are. */
  | 'copy'
  /** Never copied: evidence bytes travel once, as the bag's original files. */
  | 'leave-out'
  /** A full-text index: its storage tables are copied as stored, then it is optimised. */
  | 'full-text-index'
  /** The roster's personal data: copied only when the export asks for it (`--roster`). */
  | 'roster';

/** Where leaving privileged notes out has to reach in this table. */
export type PrivilegedPolicy =
  /** Holds no note text. */
  | 'none'
  /** The notes themselves: privileged ones are removed. */
  | 'privileged-notes'
  /** Rows of the search index naming a removed note (its triggers then update the index). */
  | 'note-search-rows'
  /** Audit entries of a note that was ever privileged keep their hash; their payload is withheld. */
  | 'note-audit-payloads'
  /** Merge conflicts over such a note hold both versions of it: removed. */
  | 'note-conflicts';

export interface TablePolicy {
  rows: RowPolicy;
  privileged: PrivilegedPolicy;
}

/** How a trigger is treated while the snapshot is filled and edited; all are put back after. */
export type TriggerPolicy =
  /** Refuses changes (append-only tables): off while the snapshot is filled and edited. */
  | 'guard'
  /** Keeps the full-text index in step: also on while privileged notes are removed. */
  | 'search-index'
  /** Deletes dependent rows: off while the snapshot is filled and edited. */
  | 'cascade';

export interface SnapshotPolicy {
  tables: Readonly<Record<string, TablePolicy>>;
  triggers: Readonly<Record<string, TriggerPolicy>>;
}

const COPY: TablePolicy = { rows: 'copy', privileged: 'none' };

export const SNAPSHOT_POLICY: SnapshotPolicy = {
  tables: {
    case_record: COPY,
    audit_log: { rows: 'copy', privileged: 'note-audit-payloads' },
    facts: COPY,
    data_elements: COPY,
    populations: COPY,
    parties: COPY,
    events: COPY,
    event_tags: COPY,
    event_parties: COPY,
    tasks: COPY,
    notes: { rows: 'copy', privileged: 'privileged-notes' },
    pending_evidence: COPY,
    search_items: { rows: 'copy', privileged: 'note-search-rows' },
    search_index: { rows: 'full-text-index', privileged: 'none' },
    // The full-text index's own storage: copied as stored, so evidence text is not tokenised again.
    search_index_data: COPY,
    search_index_idx: COPY,
    search_index_docsize: COPY,
    search_index_config: COPY,
    blobs: COPY,
    blob_chunks: { rows: 'leave-out', privileged: 'none' },
    blob_text_pages: COPY,
    evidence: COPY,
    evidence_events: COPY,
    evidence_parties: COPY,
    custody_entries: COPY,
    obligation_status: COPY,
    assessments: COPY,
    letters: COPY,
    letter_versions: COPY,
    merge_conflicts: { rows: 'copy', privileged: 'note-conflicts' },
    harm_determinations: COPY,
    // The roster's records and what names them travel only when asked; its counts always do.
    roster_datasets: { rows: 'roster', privileged: 'none' },
    roster_records: { rows: 'roster', privileged: 'none' },
    roster_links: { rows: 'roster', privileged: 'none' },
    roster_review: { rows: 'roster', privileged: 'none' },
    roster_element_sets: COPY,
    roster_groups: COPY,
    roster_state: COPY,
    // Notices name people and addresses: they travel with the roster. Runs hold counts and hashes.
    roster_people: { rows: 'roster', privileged: 'none' },
    notices: { rows: 'roster', privileged: 'none' },
    offer_codes: { rows: 'roster', privileged: 'none' },
    notice_runs: COPY,
    notice_state: COPY,
  },
  triggers: {
    audit_log_refuse_update: 'guard',
    audit_log_refuse_delete: 'guard',
    search_items_inserted: 'search-index',
    search_items_deleted: 'search-index',
    search_items_updated: 'search-index',
    blob_text_pages_deleted: 'cascade',
    custody_entries_no_update: 'guard',
    custody_entries_no_delete: 'guard',
    assessments_no_update: 'guard',
    assessments_no_delete: 'guard',
    letter_versions_no_update: 'guard',
    letter_versions_no_delete: 'guard',
  },
};
