import { useId } from 'react';
import type { BundleProblem, BundleProblemCode } from '../../../../shared/domain/bundle';

const CODE_LABELS: Record<BundleProblemCode, string> = {
  envelope: 'Envelope (age)',
  archive: 'Archive',
  structure: 'Structure',
  'bagit-txt': 'bagit.txt',
  'bag-info': 'bag-info.txt',
  manifest: 'Manifest',
  'missing-file': 'Missing file',
  'unexpected-file': 'Unexpected file',
  checksum: 'Checksum',
  'payload-oxum': 'Payload-Oxum',
  signature: 'Signature',
  audit: 'Audit chain',
  snapshot: 'Snapshot',
};

/** Every problem verification found, naming the file at fault. */
export function ProblemsTable({ problems }: { problems: BundleProblem[] }) {
  const headingId = useId();
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="bundle-subtitle">
        Problems
      </h3>
      <div className="bundle-problems">
        <table className="data-table" aria-labelledby={headingId}>
          <colgroup>
            <col className="bundle-problems__kind" />
            <col className="bundle-problems__file" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">File</th>
              <th scope="col">What is wrong</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              <tr key={`${problem.code}-${problem.path ?? ''}-${index}`}>
                <td className="nowrap" title={problem.code}>
                  {CODE_LABELS[problem.code]}
                </td>
                <td className="mono bundle-problems__path">
                  {problem.path ?? <span className="muted">The bundle as a whole</span>}
                </td>
                <td className="bundle-problems__message">{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
