import { useWorkspaceStore, type SaveKey } from '../stores/workspace-store';

/**
 * Drafts of fields in the investigation sections that were left unsaved (invalid, or their write
 * failed) when the user went to another section; the field shows them again on return. Dropped
 * when another case is opened.
 */
const kept = new Map<SaveKey, unknown>();

useWorkspaceStore.subscribe((state, previous) => {
  if (state.current?.path !== previous.current?.path) kept.clear();
});

interface DraftSlot<D> {
  keptDraft: D | undefined;
  keepDraft: (draft: D | null) => void;
}

/** The kept draft of `key`, if it has the draft's shape, and a way to keep or drop one. */
export function draftSlot<D>(key: SaveKey, isDraft: (value: unknown) => value is D): DraftSlot<D> {
  const value = kept.get(key);
  return {
    keptDraft: isDraft(value) ? value : undefined,
    keepDraft: (draft) => {
      if (draft === null) kept.delete(key);
      else kept.set(key, draft);
    },
  };
}

export const isString = (value: unknown): value is string => typeof value === 'string';

/** Forgets drafts and save problems of an item that is gone ("parties.<id>."), so "Not saved" does not outlive it. */
export function forgetItem(prefix: `${string}.`): void {
  for (const key of [...kept.keys()]) if (key.startsWith(prefix)) kept.delete(key);
  const workspace = useWorkspaceStore.getState();
  for (const key of Object.keys(workspace.problems)) {
    if (key.startsWith(prefix) && key.includes('.')) workspace.setProblem(key as SaveKey, null);
  }
}
