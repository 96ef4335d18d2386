import type { Database } from 'better-sqlite3-multiple-ciphers';
import { getCaseRecord } from '../../../casefile/repos/case-repo';
import { custodyOf, listEvidenceItems } from '../../../casefile/repos/evidence-repo';
import { getFacts } from '../../../casefile/repos/facts-repo';
import { harmDeterminations } from '../../../casefile/repos/harm-repo';
import { letterVersions, listLetters } from '../../../casefile/repos/letters-repo';
import { assessments, obligationStatuses } from '../../../casefile/repos/obligations-repo';
import { investigationRecords } from '../../../casefile/repos/tables';

const BUNDLE_CASE_JSON_FORMAT = 'breachdesk.bundle-case/1';

export interface CaseJsonContext {
  bundleId: string;
  exportedAt: string;
  exportedBy: string;
  includesPrivilegedNotes: boolean;
  audit: { entries: number; head: string };
  /** Where each evidence item's bytes are in the bag (relative to the bag), or null when left out. */
  evidencePaths: ReadonlyMap<string, string | null>;
  /** Each letter's rendered files in the bag. */
  letterPaths: ReadonlyMap<string, readonly { format: string; path: string }[]>;
}

/**
 * Every record of the case as one JSON document any tool can read (`data/case.json`). It is
 * read from the snapshot, so it says exactly what the bundled case file holds.
 */
export function buildCaseJson(db: Database, context: CaseJsonContext): string {
  const document = {
    format: BUNDLE_CASE_JSON_FORMAT,
    bundle: {
      id: context.bundleId,
      exportedAt: context.exportedAt,
      exportedBy: context.exportedBy,
      includesPrivilegedNotes: context.includesPrivilegedNotes,
    },
    case: getCaseRecord(db),
    facts: getFacts(db),
    ...investigationRecords(db),
    evidence: listEvidenceItems(db).map((item) => ({
      ...item,
      file: context.evidencePaths.get(item.id) ?? null,
      custody: custodyOf(db, item.id),
    })),
    obligations: {
      statuses: obligationStatuses(db),
      harmDeterminations: harmDeterminations(db),
      assessments: assessments(db),
    },
    letters: listLetters(db).map((letter) => ({
      ...letter,
      files: context.letterPaths.get(letter.id) ?? [],
      versions: letterVersions(db, letter.id),
    })),
    audit: context.audit,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
