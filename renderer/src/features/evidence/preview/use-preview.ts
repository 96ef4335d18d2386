import { useEffect, useState } from 'react';
import type { Preview } from '../../../../../shared/domain/evidence';
import { call, messageOf } from '../../../api/client';

export type PreviewMode = 'natural' | 'text' | 'hex';

/** What to ask for: a page, or the page holding a 1-based line of the item's text. */
export interface PreviewRequest {
  id: string;
  mode: PreviewMode;
  page: number;
  line: number | null;
}

export type PreviewState =
  | { status: 'loading'; last: Preview | null }
  | { status: 'ready'; preview: Preview }
  | { status: 'error'; message: string };

type Answer = { request: PreviewRequest } & ({ preview: Preview } | { message: string });

const same = (a: PreviewRequest, b: PreviewRequest) =>
  a.id === b.id && a.mode === b.mode && a.page === b.page && a.line === b.line;

/**
 * Fetches one page of a preview through `evidence.preview`. Answers to requests that were
 * replaced while they ran are dropped, so quick paging never shows a stale page; while the next
 * page loads, the page on screen stays (dimmed) rather than blinking away.
 */
export function usePreview(request: PreviewRequest): PreviewState {
  const { id, mode, page, line } = request;
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    let current = true;
    const asked: PreviewRequest = { id, mode, page, line };
    call('evidence.preview', line === null ? { id, mode, page } : { id, mode, page, line })
      .then((preview) => {
        if (current) setAnswer({ request: asked, preview });
      })
      .catch((error: unknown) => {
        if (current) setAnswer({ request: asked, message: messageOf(error) });
      });
    return () => {
      current = false;
    };
  }, [id, mode, page, line]);

  if (answer !== null && same(answer.request, request)) {
    return 'preview' in answer
      ? { status: 'ready', preview: answer.preview }
      : { status: 'error', message: answer.message };
  }
  const sameView = answer !== null && answer.request.id === id && answer.request.mode === mode;
  return { status: 'loading', last: sameView && 'preview' in answer ? answer.preview : null };
}
