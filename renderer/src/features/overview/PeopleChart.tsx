import { useId } from 'react';
import type { Overview } from '../../../../shared/domain/overview';
import { useWidth } from './useWidth';
import { formatCount } from '../../../../shared/text/count';

type Population = Overview['populations'][number];

const ROW = 26;
const BAR = 16;
/** Extra height for each further line of a label that wraps. */
const LINE = 15;
const LABEL_WIDTH = 215;
const VALUE_WIDTH = 150;
/** Characters of a label line that fit LABEL_WIDTH at the chart's type size. */
const LABEL_CHARS = 30;
/** Rows drawn; the rest are summed into one "other jurisdictions" bar (the table lists all). */
const MAX_BARS = 12;

/** A label whole, broken at spaces into lines of at most `max` characters (a longer word stays whole). */
export function wrapLabel(text: string, max = LABEL_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= max) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * "California (US-CA)", "Germany (DE)": the name people know, then the code; a name's own aside
 * becomes a clause, so "European Union, member states not listed separately (EU)" reads whole.
 */
export function labelOf(row: Pick<Population, 'name' | 'jurisdiction'>): string {
  const name = row.name.endsWith(' (US)') ? row.name.slice(0, -5) : row.name;
  return `${name.replace(/\s*\(([^()]*)\)$/, ', $1')} (${row.jurisdiction})`;
}

function bars(rows: readonly Population[]): { key: string; label: string; count: number; exact: boolean }[] {
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  const shown = sorted.slice(0, MAX_BARS).map((row) => ({
    key: row.jurisdiction,
    label: labelOf(row),
    count: row.count,
    exact: row.exact,
  }));
  const rest = sorted.slice(MAX_BARS);
  if (rest.length > 0) {
    shown.push({
      key: 'rest',
      label: `${rest.length} other jurisdictions`,
      count: rest.reduce((sum, row) => sum + row.count, 0),
      exact: rest.every((row) => row.exact),
    });
  }
  return shown;
}

/** People affected by jurisdiction, largest first; estimates drawn hatched and marked in words. */
export function PeopleChart({ populations }: { populations: readonly Population[] }) {
  const { ref, width } = useWidth<HTMLDivElement>(760);
  const captionId = useId();
  if (populations.length === 0) {
    return (
      <p className="empty">
        Record how many people are affected in each jurisdiction (in People &amp; data) to see them compared
        here.
      </p>
    );
  }
  const rows = bars(populations);
  const max = Math.max(1, ...rows.map((row) => row.count));
  const plot = Math.max(80, width - LABEL_WIDTH - VALUE_WIDTH);
  const lines = rows.map((row) => wrapLabel(row.label));
  const tops: number[] = [];
  let height = 2;
  for (const rowLines of lines) {
    tops.push(height);
    height += ROW + (rowLines.length - 1) * LINE;
  }
  height += 2;
  const sorted = [...populations].sort((a, b) => b.count - a.count);

  return (
    <figure className="chart">
      <figcaption className="offscreen" id={captionId}>
        People affected by jurisdiction, largest first
      </figcaption>
      <div ref={ref} className="chart__frame">
        <svg
          className="chart__svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          aria-hidden="true"
        >
          {rows.map((row, index) => {
            const y = tops[index] ?? 0;
            const labelLines = lines[index] ?? [row.label];
            const barWidth = Math.max(2, (row.count / max) * plot);
            return (
              <g key={row.key} className={row.exact ? 'chart__row' : 'chart__row chart__row--estimate'}>
                <title>{`${row.label}: ${formatCount(row.count)}${row.exact ? '' : ' (estimate)'}`}</title>
                <text className="chart__label" x={LABEL_WIDTH - 10} y={y + BAR - 3} textAnchor="end">
                  {labelLines.map((text, line) => (
                    <tspan key={line} x={LABEL_WIDTH - 10} dy={line === 0 ? 0 : LINE}>
                      {text}
                    </tspan>
                  ))}
                </text>
                <rect className="chart__bar" x={LABEL_WIDTH} y={y} width={barWidth} height={BAR} rx={2} />
                <text className="chart__value" x={LABEL_WIDTH + barWidth + 8} y={y + BAR - 3}>
                  {formatCount(row.count)}
                  {row.exact ? '' : ' (estimate)'}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <table className="offscreen" aria-labelledby={captionId}>
        <thead>
          <tr>
            <th scope="col">Jurisdiction</th>
            <th scope="col">People affected</th>
            <th scope="col">Exact or estimate</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.jurisdiction}>
              <th scope="row">
                {row.name} ({row.jurisdiction})
              </th>
              <td>{formatCount(row.count)}</td>
              <td>{row.exact ? 'Exact' : 'Estimate'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
