import { useState, type FormEvent } from 'react';
import type { DataElementTerm } from '../../../../../shared/domain/data-elements';
import type { RosterMapping } from '../../../../../shared/domain/roster';
import type { DatasetPreview } from '../../../../../shared/ipc/roster-contract';
import { TextField } from '../../../components/Field';
import { ExposedForEveryRow } from './ExposedForEveryRow';
import { MappingFileButtons } from './MappingFileButtons';
import { MappingTable } from './MappingTable';
import { ReadAs, type ReadOptions } from './ReadAs';
import { messageOf } from '../../../api/client';
import { draftOf, mappingOf, type MappingDraft } from './mapping-draft';
import { ScopeAndBadRows, type BadRowChoice } from './ScopeAndBadRows';

/** What the import is started with, besides the file and the job id. */
export interface ImportChoices {
  mapping: RosterMapping;
  name: string;
  scopeOf: string | null;
  onBadRow: BadRowChoice;
}

/**
 * The mapping dialog's form: the first rows with a field and an element per column, the elements
 * every row exposed, the dataset's name and scope, and what to do with unreadable rows.
 */
export function MappingForm({
  id,
  preview,
  defaultName,
  onReread,
  onSubmit,
}: {
  id: string;
  preview: DatasetPreview;
  defaultName: string;
  onReread: (options: ReadOptions) => Promise<void>;
  onSubmit: (choices: ImportChoices) => void;
}) {
  const [rereading, setRereading] = useState(false);
  const [rereadError, setRereadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<MappingDraft>(() => draftOf(preview.mapping, preview.columns).draft);
  const [loadedNote, setLoadedNote] = useState<string | null>(null);
  const [name, setName] = useState(defaultName);
  const [scopeOf, setScopeOf] = useState<string | null>(null);
  const [onBadRow, setOnBadRow] = useState<BadRowChoice>('skip');
  const [errors, setErrors] = useState<{ name?: string; form?: string }>({});

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const problems = {
      ...(name.trim() === '' ? { name: 'Give the dataset a name.' } : {}),
      ...(Object.values(draft.fields).every((field) => field === '')
        ? { form: 'Map at least one column to a roster field, or nobody can be counted.' }
        : {}),
    };
    setErrors(problems);
    if (problems.name !== undefined || problems.form !== undefined) return;
    onSubmit({ mapping: mappingOf(draft), name: name.trim(), scopeOf, onBadRow });
  }

  function applyLoaded(mapping: RosterMapping): void {
    const { draft: loaded, missing } = draftOf(mapping, preview.columns);
    setDraft(loaded);
    setLoadedNote(
      missing === 0
        ? 'Mapping loaded.'
        : `Mapping loaded; ${missing === 1 ? '1 column it names is' : `${missing} columns it names are`} not in this file and ${missing === 1 ? 'was' : 'were'} left out.`,
    );
  }

  return (
    <form id={id} className="roster-mapping" aria-label="Dataset mapping" noValidate onSubmit={submit}>
      <p className="muted">
        {preview.columns.length} columns · first {preview.rows.length} rows shown · read as{' '}
        {preview.format.toUpperCase()}
        {preview.format === 'csv' &&
          `, separated by “${preview.delimiter === '\t' ? 'tab' : preview.delimiter}”`}
        {preview.table !== null && `, table ${preview.table}`}
      </p>
      <ReadAs
        preview={preview}
        busy={rereading}
        onReread={(options) => {
          setRereading(true);
          setRereadError(null);
          onReread(options)
            .catch((failure: unknown) => setRereadError(messageOf(failure)))
            .finally(() => setRereading(false));
        }}
      />
      {rereadError !== null && (
        <p className="inline-error" role="alert">
          {rereadError}
        </p>
      )}
      <MappingTable
        preview={preview}
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          setErrors({});
        }}
      />
      <MappingFileButtons draft={draft} defaultName={defaultName} onLoaded={applyLoaded} />
      {loadedNote !== null && (
        <p className="muted" role="status">
          {loadedNote}
        </p>
      )}
      <ExposedForEveryRow
        selected={draft.exposes}
        onChange={(exposes: DataElementTerm[]) => setDraft({ ...draft, exposes })}
      />
      <TextField
        label="Dataset name"
        value={name}
        error={errors.name}
        autoComplete="off"
        onChange={(event) => setName(event.target.value)}
      />
      <ScopeAndBadRows
        scopeOf={scopeOf}
        onScopeOf={setScopeOf}
        onBadRow={onBadRow}
        onBadRowChange={setOnBadRow}
      />
      {errors.form !== undefined && (
        <p className="inline-error" role="alert">
          {errors.form}
        </p>
      )}
    </form>
  );
}
