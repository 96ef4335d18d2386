import { useEffect, useRef, type ReactNode } from 'react';

/**
 * One step of the import dialog, focused when it appears so the keyboard and screen readers go
 * on from it (the control that had the focus is gone with the previous step).
 */
export function StepFocus({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus({ preventScroll: true }), []);
  return (
    <div ref={ref} tabIndex={-1} className="roster-step">
      {children}
    </div>
  );
}
