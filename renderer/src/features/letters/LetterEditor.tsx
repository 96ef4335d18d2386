import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LetterView } from '../../../../shared/domain/letters';
import { registerPendingEdit } from '../../lib/pending-edits';
import { LETTER_SAVE_KEY, useLettersStore } from '../../stores/letters-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { letterExtensions } from './extensions';
import { toEditorContent, toLetterDocument } from './letter-json';
import { EditorToolbar } from './EditorToolbar';

const LETTER_AUTOSAVE_MS = 1000;

interface LetterEditorProps {
  view: LetterView;
  editable: boolean;
}

/** Counts an edit waiting for its debounce in the top bar's save state, so it says "Saving…". */
function hold(s: { holding: string | null }): void {
  const path = useWorkspaceStore.getState().current?.path;
  if (s.holding !== null || path === undefined) return;
  s.holding = path;
  useWorkspaceStore.setState((state) => ({ pendingSaves: state.pendingSaves + 1 }));
}

function release(s: { holding: string | null }): void {
  if (s.holding === null) return;
  const same = useWorkspaceStore.getState().current?.path === s.holding;
  s.holding = null;
  if (same) useWorkspaceStore.setState((state) => ({ pendingSaves: Math.max(0, state.pendingSaves - 1) }));
}

/** Replaces the editor's content without an undo step (a version loaded, not an edit). */
function replaceContent(editor: Editor, view: LetterView): void {
  editor
    .chain()
    .setMeta('addToHistory', false)
    .setContent(toEditorContent(view.version.doc), { emitUpdate: false })
    .run();
}

/**
 * The letter's draft in a TipTap editor. Edits are saved ~1 s after the last keystroke as a new
 * version on top of the version the editor started from; a newer version saved elsewhere is
 * reported and loaded instead. Undo and redo are the editor's own history (Ctrl+Z, Ctrl+Shift+Z).
 */
export function LetterEditor({ view, editable }: LetterEditorProps) {
  const letterId = view.letter.id;
  const save = useLettersStore((state) => state.save);
  const setProblem = useWorkspaceStore((state) => state.setProblem);
  const [conflict, setConflict] = useState<string | null>(null);
  const state = useRef({
    base: view.version.version,
    edits: 0,
    saved: 0,
    /** The write running now, if any. */
    inflight: null as Promise<void> | null,
    timer: undefined as number | undefined,
    /** The case file whose save state counts this letter's waiting edit ("Saving…"), or null. */
    holding: null as string | null,
  });
  const flushRef = useRef<() => Promise<void>>(() => Promise.resolve());

  const editor = useEditor({
    extensions: letterExtensions(),
    content: toEditorContent(view.version.doc),
    editable,
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'letter-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Letter text',
        spellcheck: 'true',
      },
    },
    onUpdate: () => {
      const s = state.current;
      s.edits += 1;
      hold(s);
      window.clearTimeout(s.timer);
      s.timer = window.setTimeout(() => void flushRef.current(), LETTER_AUTOSAVE_MS);
    },
  });

  const flush = useCallback(async (): Promise<void> => {
    const s = state.current;
    window.clearTimeout(s.timer);
    s.timer = undefined;
    // One write at a time: wait for the one running, then write what was typed meanwhile.
    if (s.inflight !== null) await s.inflight;
    if (s.edits === s.saved || editor.isDestroyed) return release(s);
    const doc = toLetterDocument(editor.getJSON());
    if (doc === null) {
      release(s);
      setProblem(LETTER_SAVE_KEY, 'The letter holds something that cannot be saved; undo the last change.');
      return;
    }
    const sent = s.edits;
    const write = save(letterId, s.base, doc);
    s.inflight = write.then(() => undefined);
    const outcome = await write;
    s.inflight = null;
    if (outcome.kind === 'saved') {
      s.base = outcome.version;
      s.saved = sent;
      setConflict(null);
      // More typing while the write ran: it waits for its own pause (the edit keeps "Saving…").
      if (s.edits === s.saved) release(s);
      else if (s.timer === undefined)
        s.timer = window.setTimeout(() => void flushRef.current(), LETTER_AUTOSAVE_MS);
      return;
    }
    release(s);
    if (outcome.kind === 'conflict') {
      // The version shown is no longer the latest: say so, and show the latest instead.
      s.saved = s.edits;
      setConflict(
        `This letter was changed elsewhere (now version ${outcome.version}) while you were editing, so your last edits were not saved. The editor now shows version ${outcome.version}; make your change again.`,
      );
      const latest = useLettersStore.getState().view;
      if (latest !== null && latest.letter.id === letterId && !editor.isDestroyed) {
        s.base = latest.version.version;
        replaceContent(editor, latest);
      }
    }
    // A failed write is in the top bar ("Not saved: …") and is tried again on the next edit.
  }, [editor, letterId, save, setProblem]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  // A newer version from elsewhere (freeze, a status change, a reload) replaces an unchanged draft.
  const version = view.version.version;
  useEffect(() => {
    const s = state.current;
    if (version <= s.base || s.inflight !== null || s.edits !== s.saved || s.timer !== undefined) return;
    s.base = version;
    const latest = useLettersStore.getState().view;
    if (latest !== null && latest.letter.id === letterId && !editor.isDestroyed)
      replaceContent(editor, latest);
  }, [version, editor, letterId]);

  useEffect(() => {
    if (!editor.isDestroyed) editor.setEditable(editable, false);
  }, [editor, editable]);

  // Closing the case or leaving the section with an edit still waiting writes it first.
  useEffect(() => {
    const s = state.current;
    const unregister = registerPendingEdit(async () => {
      if (s.timer !== undefined || s.inflight !== null) await flushRef.current();
    });
    return () => {
      unregister();
      if (s.timer !== undefined) void flushRef.current();
    };
  }, []);

  return (
    <div className="letter-editor">
      {editable && <EditorToolbar editor={editor} />}
      {conflict !== null && (
        <p className="notice notice--fail letter-editor__conflict" role="alert">
          {conflict}
        </p>
      )}
      <EditorContent editor={editor} className="letter-editor__page" />
    </div>
  );
}
