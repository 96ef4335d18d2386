import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { registerPendingEdit } from '../../lib/pending-edits';
import { useWorkspaceStore } from '../../stores/workspace-store';

export const AUTOSAVE_DELAY_MS = 600;

type TextField = 'title' | 'organisation';

interface AutosaveText {
  draft: string;
  error: string | null;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/**
 * A text field of the case record that saves itself: ~600 ms after the last keystroke and on
 * blur. An invalid value is never sent; it is reported inline and in the save state, and the
 * user's text stays in the field until they fix it.
 */
export function useAutosaveText(
  field: TextField,
  stored: string,
  schema: z.ZodType<string, string>,
): AutosaveText {
  const [draft, setDraft] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const saveField = useWorkspaceStore((state) => state.saveField);
  const setProblem = useWorkspaceStore((state) => state.setProblem);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef({ draft: stored, stored, dirty: false });

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
      latest.current.dirty = latest.current.draft !== value;
      return;
    }
    const saved = await saveField(field, { [field]: parsed.data });
    if (saved && latest.current.draft === value) latest.current.dirty = false;
  }, [field, schema, saveField, setProblem]);

  // Leaving the section (or closing the case) with an edit still waiting must not lose it.
  useEffect(() => {
    const unregister = registerPendingEdit(async () => {
      if (timer.current !== undefined) await flush();
    });
    return () => {
      unregister();
      if (timer.current !== undefined) void flush();
    };
  }, [flush]);

  const onChange = useCallback(
    (value: string) => {
      latest.current.draft = value;
      latest.current.dirty = true;
      setDraft(value);
      // Clear a shown error as soon as the text is valid again; new errors wait for the pause.
      if (schema.safeParse(value).success) setError(null);
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
