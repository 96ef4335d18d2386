import type { Note } from '../../../../shared/domain/tasks-notes';
import { markup, type SafeHtml } from '../../../formats/html/html-template';
import { EMPTY, emptyState, prose, section } from './blocks';
import type { BundleIndexModel } from './model';
import { utcText } from './text';

// The index page's Notes: privileged ones only when the export included them.

function noteArticle(note: Note): SafeHtml {
  const marker = note.privileged ? markup`<p class="privileged">Privileged &amp; confidential</p>` : EMPTY;
  return markup`<article class="note">${marker}<h3>${note.title}</h3><p class="stamp">Updated ${utcText(note.updatedAt)}</p>${prose(note.body, 'No text.')}</article>`;
}

export function notesSection(model: BundleIndexModel): SafeHtml {
  // A privileged note reaches this page only if the export included privileged notes; should one
  // slip through otherwise, it is left out here rather than disclosed.
  const notes = model.notes.filter((n) => !n.privileged || model.bundle.includesPrivilegedNotes);
  const left = model.bundle.includesPrivilegedNotes
    ? EMPTY
    : markup`<p class="muted">Privileged notes were left out of this bundle.</p>`;
  const body =
    notes.length === 0 ? emptyState('No notes in this bundle.') : markup`${notes.map(noteArticle)}`;
  return section({ id: 'notes', heading: 'Notes', body: markup`${left}${body}` });
}
