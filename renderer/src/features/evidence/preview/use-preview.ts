import { useEffect } from 'react';
import type { Preview } from '../../../../../shared/domain/evidence';
import { usePreviewStore, type PreviewRequest } from '../../../stores/evidence/preview-store';

type PreviewState =
  | { status: 'loading'; last: Preview | null }
  | { status: 'ready'; preview: Preview }
  | { status: 'error'; message: string };

const same = (a: PreviewRequest, b: PreviewRequest) =>
  a.id === b.id && a.mode === b.mode && a.page === b.page && a.line === b.line;

/**
 * One page of a preview, asked for through the preview store. While the next page loads, the
 * page on screen stays (dimmed) rather than blinking away.
 */
export function usePreview(request: PreviewRequest): PreviewState {
  const { id, mode, page, line } = request;
  const answer = usePreviewStore((state) => state.answer);
  const ask = usePreviewStore((state) => state.request);

  useEffect(() => {
    void ask({ id, mode, page, line });
  }, [ask, id, mode, page, line]);

  if (answer !== null && same(answer.request, request)) {
    return 'preview' in answer
      ? { status: 'ready', preview: answer.preview }
      : { status: 'error', message: answer.message };
  }
  const sameView = answer !== null && answer.request.id === id && answer.request.mode === mode;
  return { status: 'loading', last: sameView && 'preview' in answer ? answer.preview : null };
}
