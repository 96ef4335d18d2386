import type { Dataset } from '../../../../../shared/domain/roster';
import { formatCount } from '../../../../../shared/text/count';
import { HashText } from '../../../components/HashText';
import { formatInstant } from '../../../lib/time';
import { FORMAT_LABELS } from './format';

/** Every dataset read into the roster: what it was, how much of it was read, and what it limits. */
export function DatasetsTable({ datasets }: { datasets: readonly Dataset[] }) {
  const names = new Map(datasets.map((dataset) => [dataset.id, dataset.name]));
  return (
    <div className="table-scroll">
      <table className="data-table roster-datasets">
        <caption className="offscreen">Datasets in the roster</caption>
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col">Format</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col" className="num">
              Skipped
            </th>
            <th scope="col">Imported</th>
            <th scope="col">Scope of</th>
            <th scope="col">SHA-256 of the file</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((dataset) => (
            <tr key={dataset.id}>
              <th scope="row">
                {dataset.name}
                {dataset.sourceName !== dataset.name && (
                  <span className="roster-datasets__file muted"> {dataset.sourceName}</span>
                )}
              </th>
              <td>{FORMAT_LABELS[dataset.format]}</td>
              <td className="num">{formatCount(dataset.rows)}</td>
              <td className="num">{formatCount(dataset.skipped)}</td>
              <td>
                <time dateTime={dataset.importedAt}>{formatInstant(dataset.importedAt)}</time>
                <span className="muted"> by {dataset.importedBy}</span>
              </td>
              <td>
                {dataset.scopeOf === null
                  ? '—'
                  : (names.get(dataset.scopeOf) ?? 'A dataset no longer listed')}
              </td>
              <td>
                <HashText value={dataset.sourceSha256} label={`SHA-256 of ${dataset.name}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
