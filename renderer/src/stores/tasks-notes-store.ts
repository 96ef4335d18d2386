import { create } from 'zustand';
import type { Note, Task } from '../../../shared/domain/tasks-notes';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { call, messageOf } from '../api/client';
import { forgetItem } from '../lib/kept-drafts';
import { PendingPatches, upsert } from '../lib/pending-patches';
import { useWorkspaceStore, type SaveKey } from './workspace-store';

type TaskInput = ChannelInput<'tasks.create'>;
type TaskPatch = ChannelInput<'tasks.update'>['patch'];
type NotePatch = ChannelInput<'notes.update'>['patch'];

interface TasksNotesState {
  tasks: Task[] | null;
  notes: Note[] | null;
  selectedNoteId: string | null;
  /** A task to open for editing as soon as its row is shown (from search). */
  taskToOpen: string | null;
  error: string | null;
  loadTasks: () => Promise<void>;
  loadNotes: () => Promise<void>;
  selectNote: (id: string | null) => void;
  openTask: (id: string | null) => void;
  /** Each write resolves null, or the sentence saying why it failed. */
  createTask: (input: TaskInput) => Promise<string | null>;
  updateTask: (key: SaveKey | null, id: string, patch: TaskPatch) => Promise<string | null>;
  removeTask: (id: string) => Promise<string | null>;
  createNote: (title: string) => Promise<string | null>;
  updateNote: (key: SaveKey, id: string, patch: NotePatch) => Promise<string | null>;
  removeNote: (id: string) => Promise<string | null>;
  reset: () => void;
}

let generation = 0;
const pendingTasks = new PendingPatches<TaskPatch>();
const pendingNotes = new PendingPatches<NotePatch>();

const track = (key: SaveKey | null, write: () => Promise<unknown>) =>
  useWorkspaceStore.getState().track(key, write);

// Updates send every editable field (see PendingPatches).
const fullTask = ({ title, owner, due, status }: Task, patch: TaskPatch): TaskPatch => ({
  title,
  owner,
  due,
  status,
  ...patch,
});
const fullNote = ({ title, body, privileged }: Note, patch: NotePatch): NotePatch => ({
  title,
  body,
  privileged,
  ...patch,
});

export const useTasksNotesStore = create<TasksNotesState>()((set, get) => {
  /** An optimistic update of one item, undone if the write fails. */
  function updateItem<T extends Task | Note, P extends object>(
    field: 'tasks' | 'notes',
    pending: PendingPatches<P>,
    key: SaveKey | null,
    item: T,
    full: P,
    write: () => Promise<T>,
  ): Promise<string | null> {
    const mine = generation;
    const replace = (next: T) =>
      set((state) => ({ [field]: upsert<T>(state[field] as T[] | null, next, pending) }));
    pending.add(item.id, full);
    replace(item);
    return track(key, async () => {
      try {
        const saved = await write();
        pending.delete(item.id, full);
        if (mine === generation) replace(saved);
      } catch (error) {
        pending.delete(item.id, full);
        if (mine === generation) replace(item);
        throw error;
      }
    });
  }

  return {
    tasks: null,
    notes: null,
    selectedNoteId: null,
    taskToOpen: null,
    error: null,

    async loadTasks() {
      const mine = generation;
      try {
        const tasks = (await call('tasks.list', {})).map((task) => pendingTasks.apply(task));
        if (mine === generation) set({ tasks, error: null });
      } catch (error) {
        if (mine === generation) set({ error: messageOf(error) });
      }
    },

    async loadNotes() {
      const mine = generation;
      try {
        const notes = (await call('notes.list', {})).map((note) => pendingNotes.apply(note));
        if (mine !== generation) return;
        const selected = get().selectedNoteId;
        const keep = notes.some((note) => note.id === selected);
        set({ notes, error: null, selectedNoteId: keep ? selected : (notes[0]?.id ?? null) });
      } catch (error) {
        if (mine === generation) set({ error: messageOf(error) });
      }
    },

    selectNote(selectedNoteId) {
      set({ selectedNoteId });
    },

    openTask(taskToOpen) {
      set({ taskToOpen });
    },

    createTask(input) {
      const mine = generation;
      return track(null, async () => {
        const task = await call('tasks.create', input);
        if (mine === generation) set((state) => ({ tasks: upsert(state.tasks, task) }));
      });
    },

    updateTask(key, id, patch) {
      const task = get().tasks?.find((t) => t.id === id);
      if (task === undefined) return Promise.resolve('This task is no longer in the case.');
      const full = fullTask(task, patch);
      return updateItem('tasks', pendingTasks, key, task, full, () =>
        call('tasks.update', { id, patch: full }),
      );
    },

    removeTask(id) {
      const mine = generation;
      return track(null, async () => {
        await call('tasks.remove', { id });
        forgetItem(`tasks.${id}.`);
        if (mine === generation) set((state) => ({ tasks: (state.tasks ?? []).filter((t) => t.id !== id) }));
      });
    },

    createNote(title) {
      const mine = generation;
      return track(null, async () => {
        const note = await call('notes.create', { title });
        if (mine === generation)
          set((state) => ({ notes: upsert(state.notes, note), selectedNoteId: note.id }));
      });
    },

    updateNote(key, id, patch) {
      const note = get().notes?.find((n) => n.id === id);
      if (note === undefined) return Promise.resolve('This note is no longer in the case.');
      const full = fullNote(note, patch);
      return updateItem('notes', pendingNotes, key, note, full, () =>
        call('notes.update', { id, patch: full }),
      );
    },

    removeNote(id) {
      const mine = generation;
      return track(null, async () => {
        await call('notes.remove', { id });
        forgetItem(`notes.${id}.`);
        if (mine !== generation) return;
        const notes = (get().notes ?? []).filter((n) => n.id !== id);
        const selected = get().selectedNoteId;
        set({ notes, selectedNoteId: selected === id ? (notes[0]?.id ?? null) : selected });
      });
    },

    reset() {
      generation += 1;
      pendingTasks.clear();
      pendingNotes.clear();
      set({ tasks: null, notes: null, selectedNoteId: null, taskToOpen: null, error: null });
    },
  };
});

useWorkspaceStore.subscribe((state, previous) => {
  if (state.current?.path !== previous.current?.path) useTasksNotesStore.getState().reset();
});
