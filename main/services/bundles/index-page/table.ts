import { markup, type SafeHtml } from '../../../formats/html/html-template';
import { EMPTY } from './blocks';

// The index page's tables: a caption, scoped header cells, the first cell of a row as its header.

export interface Column {
  heading: string;
  align?: 'left' | 'right';
  className?: string;
}

export interface TableSpec {
  caption: string;
  /** Smaller type for secondary tables. */
  compact?: boolean;
  /** As wide as its content rather than the page: a few short columns. */
  narrow?: boolean;
  columns: readonly Column[];
  rows: readonly (readonly SafeHtml[])[];
  foot?: readonly SafeHtml[];
}

/** ` class="…"`, or nothing when the column has no class. */
function cellClass(column: Column | undefined): SafeHtml {
  const classes = [column?.align === 'right' ? 'num' : '', column?.className ?? ''].filter((c) => c !== '');
  return classes.length === 0 ? EMPTY : markup` class="${classes.join(' ')}"`;
}

function tableRow(cells: readonly SafeHtml[], columns: readonly Column[]): SafeHtml {
  const body = cells.map((cell, i) => {
    const css = cellClass(columns[i]);
    // The first cell names the row, so screen readers announce it with every other cell.
    return i === 0 ? markup`<th scope="row"${css}>${cell}</th>` : markup`<td${css}>${cell}</td>`;
  });
  return markup`<tr>${body}</tr>`;
}

export function table(spec: TableSpec): SafeHtml {
  const head = spec.columns.map((c) => markup`<th scope="col"${cellClass(c)}>${c.heading}</th>`);
  const rows = spec.rows.map((cells) => tableRow(cells, spec.columns));
  const foot = spec.foot === undefined ? EMPTY : markup`<tfoot>${tableRow(spec.foot, spec.columns)}</tfoot>`;
  const classes = [spec.compact === true ? 'compact' : '', spec.narrow === true ? 'narrow' : ''];
  const named = classes.filter((c) => c !== '').join(' ');
  const css = named === '' ? EMPTY : markup` class="${named}"`;
  return markup`<div class="table-wrap"><table${css}><caption>${spec.caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody>${foot}</table></div>`;
}
