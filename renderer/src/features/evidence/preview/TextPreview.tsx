import { useEffect, useRef } from 'react';
import type { Preview } from '../../../../../shared/domain/evidence';
import { GoToLine, Pager } from './Pager';
import { formatCount } from '../../../../../shared/text/count';

type TextPage = Extract<Preview, { type: 'text' }>;

/** Banner above markup shown as its source. */
const SOURCE_BANNER = 'Shown as source text. Breachdesk never renders HTML, SVG or scripts from evidence.';

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
    <div className="evp-text">
      {preview.source && (
        <p className="evp-banner" role="note">
          {SOURCE_BANNER}
        </p>
      )}
      <div className="evp-toolbar">
        <Pager page={preview.page} pages={preview.pages} onPage={onPage}>
          <GoToLine lines={totalLines} onLine={onLine} />
        </Pager>
        <span className="evp-toolbar__meta muted num">
          {preview.lines.length === 0
            ? 'No lines'
            : `Lines ${formatCount(preview.firstLine)}–${formatCount(last)}`}
          {preview.encoding !== null && ` · ${preview.encoding}`}
        </span>
      </div>
      {preview.lines.length === 0 ? (
        <p className="empty">This page holds no text.</p>
      ) : (
        <div
          className="evp-scroll"
          tabIndex={0}
          role="region"
          aria-label={`Text, lines ${preview.firstLine} to ${last}`}
        >
          <ol className="evp-lines" start={preview.firstLine}>
            {preview.lines.map((text, index) => {
              const number = preview.firstLine + index;
              const isTarget = number === targetLine;
              return (
                <li
                  key={number}
                  data-line={number}
                  className={isTarget ? 'evp-line evp-line--target' : 'evp-line'}
                  aria-current={isTarget ? 'true' : undefined}
                  ref={isTarget ? target : undefined}
                >
                  <span className="evp-line__text">{text}</span>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </div>
  );
}
