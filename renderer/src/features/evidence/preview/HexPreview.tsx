import type { Preview } from '../../../../../shared/domain/evidence';
import { Pager } from './Pager';

type HexPage = Extract<Preview, { type: 'hex' }>;

function offsetText(offset: number): string {
  return offset.toString(16).padStart(8, '0');
}

/** Raw bytes: offset, hex and printable ASCII per row, a page at a time. */
export function HexPreview({ preview, onPage }: { preview: HexPage; onPage: (page: number) => void }) {
  return (
    <div className="evp-hex">
      <div className="evp-toolbar">
        <Pager page={preview.page} pages={preview.pages} onPage={onPage} />
        <span className="evp-toolbar__meta muted num">From byte 0x{offsetText(preview.offset)}</span>
      </div>
      {preview.rows.length === 0 ? (
        <p className="empty">The file is empty.</p>
      ) : (
        <div className="evp-scroll" tabIndex={0} role="region" aria-label="Hex dump">
          <table className="evp-hexgrid">
            <caption className="offscreen">Bytes as hexadecimal and ASCII</caption>
            <thead>
              <tr>
                <th scope="col">Offset</th>
                <th scope="col">Hex</th>
                <th scope="col">ASCII</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.offset}>
                  <th scope="row" className="evp-hexgrid__offset">
                    {offsetText(row.offset)}
                  </th>
                  <td className="evp-hexgrid__hex">{row.hex}</td>
                  <td className="evp-hexgrid__ascii">{row.ascii}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
