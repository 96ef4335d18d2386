import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CaseFile } from '../../../casefile/case-file';
import { getCaseRecord } from '../../../casefile/repos/case-repo';
import { listEvidenceItems } from '../../../casefile/repos/evidence-repo';
import { getFacts } from '../../../casefile/repos/facts-repo';
import { listLetters } from '../../../casefile/repos/letters-repo';
import { investigationRecords } from '../../../casefile/repos/tables';
import { obligationsBoard } from '../../obligations/obligations-service';
import type { BundleIndexModel, BundleInfo, BundleLetterFile } from '../index-page/model';
import { effectivePopulations } from '../../roster/effective-populations';

const underData = (path: string) => path.replace(/^data\//, '');

/**
 * The summary page's content: records from the snapshot (so privileged notes left out of the
 * bundle are left out here too), obligations evaluated on the open case as of today.
 */
export function buildIndexModel(
  file: CaseFile,
  snapshot: Database,
  context: {
    today: string;
    evidencePaths: ReadonlyMap<string, string | null>;
    letterPaths: ReadonlyMap<string, readonly { format: BundleLetterFile['format']; path: string }[]>;
    bundle: BundleInfo;
  },
): BundleIndexModel {
  return {
    case: getCaseRecord(snapshot),
    facts: getFacts(snapshot),
    ...investigationRecords(snapshot),
    // The roster's counts travel in every snapshot, its records only when asked.
    populations: effectivePopulations(snapshot),
    evidence: listEvidenceItems(snapshot).map((item) => {
      const path = context.evidencePaths.get(item.id) ?? null;
      return { item, bagPath: path === null ? null : underData(path) };
    }),
    obligations: obligationsBoard(file, undefined, context.today),
    letters: listLetters(snapshot).map((letter) => ({
      letter,
      files: (context.letterPaths.get(letter.id) ?? []).map((f) => ({
        format: f.format,
        bagPath: underData(f.path),
      })),
    })),
    bundle: context.bundle,
  };
}
