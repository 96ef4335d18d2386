import { useEffect, useRef } from 'react';
import type { Preview } from '../../../../../shared/domain/evidence';
import { formatCount } from '../../../lib/zoned';
import { GoToLine, Pager } from './Pager';

type TextPage = Extract<Preview, { type: 'text' }>;

/** Banner above markup shown as its source. */
export const SOURCE_BANNER =
  'Shown as source text. Breachdesk never renders HTML, SVG or scripts from evidence.';

/**
 * One page of text with 1-based line numbers in a gutter (drawn by CSS from data-line, so copying
 * the text leaves them out). The target line is highlighted and scrolled into view.
 */
export function TextPreview({
  preview,
  totalLines,
  targetLine,
  onPage,
  onLine,
}: {
  preview: TextPage;
  totalLines: number | null;
  targetLine: number | null;
  onPage: (page: number) => void;
  onLine: (line: number) => void;
}) {
  const target = useRef<HTMLLIElement | null>(null);
  const last = preview.firstLine + preview.lines.length - 1;

  useEffect(() => {
    target.current?.scrollIntoView({ block: 'center' });
  }, [preview, targetLine]);

  return (
    <div className="ev-text">
      {preview.source && (
        <p className="ev-banner" role="note">
          {SOURCE_BANNER}
        </p>
      )}
      <div className="ev-toolbar">
        <Pager page={preview.page} pages={preview.pages} onPage={onPage}>
          <GoToLine lines={totalLines} onLine={onLine} />
        </Pager>
        <span className="ev-toolbar__meta muted num">
          {preview.lines.length === 0
            ? 'No lines'
            : `Lines ${formatCount(preview.firstLine)}–${formatCount(last)}`}
          {preview.encoding !== null && ` · ${preview.encoding}`}
        </span>
      </div>
      {preview.lines.length === 0 ? (
        <p className="empty">This page holds no text.</p>
      ) : (
        <div className="ev-scroll" tabIndex={0} aria-label={`Text, lines ${preview.firstLine} to ${last}`}>
          <ol className="ev-lines" start={preview.firstLine}>
            {preview.lines.map((text, index) => {
              const number = preview.firstLine + index;
              const isTarget = number === targetLine;
              return (
                <li
                  key={number}
                  data-line={number}
                  className={isTarget ? 'ev-line ev-line--target' : 'ev-line'}
                  aria-current={isTarget ? 'true' : undefined}
                  ref={isTarget ? target : undefined}
                >
                  <span className="ev-line__text">{text}</span>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </div>
  );
}
