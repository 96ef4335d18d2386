import { useEffect, useRef } from 'react';

/**
 * Focuses the element once it is on screen, unless the keyboard is already inside it. A dialog
 * whose step changes (options → progress → result) would otherwise leave the keyboard on a button
 * that no longer exists, outside the dialog. It waits a frame so a dialog opening with this step
 * first records where focus was (to return there) and places its own first focus.
 */
export function useAutoFocus<T extends HTMLElement>({ preventScroll = false } = {}) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const frame = window.requestAnimationFrame(() => {
      const element = ref.current;
      if (element !== null && !element.contains(document.activeElement)) element.focus({ preventScroll });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [preventScroll]);
  return ref;
}
