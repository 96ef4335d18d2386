import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { registerPendingEdit } from '../../lib/pending-edits';
import { AUTOSAVE_DELAY_MS } from '../../lib/use-autosave';
import { useWorkspaceStore } from '../../stores/workspace-store';

type TextField = 'title' | 'organisation';
type TextSchema = z.ZodType<string, string>;

interface AutosaveText {
  draft: string;
  error: string | null;
  onChange: (value: string) => void;
  onBlur: () => void;
}

function issueOf(schema: TextSchema, value: string): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This value is not valid');
}

/**
 * A text field of the case record that saves itself: ~600 ms after the last keystroke and on
 * blur. An invalid value is never sent; it is reported inline and in the save state, and the
 * user's text stays in the field (across section changes too) until it is fixed or saved.
 */
export function useAutosaveText(field: TextField, stored: string, schema: TextSchema): AutosaveText {
  const saveField = useWorkspaceStore((state) => state.saveField);
  const setProblem = useWorkspaceStore((state) => state.setProblem);
  const keepDraft = useWorkspaceStore((state) => state.keepDraft);
  const [draft, setDraft] = useState(() => useWorkspaceStore.getState().drafts[field] ?? stored);
  const [error, setError] = useState(() => (draft === stored ? null : issueOf(schema, draft)));
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef({ draft, stored, dirty: draft !== stored });

  // A value saved elsewhere (or normalised by the save) replaces the draft unless the user is mid-edit.
  useEffect(() => {
    latest.current.stored = stored;
    if (!latest.current.dirty) {
      latest.current.draft = stored;
      setDraft(stored);
    }
  }, [stored]);

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const value = latest.current.draft;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'This value is not valid';
      setError(reason);
      setProblem(field, reason);
      return;
    }
    setError(null);
    if (parsed.data === latest.current.stored) {
      setProblem(field, null);
      keepDraft(field, null);
      latest.current.dirty = false;
      return;
    }
    const saved = await saveField(field, { [field]: parsed.data });
    if (saved && latest.current.draft === value) {
      latest.current.dirty = false;
      keepDraft(field, null);
    }
  }, [field, schema, saveField, setProblem, keepDraft]);

  // Leaving the section (or closing the case) with an edit still waiting must not lose it.
  useEffect(() => {
    // The same object for the hook's lifetime (mutated, never replaced), so reading it at cleanup is current.
    const edit = latest.current;
    const unregister = registerPendingEdit(async () => {
      if (timer.current !== undefined) await flush();
    });
    return () => {
      unregister();
      if (edit.dirty) keepDraft(field, edit.draft);
      if (timer.current !== undefined) void flush();
    };
  }, [field, flush, keepDraft]);

  const onChange = useCallback(
    (value: string) => {
      latest.current.draft = value;
      latest.current.dirty = true;
      setDraft(value);
      // Clear a shown error as soon as the text is valid again; new errors wait for the pause.
      if (issueOf(schema, value) === null) setError(null);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush, schema],
  );

  const onBlur = useCallback(() => {
    if (latest.current.dirty || timer.current !== undefined) void flush();
  }, [flush]);

  return { draft, error, onChange, onBlur };
}
