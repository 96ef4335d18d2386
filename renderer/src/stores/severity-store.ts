import { create } from 'zustand';
import type { Assessment, AssessmentInput } from '../../../shared/domain/assessment';
import type { RiskLevel } from '../../../shared/obligations/obligation';
import { DPC_CATEGORIES, EDPB_FACTORS, type EnisaInput } from '../../../shared/severity/enisa';
import { call, messageOf } from '../api/client';
import { useWorkspaceStore } from './workspace-store';

export type DpcCategory = EnisaInput['dpc']['category'];
type EiValue = EnisaInput['ei']['value'];
export type CbLevel = EnisaInput['cb']['confidentiality'];
export type Factors = AssessmentInput['factors'];

/** The calculator as the user is filling it in; the adjusted DPC score is kept as typed. */
export interface SeverityDraft {
  category: DpcCategory;
  dpcScore: string;
  dpcRationale: string;
  ei: EiValue;
  eiRationale: string;
  confidentiality: CbLevel;
  integrity: CbLevel;
  availability: CbLevel;
  malicious: boolean;
  cbRationale: string;
  factors: Factors;
  risk: RiskLevel | null;
  decisionRationale: string;
}

function emptyFactors(): Factors {
  return Object.fromEntries(EDPB_FACTORS.map((f) => [f.id, { applies: false, note: '' }]));
}

/** Where a case with no saved assessment starts: simple data, every other input at its lowest. */
function blankDraft(): SeverityDraft {
  return {
    category: 'simple',
    dpcScore: '1',
    dpcRationale: '',
    ei: 0.25,
    eiRationale: '',
    confidentiality: 0,
    integrity: 0,
    availability: 0,
    malicious: false,
    cbRationale: '',
    factors: emptyFactors(),
    risk: null,
    decisionRationale: '',
  };
}

/** A saved version as the start of the next one. */
function draftFrom(version: Assessment): SeverityDraft {
  const { dpc, ei, cb } = version.enisa;
  return {
    category: dpc.category,
    dpcScore: String(dpc.score),
    dpcRationale: dpc.rationale,
    ei: ei.value,
    eiRationale: ei.rationale,
    confidentiality: cb.confidentiality,
    integrity: cb.integrity,
    availability: cb.availability,
    malicious: cb.malicious === 0.5,
    cbRationale: cb.rationale,
    factors: { ...emptyFactors(), ...version.factors },
    risk: version.decision?.risk ?? null,
    decisionRationale: version.decision?.rationale ?? '',
  };
}

/** The adjusted DPC score, or why it cannot be used. */
export function parseDpcScore(text: string): { score: number } | { problem: string } {
  const trimmed = text.trim();
  const score = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(score)) return { problem: 'Enter a number from 1 to 4' };
  if (score < 1 || score > 4) return { problem: 'The adjusted score is between 1 and 4' };
  return { score };
}

/** The ENISA input of a draft, or null while the DPC score is not a usable number. */
export function enisaOf(draft: SeverityDraft): EnisaInput | null {
  const parsed = parseDpcScore(draft.dpcScore);
  if (!('score' in parsed)) return null;
  return {
    dpc: { category: draft.category, score: parsed.score, rationale: draft.dpcRationale },
    ei: { value: draft.ei, rationale: draft.eiRationale },
    cb: {
      confidentiality: draft.confidentiality,
      integrity: draft.integrity,
      availability: draft.availability,
      malicious: draft.malicious ? 0.5 : 0,
      rationale: draft.cbRationale,
    },
  };
}

export function baseScore(category: DpcCategory): number {
  return DPC_CATEGORIES.find((c) => c.id === category)?.base ?? 1;
}

interface SeverityState {
  /** Saved versions, newest first; null until loaded. */
  versions: Assessment[] | null;
  /** The form; null until the versions are loaded (it then starts from the latest one). */
  draft: SeverityDraft | null;
  /** True once the user has changed the form since it was started from a version. */
  dirty: boolean;
  /** The version number the form was started from (null for a blank form). */
  fromVersion: number | null;
  /** The version shown read-only, if any. */
  viewingId: string | null;
  error: string | null;
  saving: boolean;
  load: () => Promise<void>;
  edit: (patch: Partial<SeverityDraft>) => void;
  /** Starts the form again from a saved version (the latest when none is given). */
  restart: (version?: Assessment) => void;
  view: (id: string | null) => void;
  /** Saves a new version; resolves null, or the sentence saying why it failed. */
  save: (decision: AssessmentInput['decision']) => Promise<string | null>;
  reset: () => void;
}

// Answers to requests made before a reset (another case opened) are dropped.
let generation = 0;

export const useSeverityStore = create<SeverityState>()((set, get) => ({
  versions: null,
  draft: null,
  dirty: false,
  fromVersion: null,
  viewingId: null,
  error: null,
  saving: false,

  async load() {
    const mine = generation;
    try {
      const listed = await call('assessments.list', {});
      if (mine !== generation) return;
      const versions = [...listed].sort((a, b) => b.version - a.version);
      const latest = versions[0];
      const { dirty, draft, versions: before } = get();
      // The form starts from the latest version, and follows a newer one unless it has been changed.
      const newer = latest !== undefined && latest.id !== before?.[0]?.id;
      const restart = draft === null || (newer && !dirty);
      set({
        versions,
        error: null,
        ...(restart
          ? {
              draft: latest === undefined ? blankDraft() : draftFrom(latest),
              dirty: false,
              fromVersion: latest?.version ?? null,
            }
          : {}),
      });
    } catch (error) {
      if (mine === generation) set({ error: messageOf(error) });
    }
  },

  edit(patch) {
    set((state) => ({ draft: { ...(state.draft ?? blankDraft()), ...patch }, dirty: true }));
  },

  restart(version) {
    const from = version ?? get().versions?.[0];
    set({
      draft: from === undefined ? blankDraft() : draftFrom(from),
      dirty: false,
      fromVersion: from?.version ?? null,
      viewingId: null,
    });
  },

  view(viewingId) {
    set({ viewingId });
  },

  async save(decision) {
    const mine = generation;
    const draft = get().draft;
    const enisa = draft === null ? null : enisaOf(draft);
    if (draft === null || enisa === null) return 'Correct the adjusted DPC score first.';
    set({ saving: true });
    // Assigned inside the tracked write (TypeScript cannot see that it runs).
    let saved = null as Assessment | null;
    const problem = await useWorkspaceStore.getState().track(null, async () => {
      saved = await call('assessments.save', { enisa, factors: draft.factors, decision });
    });
    if (mine !== generation) return problem;
    set({ saving: false });
    const version = saved;
    if (version !== null) {
      set((state) => ({
        versions: [version, ...(state.versions ?? []).filter((v) => v.id !== version.id)],
        draft: draftFrom(version),
        dirty: false,
        fromVersion: version.version,
      }));
    }
    return problem;
  },

  reset() {
    generation += 1;
    set({
      versions: null,
      draft: null,
      dirty: false,
      fromVersion: null,
      viewingId: null,
      error: null,
      saving: false,
    });
  },
}));

useWorkspaceStore.subscribe((state, previous) => {
  if (state.current?.path !== previous.current?.path) useSeverityStore.getState().reset();
});
