import { create } from 'zustand';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../api/client';

export type LetterFormat = 'pdf' | 'docx' | 'html';
export type RenderedLetter = ChannelOutput<'letters.render'>;

interface LetterOutputState {
  /** Asks where to save, then writes the letter there; null when nothing was chosen; rejects with the failure. */
  renderLetter: (
    letterId: string,
    format: LetterFormat,
    suggestedName: string,
    /** Called once a path is chosen, as the writing starts. */
    writing: () => void,
  ) => Promise<RenderedLetter | null>;
}

/** PDF, DOCX and HTML of a letter, written by main where the person chooses. */
export const useLetterOutputStore = create<LetterOutputState>()(() => ({
  async renderLetter(letterId, format, suggestedName, writing) {
    const { path } = await call('dialog.chooseExportPath', { suggestedName });
    if (path === null) return null;
    writing();
    // The native save dialog has already asked before replacing an existing file.
    return call('letters.render', { id: letterId, format, path, overwrite: true });
  },
}));
