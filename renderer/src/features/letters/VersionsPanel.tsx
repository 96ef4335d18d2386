import { useEffect, useState } from 'react';
import type { LetterVersion } from '../../../../shared/domain/letters';
import { messageOf } from '../../api/client';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { formatInstant } from '../../lib/time';
import { useLetterVersionsStore, type DiffPart, type VersionRow } from '../../stores/letter-versions-store';
import { DocView } from './DocView';
import { KIND_LABELS } from './status';

interface VersionsPanelProps {
  letterId: string;
  latestVersion: number;
  approvedVersion: number | null;
}

const KEEP = 120;

/** Unchanged text between changes: long stretches keep only their ends around the changes. */
function Unchanged({ text, first, last }: { text: string; first: boolean; last: boolean }) {
  if (text.length <= KEEP * 2 + 40) return <span>{text}</span>;
  const head = first ? '' : text.slice(0, KEEP);
  const tail = last ? '' : text.slice(-KEEP);
  const hidden = text.length - head.length - tail.length;
  return (
    <span>
      {head}
      <span className="letter-diff__gap"> [… {hidden.toLocaleString('en')} unchanged characters …] </span>
      {tail}
    </span>
  );
}

/** Every saved version (none can change or be deleted), each viewable; two can be compared. */
export function VersionsPanel({ letterId, latestVersion, approvedVersion }: VersionsPanelProps) {
  const listVersions = useLetterVersionsStore((state) => state.listVersions);
  const readVersion = useLetterVersionsStore((state) => state.readVersion);
  const compareVersions = useLetterVersionsStore((state) => state.compareVersions);
  const [versions, setVersions] = useState<VersionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<LetterVersion | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<{ from: number; to: number; parts: DiffPart[] } | null>(null);
  const [diffError, setDiffError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    listVersions(letterId)
      .then((rows) => {
        if (!live) return;
        setVersions(rows);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (live) setError(messageOf(failure));
      });
    return () => {
      live = false;
    };
  }, [letterId, latestVersion, listVersions]);

  const numbers = [...(versions ?? [])].map((v) => v.version).sort((a, b) => b - a);
  const toValue = to === '' ? String(numbers[0] ?? '') : to;
  const fromValue = from === '' ? String(numbers[1] ?? numbers[0] ?? '') : from;
  const options = numbers.map((n) => ({ value: String(n), label: `Version ${n}` }));

  async function view(version: number): Promise<void> {
    if (viewing?.version === version) return setViewing(null);
    try {
      setViewing(await readVersion(letterId, version));
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  async function compare(): Promise<void> {
    const a = Number(fromValue);
    const b = Number(toValue);
    try {
      setDiff({ from: a, to: b, parts: await compareVersions(letterId, a, b) });
      setDiffError(null);
    } catch (failure) {
      setDiff(null);
      setDiffError(messageOf(failure));
    }
  }

  return (
    <section className="panel letter-versions" aria-labelledby="letter-versions-heading">
      <h3 id="letter-versions-heading" className="panel__subtitle">
        Versions
      </h3>
      <p className="muted small">
        Every save is a version; versions are kept as saved and cannot be changed or deleted.
      </p>
      {error !== null && (
        <p className="notice notice--fail" role="alert">
          {error}
        </p>
      )}
      {versions !== null && versions.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="offscreen">Letter versions</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Kind</th>
                <th scope="col">Saved</th>
                <th scope="col">
                  <span className="offscreen">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...versions]
                .sort((a, b) => b.version - a.version)
                .map((row) => (
                  <tr key={row.version}>
                    <th scope="row" className="num">
                      Version {row.version}
                      {row.version === approvedVersion && (
                        <span className="badge letter-status--approved">approved</span>
                      )}
                    </th>
                    <td>{KIND_LABELS[row.kind]}</td>
                    <td>
                      <time className="num" dateTime={row.savedAt}>
                        {formatInstant(row.savedAt)}
                      </time>{' '}
                      <span className="muted">by {row.savedBy}</span>
                    </td>
                    <td className="data-table__actions">
                      <Button
                        small
                        variant="quiet"
                        aria-expanded={viewing?.version === row.version}
                        onClick={() => void view(row.version)}
                      >
                        {viewing?.version === row.version ? 'Hide' : 'View'}
                        <span className="offscreen"> version {row.version}</span>
                      </Button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      {viewing !== null && (
        <div className="letter-versions__view">
          <p className="letter-versions__view-title">
            Version {viewing.version} ({KIND_LABELS[viewing.kind].toLowerCase()}), read-only
          </p>
          <DocView doc={viewing.doc} label={`Version ${viewing.version}, read-only`} />
        </div>
      )}
      {numbers.length > 1 && (
        <div className="letter-compare">
          <div className="letter-compare__controls">
            <SelectField
              label="Compare version"
              options={options}
              value={fromValue}
              onChange={(event) => setFrom(event.target.value)}
            />
            <SelectField
              label="with version"
              options={options}
              value={toValue}
              onChange={(event) => setTo(event.target.value)}
            />
            <Button onClick={() => void compare()}>Compare</Button>
          </div>
          {diffError !== null && (
            <p className="notice notice--fail" role="alert">
              {diffError}
            </p>
          )}
          {diff !== null && (
            <div
              className="letter-diff"
              role="region"
              aria-label={`Changes from version ${diff.from} to version ${diff.to}`}
            >
              <p className="letter-diff__legend small muted">
                Text only: <ins>inserted</ins> <del>deleted</del>
              </p>
              {diff.parts.every((part) => !part.added && !part.removed) ? (
                <p className="muted">The text of these versions is the same.</p>
              ) : (
                <p className="letter-diff__text">
                  {diff.parts.map((part, index) =>
                    part.added ? (
                      <ins key={index}>{part.value}</ins>
                    ) : part.removed ? (
                      <del key={index}>{part.value}</del>
                    ) : (
                      <Unchanged
                        key={index}
                        text={part.value}
                        first={index === 0}
                        last={index === diff.parts.length - 1}
                      />
                    ),
                  )}
                </p>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
