import { factsSchema, type Facts, type FactsPatch } from '../../shared/domain/facts';
import type { CaseFile } from '../casefile/case-file';
import { getFacts, putFacts } from '../casefile/repos/facts-repo';
import { indexItem } from '../casefile/repos/search-repo';
import { changeWithAudit } from './audited';
import type { ServiceContext } from './context';
import { fieldChanges } from './diff';

const FACTS_SEARCH_ID = 'facts';

export function updateFacts(file: CaseFile, patch: FactsPatch, ctx: ServiceContext): Facts {
  return changeWithAudit(file, ctx, (db, at) => {
    const before = getFacts(db);
    const after = factsSchema.parse({
      ...before,
      ...patch,
      organisation: { ...before.organisation, ...(patch.organisation ?? {}) },
      decisions: mergedDecisions(before.decisions, patch.decisions),
    });
    const changes = fieldChanges(before, after);
    if (Object.keys(changes).length === 0) return { result: before, audit: null };
    storeFacts(file, after, at);
    return { result: after, audit: { action: 'facts.updated', target: 'facts', payload: changes } };
  });
}

/** The recorded decisions with a patch's applied (a null takes one back); parsed with the facts. */
function mergedDecisions(
  before: Facts['decisions'],
  patch: FactsPatch['decisions'],
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Writes the facts and their search entry; call inside a transaction. */
export function storeFacts(file: CaseFile, facts: Facts, at: string): void {
  putFacts(file.db, facts, at);
  const org = facts.organisation;
  const body = [
    facts.summary,
    facts.cause,
    org.address,
    org.contactName,
    org.contactEmail,
    facts.lawEnforcementDelay.note,
  ];
  indexItem(file.db, 'facts', FACTS_SEARCH_ID, 'Facts', body.join('\n'));
}

export function caseFacts(file: CaseFile): Facts {
  return getFacts(file.db);
}
