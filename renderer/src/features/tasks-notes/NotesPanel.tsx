import { useState } from 'react';
import { Button } from '../../components/Button';
import { formatInstant } from '../../lib/time';
import { useTasksNotesStore } from '../../stores/tasks-notes-store';
import { NoteEditor } from './NoteEditor';

/** Notes on the left (newest change first), the selected one on the right. */
export function NotesPanel() {
  const notes = useTasksNotesStore((state) => state.notes);
  const selectedId = useTasksNotesStore((state) => state.selectedNoteId);
  const selectNote = useTasksNotesStore((state) => state.selectNote);
  const createNote = useTasksNotesStore((state) => state.createNote);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const sorted = [...(notes ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const selected = sorted.find((note) => note.id === selectedId);

  async function create(): Promise<void> {
    const problem = await createNote('Untitled note');
    setFailure(problem);
    if (problem === null) setCreated(useTasksNotesStore.getState().selectedNoteId);
  }

  return (
    <section className="panel" aria-labelledby="notes-heading">
      <h3 id="notes-heading" className="panel__title">
        Notes
      </h3>
      <p className="panel__intro">
        Written in Markdown. Mark legal advice and work product as privileged &amp; confidential: such notes
        are kept out of exports and bundles by default.
      </p>
      <div className="master-detail master-detail--inner">
        <div className="master">
          <div className="master__toolbar">
            <Button onClick={() => void create()}>New note</Button>
          </div>
          {failure !== null && (
            <p className="inline-error" role="alert">
              {failure}
            </p>
          )}
          {notes !== null && notes.length === 0 && (
            <p className="empty">No notes yet. Keep interview notes, advice and open questions here.</p>
          )}
          {sorted.length > 0 && (
            <ul className="master__list" aria-label="Notes">
              {sorted.map((note) => (
                <li key={note.id}>
                  <button
                    type="button"
                    className="master__item"
                    aria-current={note.id === selectedId ? 'true' : undefined}
                    onClick={() => selectNote(note.id)}
                  >
                    <span className="master__item-title">{note.title}</span>
                    <span className="master__item-meta">
                      {note.privileged && <span className="badge badge--privileged">Privileged</span>}
                      <time dateTime={note.updatedAt}>{formatInstant(note.updatedAt)}</time>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="detail">
          {selected !== undefined && (
            <NoteEditor key={selected.id} note={selected} focusTitle={selected.id === created} />
          )}
        </div>
      </div>
    </section>
  );
}
