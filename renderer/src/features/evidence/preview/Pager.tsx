import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../../components/Button';
import { formatCount } from '../../../../../shared/text/count';

/**
 * Previous / Next with "page X of Y" (pages are 0-based in the contract, 1-based on screen); a
 * single page needs none of it.
 */
export function Pager({
  page,
  pages,
  onPage,
  what = 'page',
  children,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  what?: string;
  children?: ReactNode;
}) {
  if (pages <= 1) return <div className="evp-pager">{children}</div>;
  return (
    <div className="evp-pager">
      <Button small disabled={page <= 0} onClick={() => onPage(page - 1)} aria-label={`Previous ${what}`}>
        Previous
      </Button>
      <span className="evp-pager__where num" aria-live="polite">
        Page {formatCount(page + 1)} of {formatCount(Math.max(pages, 1))}
      </span>
      <Button small disabled={page >= pages - 1} onClick={() => onPage(page + 1)} aria-label={`Next ${what}`}>
        Next
      </Button>
      {children}
    </div>
  );
}

/** A line number to jump to; the page holding it is fetched and the line highlighted. */
export function GoToLine({ lines, onLine }: { lines: number | null; onLine: (line: number) => void }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  function submit(event: FormEvent): void {
    event.preventDefault();
    const line = Number(value.trim());
    if (!Number.isInteger(line) || line < 1) {
      setProblem('Type a line number, 1 or more.');
      return;
    }
    if (lines !== null && lines > 0 && line > lines) {
      setProblem(`The text has ${formatCount(lines)} lines.`);
      return;
    }
    setProblem(null);
    onLine(line);
  }

  return (
    <form className="evp-goto" onSubmit={submit}>
      <label htmlFor={id} className="evp-goto__label">
        Go to line
      </label>
      <input
        id={id}
        className="field__control field__control--compact evp-goto__input num"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : `${id}-problem`}
        onChange={(event) => setValue(event.target.value)}
      />
      <Button small type="submit">
        Go
      </Button>
      {problem !== null && (
        <span id={`${id}-problem`} className="inline-error">
          {problem}
        </span>
      )}
    </form>
  );
}
