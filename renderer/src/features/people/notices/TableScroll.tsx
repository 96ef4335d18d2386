import type { ReactNode } from 'react';

/**
 * A table that may be wider than the pane: its scroll box takes the keyboard (arrows scroll it),
 * so every column can be reached without a mouse.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}
