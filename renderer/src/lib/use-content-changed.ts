import { useEffect } from 'react';
import type { CONTENT_AREAS } from '../../../shared/ipc/contract';
import { onEvent } from '../api/client';

type ContentArea = (typeof CONTENT_AREAS)[number];

/** Calls `reload` when main says one of `areas` changed in the open case (an import, another window). */
export function useContentChanged(areas: readonly ContentArea[], reload: () => unknown): void {
  const key = areas.join(',');
  useEffect(() => {
    const watched = new Set(key.split(','));
    return onEvent('case.contentChanged', (payload) => {
      if (payload.areas.some((area) => watched.has(area))) void reload();
    });
  }, [key, reload]);
}
