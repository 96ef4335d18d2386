import { create } from 'zustand';
import type { Preview } from '../../../../shared/domain/evidence';
import { call, messageOf } from '../../api/client';
import { resetOnCaseChange } from '../../lib/track-save';

export type PreviewMode = 'natural' | 'text' | 'hex';

/** What to ask for: a page, or the page holding a 1-based line of the item's text. */
export interface PreviewRequest {
  id: string;
  mode: PreviewMode;
  page: number;
  line: number | null;
}

/** The answer to the latest request: the page, or why it could not be shown. */
type PreviewAnswer = { request: PreviewRequest } & ({ preview: Preview } | { message: string });

interface PreviewStoreState {
  answer: PreviewAnswer | null;
  /** Asks for one page; an answer to a request replaced while it ran is dropped. */
  request: (request: PreviewRequest) => Promise<void>;
  reset: () => void;
}

/** The latest request: only its answer is kept, so quick paging never shows a stale page. */
let latest: PreviewRequest | null = null;

/** The page of the selected item's preview (one preview is on screen at a time). */
export const usePreviewStore = create<PreviewStoreState>()((set) => ({
  answer: null,

  async request(request) {
    latest = request;
    const { id, mode, page, line } = request;
    try {
      const preview = await call(
        'evidence.preview',
        line === null ? { id, mode, page } : { id, mode, page, line },
      );
      if (latest === request) set({ answer: { request, preview } });
    } catch (error) {
      if (latest === request) set({ answer: { request, message: messageOf(error) } });
    }
  },

  reset() {
    latest = null;
    set({ answer: null });
  },
}));

resetOnCaseChange(() => usePreviewStore.getState().reset());
