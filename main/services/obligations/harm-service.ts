import type {
  HarmDetermination,
  HarmDeterminationInput,
  HarmListing,
  HarmTest,
} from '../../../shared/domain/harm-determinations';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { jurisdictionName } from '../../../shared/jurisdictions/jurisdictions';
import { activeRulePack } from './active-pack';
import type { HarmFinding } from '../../../shared/obligations/obligation';
import type { CaseFile } from '../../casefile/case-file';
import {
  harmDeterminations,
  putHarmDetermination,
  removeHarmDetermination,
} from '../../casefile/repos/harm-repo';
import { changeWithAudit } from '../audited';
import type { ServiceContext } from '../context';

/** Every harm decision recorded in the case (by jurisdiction code), and the pack's harm tests. */
export function listHarmDeterminations(file: CaseFile): HarmListing {
  return { determinations: harmDeterminations(file.db), tests: harmTests() };
}

/** One harm test per jurisdiction (its first rule's with one), sorted by code. */
function harmTests(): HarmTest[] {
  const tests = new Map<string, HarmTest>();
  for (const rule of activeRulePack().rules) {
    const { harm } = rule.trigger;
    if (harm === null || tests.has(rule.jurisdiction)) continue;
    tests.set(rule.jurisdiction, {
      jurisdiction: rule.jurisdiction,
      name: jurisdictionName(rule.jurisdiction),
      kind: harm.kind,
      test: harm.test,
      citation: harm.citation,
      conditions: harm.conditions,
    });
  }
  return [...tests.values()].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction));
}

/** The findings the obligations engine reads: one per jurisdiction a person decided. */
export function recordedHarmFindings(file: CaseFile): Record<string, HarmFinding> {
  const findings: Record<string, HarmFinding> = {};
  for (const d of harmDeterminations(file.db)) findings[d.jurisdiction] = d.finding;
  return findings;
}

/** Whether any rule of the pack for this jurisdiction has a risk-of-harm test to decide. */
function hasHarmTest(jurisdiction: string): boolean {
  return activeRulePack().rules.some((r) => r.jurisdiction === jurisdiction && r.trigger.harm !== null);
}

/** Records (or changes) a jurisdiction's harm decision, with its basis in writing; audited. */
export function setHarmDetermination(
  file: CaseFile,
  ctx: ServiceContext,
  input: HarmDeterminationInput,
): HarmDetermination {
  const { jurisdiction } = input;
  if (!hasHarmTest(jurisdiction)) {
    throw new BreachdeskError(
      'INVALID_INPUT',
      `No rule for ${jurisdictionName(jurisdiction)} has a risk-of-harm test, so there is no harm decision to record there.`,
    );
  }
  return changeWithAudit(file, ctx, (db, at) => {
    const before = harmDeterminations(db).find((d) => d.jurisdiction === jurisdiction) ?? null;
    const after: HarmDetermination = {
      jurisdiction,
      finding: input.finding,
      basis: input.basis,
      decidedAt: at,
      decidedBy: ctx.actor,
    };
    putHarmDetermination(db, after);
    return {
      result: after,
      audit: { action: 'harm.determined', target: `harm:${jurisdiction}`, payload: { before, after } },
    };
  });
}

/** Removes a jurisdiction's harm decision, so the question is open again; audited. */
export function clearHarmDetermination(file: CaseFile, ctx: ServiceContext, jurisdiction: string): void {
  changeWithAudit(file, ctx, (db) => {
    const before = harmDeterminations(db).find((d) => d.jurisdiction === jurisdiction) ?? null;
    if (before === null || !removeHarmDetermination(db, jurisdiction)) {
      throw new BreachdeskError(
        'NOT_FOUND',
        `No harm decision is recorded for ${jurisdictionName(jurisdiction)}.`,
      );
    }
    return {
      result: undefined,
      audit: { action: 'harm.cleared', target: `harm:${jurisdiction}`, payload: { before, after: null } },
    };
  });
}
