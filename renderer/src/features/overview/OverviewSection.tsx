import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  caseStatusSchema,
  caseTitleSchema,
  organisationSchema,
} from '../../../../shared/domain/case';
import type { OpenCase } from '../../../../shared/domain/case';
import { SelectField, TextField } from '../../components/Field';
import { formatInstant } from '../../lib/time';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { BundleCard } from '../bundles/BundleCard';
import { OverviewPictures } from './OverviewPictures';
import { useAutosaveText } from './useAutosaveText';

const STATUS_OPTIONS = CASE_STATUSES.map((status) => ({ value: status, label: CASE_STATUS_LABELS[status] }));

/** The case record, edited in place (every change saves itself), and the facts about its file. */
export function OverviewSection({ openCase }: { openCase: OpenCase }) {
  const { record } = openCase;
  const title = useAutosaveText('title', record.title, caseTitleSchema);
  const organisation = useAutosaveText('organisation', record.organisation, organisationSchema);
  const saveField = useWorkspaceStore((state) => state.saveField);
  const statusProblem = useWorkspaceStore((state) => state.problems.status);

  function changeStatus(value: string): void {
    const parsed = caseStatusSchema.safeParse(value);
    if (parsed.success) void saveField('status', { status: parsed.data });
  }

  return (
    <div className="overview">
      <section className="panel" aria-labelledby="case-record-heading">
        <h3 id="case-record-heading" className="panel__title">
          Case record
        </h3>
        <p className="panel__intro">Changes are saved to the case file as you type.</p>
        <div className="form-grid">
          <TextField
            label="Title"
            value={title.draft}
            error={title.error}
            maxLength={200}
            autoComplete="off"
            onChange={(event) => title.onChange(event.target.value)}
            onBlur={title.onBlur}
          />
          <TextField
            label="Organisation"
            value={organisation.draft}
            error={organisation.error}
            maxLength={200}
            autoComplete="organization"
            onChange={(event) => organisation.onChange(event.target.value)}
            onBlur={organisation.onBlur}
          />
          <SelectField
            label="Status"
            value={record.status}
            options={STATUS_OPTIONS}
            error={statusProblem}
            onChange={(event) => changeStatus(event.target.value)}
          />
        </div>
      </section>

      <OverviewPictures />

      <section className="panel" aria-labelledby="case-file-heading">
        <h3 id="case-file-heading" className="panel__title">
          Case file
        </h3>
        <dl className="facts">
          <dt>Case id</dt>
          <dd>
            <code className="mono">{record.id}</code>
          </dd>
          <dt>Created</dt>
          <dd>
            <time dateTime={record.createdAt}>{formatInstant(record.createdAt, { seconds: true })}</time>
          </dd>
          <dt>Last changed</dt>
          <dd>
            <time dateTime={record.updatedAt}>{formatInstant(record.updatedAt, { seconds: true })}</time>
          </dd>
          <dt>Schema version</dt>
          <dd className="num">{openCase.schemaVersion}</dd>
          <dt>File</dt>
          <dd>
            <code className="mono path">{openCase.path}</code>
          </dd>
        </dl>
      </section>

      <BundleCard />
    </div>
  );
}
