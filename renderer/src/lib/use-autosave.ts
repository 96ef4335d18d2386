import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkspaceStore, type SaveKey } from '../stores/workspace-store';
import { registerPendingEdit } from './pending-edits';

/** The pause after the last keystroke before a field saves itself. */
export const AUTOSAVE_DELAY_MS = 600;

interface AutosaveOptions<D> {
  /** Where a problem with this field is kept (and shown in the top bar): "facts.summary". */
  saveKey: SaveKey;
  /** The stored value, in the draft's form. */
  stored: D;
  same: (a: D, b: D) => boolean;
  /** Why the draft cannot be saved, or null when it can. */
  validate: (draft: D) => string | null;
  /** The draft in its tidy form ("60 500" → "60,500"), applied to a valid draft before it is saved. */
  normalise?: (draft: D) => D;
  /** Writes the draft; resolves false when the write failed (the store reports why). */
  save: (draft: D) => Promise<boolean>;
  /** A draft kept from an earlier visit to the section, and where to keep one on leaving. */
  keptDraft?: D | undefined;
  keepDraft?: (draft: D | null) => void;
}

interface Autosave<D> {
  draft: D;
  error: string | null;
  /** A new draft; saved after a pause, or at once with `immediate` (checkboxes, selects). */
  change: (draft: D, immediate?: boolean) => void;
  /** Saves a waiting edit now (on blur, on Enter). */
  commit: () => void;
}

/**
 * A field that saves itself like the Overview's: ~600 ms after the last change and on blur. An
 * invalid draft is never sent; it is reported inline and in the save state, and stays in the
 * field (across section changes too, with keepDraft) until it is fixed or saved.
 */
export function useAutosave<D>(options: AutosaveOptions<D>): Autosave<D> {
  const setProblem = useWorkspaceStore((state) => state.setProblem);
  const [draft, setDraft] = useState<D>(() => options.keptDraft ?? options.stored);
  const [error, setError] = useState<string | null>(() =>
    options.keptDraft === undefined ? null : options.validate(options.keptDraft),
  );
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef({ draft, dirty: options.keptDraft !== undefined });
  const current = useRef(options);

  useEffect(() => {
    current.current = options;
  });

  // A value saved elsewhere (or normalised by the save) replaces the draft unless the user is mid-edit.
  const { stored, same } = options;
  useEffect(() => {
    if (latest.current.dirty || same(latest.current.draft, stored)) return;
    latest.current.draft = stored;
    setDraft(stored);
  }, [stored, same]);

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const { saveKey, validate, save, keepDraft, normalise } = current.current;
    const reason = validate(latest.current.draft);
    setError(reason);
    if (reason !== null) {
      setProblem(saveKey, reason);
      return;
    }
    if (normalise !== undefined) {
      latest.current.draft = normalise(latest.current.draft);
      setDraft(latest.current.draft);
    }
    const value = latest.current.draft;
    if (current.current.same(value, current.current.stored)) {
      setProblem(saveKey, null);
      keepDraft?.(null);
      latest.current.dirty = false;
      return;
    }
    const saved = await save(value);
    if (saved && latest.current.draft === value) {
      latest.current.dirty = false;
      current.current.keepDraft?.(null);
    }
  }, [setProblem]);

  // Leaving the section (or closing the case) with an edit still waiting must not lose it.
  useEffect(() => {
    const edit = latest.current;
    const unregister = registerPendingEdit(async () => {
      if (timer.current !== undefined) await flush();
    });
    return () => {
      unregister();
      if (edit.dirty) current.current.keepDraft?.(edit.draft);
      if (timer.current !== undefined) void flush();
    };
  }, [flush]);

  const change = useCallback(
    (next: D, immediate = false) => {
      latest.current.draft = next;
      latest.current.dirty = true;
      setDraft(next);
      // Clear a shown error as soon as the value is valid again; new errors wait for the pause.
      if (current.current.validate(next) === null) setError(null);
      window.clearTimeout(timer.current);
      if (immediate) void flush();
      else timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  const commit = useCallback(() => {
    if (latest.current.dirty || timer.current !== undefined) void flush();
  }, [flush]);

  return { draft, error, change, commit };
}

export const sameText = (a: string, b: string): boolean => a === b;
export const noProblem = (): null => null;
