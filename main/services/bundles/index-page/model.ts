import type { CaseRecord } from '../../../../shared/domain/case';
import type { DataElement } from '../../../../shared/domain/data-elements';
import type { TimelineEvent } from '../../../../shared/domain/events';
import type { EvidenceItem } from '../../../../shared/domain/evidence';
import type { Facts } from '../../../../shared/domain/facts';
import type { LETTER_FORMATS, LetterRecord } from '../../../../shared/domain/letters';
import type { Party } from '../../../../shared/domain/parties';
import type { Population } from '../../../../shared/domain/populations';
import type { Note, Task } from '../../../../shared/domain/tasks-notes';
import type { Board } from '../../obligations/obligations-service';

// What the bundle's index page is built from: the exporter fills it, the page sections read it.

/** What the exporter records about the bundle itself; shown so a reader can check it. */
export interface BundleInfo {
  bundleId: string;
  /** ISO instant (UTC). */
  exportedAt: string;
  exportedBy: string;
  signerFingerprint: string;
  auditHead: string;
  auditEntries: number;
  includesEvidence: boolean;
  includesPrivilegedNotes: boolean;
  /** "Breachdesk 0.1.0". */
  software: string;
}

export interface BundleEvidenceEntry {
  item: EvidenceItem;
  /** Relative to data/ ("evidence/001-access-log.csv"); null when exported without evidence bytes. */
  bagPath: string | null;
}

export interface BundleLetterFile {
  format: (typeof LETTER_FORMATS)[number];
  /** Relative to data/ ("letters/…pdf"). */
  bagPath: string;
}

export interface BundleLetterEntry {
  letter: LetterRecord;
  files: readonly BundleLetterFile[];
}

/** Everything the summary shows: only what the exporter chose to put in the bundle. */
export interface BundleIndexModel {
  case: CaseRecord;
  facts: Facts;
  dataElements: readonly DataElement[];
  populations: readonly Population[];
  parties: readonly Party[];
  events: readonly TimelineEvent[];
  tasks: readonly Task[];
  /** Privileged notes only when the export included them (`bundle.includesPrivilegedNotes`). */
  notes: readonly Note[];
  evidence: readonly BundleEvidenceEntry[];
  /** The obligations board as `obligationsBoard` returns it. */
  obligations: Board;
  letters: readonly BundleLetterEntry[];
  bundle: BundleInfo;
}
