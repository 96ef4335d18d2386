import { useEffect, useId, useState } from 'react';
import type { Note } from '../../../../shared/domain/tasks-notes';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { draftSlot, isString } from '../../lib/kept-drafts';
import { formatInstant } from '../../lib/time';
import { noProblem, sameText, useAutosave } from '../../lib/use-autosave';
import { useTasksNotesStore } from '../../stores/tasks-notes-store';
import { MarkdownPreview } from './MarkdownPreview';

/** One note: title and Markdown body save themselves; Preview shows the body rendered safely. */
export function NoteEditor({ note, focusTitle }: { note: Note; focusTitle: boolean }) {
  const updateNote = useTasksNotesStore((state) => state.updateNote);
  const removeNote = useTasksNotesStore((state) => state.removeNote);
  const [preview, setPreview] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [flagError, setFlagError] = useState<string | null>(null);
  const id = useId();
  const bodyKey = `notes.${note.id}.body` as const;
  const body = useAutosave<string>({
    saveKey: bodyKey,
    stored: note.body,
    same: sameText,
    validate: noProblem,
    save: async (text) => (await updateNote(bodyKey, note.id, { body: text })) === null,
    ...draftSlot(bodyKey, isString),
  });

  async function setPrivileged(privileged: boolean): Promise<void> {
    setFlagError(await updateNote(`notes.${note.id}.privileged`, note.id, { privileged }));
  }

  useEffect(() => {
    if (!focusTitle) return;
    const title = document.getElementById(`${id}-title`)?.querySelector('input');
    title?.select();
  }, [focusTitle, id]);

  return (
    <article className="note-editor" aria-labelledby={`${id}-heading`}>
      <header className="detail__header">
        <div>
          <h4 id={`${id}-heading`} className="note-editor__title">
            {note.title}
            {note.privileged && (
              <span className="badge badge--privileged">Privileged &amp; confidential</span>
            )}
          </h4>
          <p className="muted small">
            Last changed <time dateTime={note.updatedAt}>{formatInstant(note.updatedAt)}</time>
          </p>
        </div>
        <Button small onClick={() => setConfirming(true)}>
          Remove note…
        </Button>
      </header>
      <div className="note-editor__fields" id={`${id}-title`}>
        <AutosaveTextField
          label="Title"
          saveKey={`notes.${note.id}.title`}
          stored={note.title}
          maxLength={300}
          validate={(text) => (text.trim() === '' ? 'Title cannot be empty' : null)}
          save={async (text) =>
            (await updateNote(`notes.${note.id}.title`, note.id, { title: text.trim() })) === null
          }
        />
        <label className="check privileged-check">
          <input
            type="checkbox"
            checked={note.privileged}
            onChange={(event) => void setPrivileged(event.target.checked)}
          />
          <span>
            Privileged &amp; confidential
            <span className="check__detail">
              {' '}
              — legal advice or work product; kept out of exports by default
            </span>
          </span>
        </label>
        {flagError !== null && (
          <p className="inline-error" role="alert">
            {flagError}
          </p>
        )}
      </div>
      <div className="note-editor__body">
        <div className="note-editor__bar">
          <span className="field__label" id={`${id}-body-label`}>
            Body (Markdown)
          </span>
          <Button small aria-pressed={preview} onClick={() => setPreview((on) => !on)}>
            Preview
          </Button>
        </div>
        {preview ? (
          <>
            <div className="markdown" role="region" aria-label={`Preview of ${note.title}`}>
              <MarkdownPreview source={body.draft} />
            </div>
            <p className="markdown-note">
              HTML and images in the Markdown are not shown; links are shown as text, with their address on
              hover.
            </p>
          </>
        ) : (
          <textarea
            className="field__control field__control--area note-editor__text"
            aria-labelledby={`${id}-body-label`}
            rows={12}
            maxLength={200_000}
            value={body.draft}
            onChange={(event) => body.change(event.target.value)}
            onBlur={body.commit}
          />
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title="Remove this note?"
          confirmLabel="Remove note"
          onConfirm={() => removeNote(note.id)}
          onClose={() => setConfirming(false)}
        >
          <p>
            The note “{note.title}”{note.privileged ? ' (privileged & confidential)' : ''} and its text will
            be removed from this case. The removal is recorded in the audit log.
          </p>
        </ConfirmDialog>
      )}
    </article>
  );
}
