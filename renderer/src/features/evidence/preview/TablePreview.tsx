import type { Preview } from '../../../../../shared/domain/evidence';
import { Pager } from './Pager';
import { formatCount } from '../../../../../shared/text/count';

type TablePage = Extract<Preview, { type: 'table' }>;

/** CSV as a table: the header row as column headers, each row with its line in the file. */
export function TablePreview({
  preview,
  name,
  onPage,
}: {
  preview: TablePage;
  name: string;
  onPage: (page: number) => void;
}) {
  const width = Math.max(preview.header.length, ...preview.rows.map((row) => row.length));
  const columns = Array.from({ length: width }, (_, index) => preview.header[index] ?? `Column ${index + 1}`);
  return (
    <div className="evp-table">
      <div className="evp-toolbar">
        <Pager page={preview.page} pages={preview.pages} onPage={onPage} />
        <span className="evp-toolbar__meta muted num">
          {formatCount(preview.rows.length)} {preview.rows.length === 1 ? 'row' : 'rows'} on this page
        </span>
      </div>
      <div className="evp-scroll" tabIndex={0} role="region" aria-label={`Table of ${name}`}>
        <table className="evp-grid">
          <caption className="offscreen">
            {name}, page {preview.page + 1} of {Math.max(preview.pages, 1)}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="evp-grid__line">
                <span className="offscreen">Line</span>
              </th>
              {columns.map((column, index) => (
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                <th scope="row" className="evp-grid__line num">
                  {preview.firstLine + rowIndex}
                </th>
                {columns.map((_, index) => (
                  <td key={index}>{row[index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
