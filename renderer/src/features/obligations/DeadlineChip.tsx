import { useEffect } from 'react';
import { useContentChanged } from '../../lib/use-content-changed';
import { useObligationsStore } from '../../stores/obligations-store';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { countdown, formatAt, nearestDeadline, shortName, useNow } from './format';

const AREAS = ['facts', 'dataElements', 'populations', 'obligations'] as const;

/**
 * The nearest open deadline in the top bar ("Art. 33 due in 41 h"): red when overdue, amber within
 * 24 h; opens the Obligations section. It shares the board's store, and keeps it current for both.
 */
export function DeadlineChip() {
  const path = useWorkspaceStore((state) => state.current?.path ?? null);
  const showSection = useWorkspaceStore((state) => state.showSection);
  const board = useObligationsStore((state) => state.board);
  const load = useObligationsStore((state) => state.load);
  const showTab = useObligationsStore((state) => state.showTab);
  const now = useNow();

  useEffect(() => {
    if (path !== null) void load();
  }, [path, load]);
  useContentChanged(AREAS, load);

  const nearest = board === null ? null : nearestDeadline(board.rows);
  if (path === null || nearest === null) return null;
  const left = countdown(nearest.due, now);
  const short = shortName(nearest.obligation);
  const at = formatAt(nearest.due);

  return (
    <button
      type="button"
      className={`deadline-chip deadline-chip--${left.urgency}`}
      aria-label={`Nearest deadline: ${short} ${left.text}, ${at}`}
      title={`${nearest.obligation.title}: ${at}`}
      onClick={() => {
        showTab('board');
        showSection('obligations');
      }}
    >
      <span className="deadline-chip__dot" aria-hidden="true" />
      <span className="deadline-chip__text">
        {short} {left.text}
      </span>
    </button>
  );
}
