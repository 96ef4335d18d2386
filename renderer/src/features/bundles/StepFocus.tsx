import type { ReactNode } from 'react';
import { useAutoFocus } from './use-auto-focus';

/**
 * One step of a bundle dialog (options, result, report), focused when it appears so the keyboard
 * and screen readers continue from it. Give it a `key` per step so each step remounts.
 */
export function StepFocus({ children, label }: { children: ReactNode; label?: string }) {
  // The dialog stays scrolled to its top, so its title and the step's first lines are in view.
  const ref = useAutoFocus<HTMLDivElement>({ preventScroll: true });
  return (
    <div ref={ref} tabIndex={-1} className="bundle-step" aria-label={label}>
      {children}
    </div>
  );
}
