import { useEffect } from 'react';
import { useContentChanged } from '../../lib/use-content-changed';
import { useTasksNotesStore } from '../../stores/tasks-notes-store';
import { NotesPanel } from './NotesPanel';
import { TasksPanel } from './TasksPanel';

/** What has to be done, by whom and by when; and the team's notes, privileged ones marked. */
export function TasksNotesSection() {
  const loadTasks = useTasksNotesStore((state) => state.loadTasks);
  const loadNotes = useTasksNotesStore((state) => state.loadNotes);
  const error = useTasksNotesStore((state) => state.error);

  useEffect(() => {
    void loadTasks();
    void loadNotes();
  }, [loadTasks, loadNotes]);
  useContentChanged(['tasks'], loadTasks);
  useContentChanged(['notes'], loadNotes);

  return (
    <div className="tasks-notes inv-section">
      {error !== null && (
        <p className="notice notice--fail" role="alert">
          {error}
        </p>
      )}
      <TasksPanel />
      <NotesPanel />
    </div>
  );
}
